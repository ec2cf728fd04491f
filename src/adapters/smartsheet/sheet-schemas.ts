// Sheet, Column, Row, Cell and CellHistory (smartsheet-api.md §4.1–§4.5), as GET /sheets/{id},
// the columns list, the row writes and cell history return them.
import { z } from 'zod';
import { attachmentSchema } from './attachment-schemas.js';
import {
  accessLevelSchema,
  idSchema,
  miniUserSchema,
  openEnum,
  optional,
  timestampSchema,
} from './common-schemas.js';

export const COLUMN_TYPES = [
  'TEXT_NUMBER',
  'DATE',
  'DATETIME',
  'ABSTRACT_DATETIME',
  'CHECKBOX',
  'PICKLIST',
  'MULTI_PICKLIST',
  'CONTACT_LIST',
  'MULTI_CONTACT_LIST',
  'DURATION',
  'PREDECESSOR',
] as const;
export const columnTypeSchema = openEnum(COLUMN_TYPES);

export const SYSTEM_COLUMN_TYPES = [
  'AUTO_NUMBER',
  'CREATED_BY',
  'CREATED_DATE',
  'MODIFIED_BY',
  'MODIFIED_DATE',
] as const;

const primitiveValueSchema = z.union([z.string(), z.number(), z.boolean()]);
export type CellPrimitive = z.infer<typeof primitiveValueSchema>;

/**
 * With include=objectValue: a primitive for simple cells, or a typed object (CONTACT, MULTI_CONTACT,
 * MULTI_PICKLIST, DATE…). Object fields beyond `objectType` vary by type and are kept as they come.
 */
export const objectValueSchema = z.union([primitiveValueSchema, z.looseObject({ objectType: z.string() })]);
export type ObjectValue = z.infer<typeof objectValueSchema>;

export const hyperlinkSchema = z.object({
  url: optional(z.string()),
  sheetId: optional(idSchema),
  reportId: optional(idSchema),
  sightId: optional(idSchema),
});

export const cellSchema = z.object({
  columnId: idSchema,
  /** Absent when the cell is empty. */
  value: optional(primitiveValueSchema),
  displayValue: optional(z.string()),
  formula: optional(z.string()),
  objectValue: optional(objectValueSchema),
  columnType: optional(columnTypeSchema),
  hyperlink: optional(hyperlinkSchema),
});
export type Cell = z.infer<typeof cellSchema>;

export const columnSchema = z.object({
  id: idSchema,
  index: z.int(),
  title: z.string(),
  type: columnTypeSchema,
  /** Only present (true) on the primary column. */
  primary: optional(z.boolean()),
  systemColumnType: optional(openEnum(SYSTEM_COLUMN_TYPES)),
  options: optional(z.array(z.string())),
  contactOptions: optional(z.array(miniUserSchema)),
  symbol: optional(z.string()),
  autoNumberFormat: optional(
    z.object({
      prefix: optional(z.string()),
      suffix: optional(z.string()),
      fill: optional(z.string()),
      startingNumber: optional(z.number()),
    }),
  ),
  validation: optional(z.boolean()),
  locked: optional(z.boolean()),
  lockedForUser: optional(z.boolean()),
  hidden: optional(z.boolean()),
  width: optional(z.number()),
  formula: optional(z.string()),
  description: optional(z.string()),
  version: optional(z.int()),
});
export type Column = z.infer<typeof columnSchema>;

export const rowSchema = z.object({
  id: idSchema,
  /** Absent on some write results (update responses omit it). */
  sheetId: optional(idSchema),
  rowNumber: optional(z.int()),
  siblingId: optional(idSchema),
  parentId: optional(idSchema),
  expanded: optional(z.boolean()),
  createdAt: optional(timestampSchema),
  modifiedAt: optional(timestampSchema),
  /** With include=writerInfo. */
  createdBy: optional(miniUserSchema),
  modifiedBy: optional(miniUserSchema),
  locked: optional(z.boolean()),
  lockedForUser: optional(z.boolean()),
  accessLevel: optional(accessLevelSchema),
  version: optional(z.int()),
  /** Capital L, as the API spells it (include=rowPermalink). */
  permaLink: optional(z.string()),
  filteredOut: optional(z.boolean()),
  attachments: optional(z.array(attachmentSchema)),
  cells: z.array(cellSchema).default([]),
});
export type Row = z.infer<typeof rowSchema>;

/** The list form of GET /sheets (§4.1): no columns or rows. */
export const sheetSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  accessLevel: optional(accessLevelSchema),
  permalink: optional(z.string()),
  createdAt: optional(timestampSchema),
  modifiedAt: optional(timestampSchema),
  /** With include=sheetVersion. */
  version: optional(z.int()),
  /** With include=ownerInfo. */
  owner: optional(z.string()),
  ownerId: optional(idSchema),
});
export type SheetSummary = z.infer<typeof sheetSummarySchema>;

export const sheetSchema = z.object({
  id: idSchema,
  name: z.string(),
  version: optional(z.int()),
  totalRowCount: optional(z.int()),
  accessLevel: optional(accessLevelSchema),
  permalink: optional(z.string()),
  createdAt: optional(timestampSchema),
  modifiedAt: optional(timestampSchema),
  owner: optional(z.string()),
  ownerId: optional(idSchema),
  readOnly: optional(z.boolean()),
  effectiveAttachmentOptions: optional(z.array(z.string())),
  workspace: optional(z.object({ id: idSchema, name: optional(z.string()) })),
  columns: z.array(columnSchema).default([]),
  rows: z.array(rowSchema).default([]),
  /** Sheet-level attachments (include=attachments). */
  attachments: optional(z.array(attachmentSchema)),
});
export type Sheet = z.infer<typeof sheetSchema>;

export const sheetVersionSchema = z.object({ version: z.int() });

/** A Cell as it was at one point in time, newest first (§4.5). */
export const cellHistorySchema = cellSchema.extend({
  modifiedAt: optional(timestampSchema),
  modifiedBy: optional(miniUserSchema),
});
export type CellHistory = z.infer<typeof cellHistorySchema>;
