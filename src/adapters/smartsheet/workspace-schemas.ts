// Workspaces, folder/workspace children and the sheet path tree (smartsheet-api.md §4.8, §5.6),
// the current discovery model after the 2025-08-04 deprecations.
import { z } from 'zod';
import { accessLevelSchema, idSchema, openEnum, optional, timestampSchema } from './common-schemas.js';

export const workspaceSchema = z.object({
  id: idSchema,
  name: z.string(),
  accessLevel: optional(accessLevelSchema),
  permalink: optional(z.string()),
});
export type Workspace = z.infer<typeof workspaceSchema>;

export const RESOURCE_TYPES = ['sheet', 'report', 'sight', 'folder', 'template'] as const;

/** One child of a workspace or folder (an AssetReference). */
export const containerChildSchema = z.object({
  id: idSchema,
  name: z.string(),
  resourceType: openEnum(RESOURCE_TYPES),
  permalink: optional(z.string()),
  createdAt: optional(timestampSchema),
  modifiedAt: optional(timestampSchema),
  accessLevel: optional(accessLevelSchema),
});
export type ContainerChild = z.infer<typeof containerChildSchema>;

export const pathLeafSchema = z.object({
  id: idSchema,
  name: z.string(),
  permalink: optional(z.string()),
  accessLevel: optional(accessLevelSchema),
  createdAt: optional(timestampSchema),
  modifiedAt: optional(timestampSchema),
});
export type PathLeaf = z.infer<typeof pathLeafSchema>;

/** GET /sheets/{id}/path: the workspace at the root, nested folders, the sheet as the leaf. */
export interface SheetPathNode {
  id: number;
  name: string;
  permalink?: string | undefined;
  accessLevel?: string | undefined;
  folders?: SheetPathNode[] | undefined;
  sheets?: PathLeaf[] | undefined;
}

export const sheetPathNodeSchema: z.ZodType<SheetPathNode> = z.lazy(() =>
  z.object({
    id: idSchema,
    name: z.string(),
    permalink: optional(z.string()),
    accessLevel: optional(z.string()),
    folders: optional(z.array(sheetPathNodeSchema)),
    sheets: optional(z.array(pathLeafSchema)),
  }),
);

/** The names from the root to the sheet, e.g. ['Billing', '2026', 'Crew A'], for messages. */
export function sheetPathNames(node: SheetPathNode): string[] {
  const leaf = node.sheets?.[0];
  if (leaf) return [node.name, leaf.name];
  const folder = node.folders?.[0];
  return folder ? [node.name, ...sheetPathNames(folder)] : [node.name];
}
