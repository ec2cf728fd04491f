// Attachment (smartsheet-api.md §4.6). `url` and `urlExpiresInMillis` are present only from Get
// Attachment for files (a temporary pre-signed download URL) and on LINK attachments.
import { z } from 'zod';
import { idSchema, miniUserSchema, openEnum, optional, timestampSchema } from './common-schemas.js';

export const ATTACHMENT_TYPES = [
  'FILE',
  'LINK',
  'BOX_COM',
  'DROPBOX',
  'EGNYTE',
  'EVERNOTE',
  'GOOGLE_DRIVE',
  'ONEDRIVE',
  'TRELLO',
] as const;

export const ATTACHMENT_PARENT_TYPES = ['SHEET', 'ROW', 'COMMENT', 'PROOF'] as const;

export const attachmentSchema = z.object({
  id: idSchema,
  name: z.string(),
  attachmentType: openEnum(ATTACHMENT_TYPES),
  attachmentSubType: optional(z.string()),
  mimeType: optional(z.string()),
  sizeInKb: optional(z.number()),
  parentType: optional(openEnum(ATTACHMENT_PARENT_TYPES)),
  parentId: optional(idSchema),
  createdAt: optional(timestampSchema),
  createdBy: optional(miniUserSchema),
  url: optional(z.string()),
  urlExpiresInMillis: optional(z.int()),
  description: optional(z.string()),
});
export type Attachment = z.infer<typeof attachmentSchema>;
