// The three success envelopes of smartsheet-api.md §1.4 and the error body of §1.5. Each endpoint
// knows which envelope it gets; these wrap the object schema it returns.
import { z } from 'zod';
import { idSchema, optional } from './common-schemas.js';

/** Offset paging (§3.1). `totalPages === -1` means "unknown: keep going until a page is empty". */
export function indexResultSchema<T extends z.ZodType>(item: T) {
  return z.object({
    pageNumber: optional(z.int()),
    pageSize: optional(z.int()),
    totalPages: optional(z.int()),
    totalCount: optional(z.int()),
    data: z.array(item),
  });
}
export interface IndexPage<T> {
  pageNumber?: number | undefined;
  totalPages?: number | undefined;
  data: T[];
}

/** Token paging (§3.2): `lastKey` absent or null means no more pages. */
export function tokenPageSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), lastKey: optional(z.string()) });
}
export interface TokenPage<T> {
  data: T[];
  lastKey?: string | undefined;
}

/** `{ errorCode, message, refId }` of one failed item of a bulk request, or of a whole request. */
export const errorBodySchema = z.object({
  errorCode: optional(z.int()),
  message: optional(z.string()),
  refId: optional(z.string()),
  detail: optional(z.unknown()),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const bulkItemFailureSchema = z.object({
  index: z.int(),
  rowId: optional(idSchema),
  error: errorBodySchema,
});
export type BulkItemFailure = z.infer<typeof bulkItemFailureSchema>;

/** The Result object every POST/PUT/DELETE answers with. */
export function resultSchema<T extends z.ZodType>(result: T) {
  return z.object({
    message: z.string(),
    resultCode: z.int(),
    result,
    version: optional(z.int()),
    failedItems: optional(z.array(bulkItemFailureSchema)),
  });
}

/** A Result whose `result` we do not need (deletes of single objects). */
export const emptyResultSchema = z.object({
  message: z.string(),
  resultCode: z.int(),
  version: optional(z.int()),
});
