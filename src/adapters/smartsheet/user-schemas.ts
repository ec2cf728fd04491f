// GET /users/me → UserProfile (smartsheet-api.md §4.7), and the Share of GET /sheets/{id}/shares.
import { z } from 'zod';
import { accessLevelSchema, idSchema, openEnum, optional, timestampSchema } from './common-schemas.js';

export const userProfileSchema = z.object({
  id: idSchema,
  email: z.string(),
  firstName: optional(z.string()),
  lastName: optional(z.string()),
  locale: optional(z.string()),
  timeZone: optional(z.string()),
  account: optional(z.object({ id: idSchema, name: optional(z.string()) })),
  admin: optional(z.boolean()),
  licensedSheetCreator: optional(z.boolean()),
  groupAdmin: optional(z.boolean()),
  resourceViewer: optional(z.boolean()),
  title: optional(z.string()),
  department: optional(z.string()),
  company: optional(z.string()),
  role: optional(z.string()),
  lastLogin: optional(timestampSchema),
  sheetCount: optional(z.int()),
});
export type UserProfile = z.infer<typeof userProfileSchema>;

export const SHARE_TYPES = ['USER', 'GROUP'] as const;
export const SHARE_SCOPES = ['ITEM', 'WORKSPACE'] as const;

/** Who may see a sheet: a user or a group, shared on the sheet itself or through its workspace. */
export const shareSchema = z.object({
  /** Share ids are strings, unlike every other id. */
  id: z.string(),
  type: openEnum(SHARE_TYPES),
  userId: optional(idSchema),
  groupId: optional(idSchema),
  email: optional(z.string()),
  name: optional(z.string()),
  accessLevel: accessLevelSchema,
  scope: optional(openEnum(SHARE_SCOPES)),
  createdAt: optional(timestampSchema),
  modifiedAt: optional(timestampSchema),
});
export type Share = z.infer<typeof shareSchema>;
