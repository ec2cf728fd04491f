// Building blocks shared by every response schema (smartsheet-api.md §1.3, §4): ids, timestamps,
// optional fields, open enums. Unknown fields are dropped by zod's default object parsing, which is
// what "clients must ignore unknown fields" asks for.
import { z } from 'zod';

/** Ids are 64-bit on the wire but stay below 2^53 in practice; z.int() rejects anything unsafe. */
export const idSchema = z.int();

/**
 * REST bodies use `2017-10-09T01:54:15Z`, webhook callbacks `2015-10-27T17:04:23.795+0000`, and
 * `numericDates=true` turns both into epoch milliseconds. All three parse to a Date.
 */
const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export const timestampSchema = z.union([
  z
    .string()
    .regex(TIMESTAMP_TEXT, 'expected an ISO-8601 timestamp')
    // `+0000` is not ISO-8601 extended format; Date.parse accepts it in V8 only by leniency.
    .transform((text) => new Date(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')))
    .refine((date) => !Number.isNaN(date.getTime()), 'not a real date'),
  z.int().transform((millis) => new Date(millis)),
]);

/** Parses a timestamp text in either API shape; undefined when it is neither. */
export function parseSmartsheetTimestamp(value: string | number): Date | undefined {
  const parsed = timestampSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * An optional field that also tolerates `null`: Smartsheet omits absent fields, but a proxy or a
 * future API version sending `null` must not fail a whole sheet read.
 */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === null ? undefined : value), schema.optional());
}

/**
 * A string enum that keeps the documented values in its type but accepts new ones: Smartsheet adds
 * values over time (e.g. DISABLED_EXCEEDED_GRID_LIMITS appeared in the SDK before the docs), and one
 * unknown access level must not make a sheet unreadable.
 */
export function openEnum<const T extends readonly string[]>(_known: T) {
  return z.string().transform((value) => value as T[number] | (string & {}));
}

/** `{ name, email }` as in createdBy / modifiedBy. */
export const miniUserSchema = z.object({
  name: optional(z.string()),
  email: optional(z.string()),
});
export type MiniUser = z.infer<typeof miniUserSchema>;

export const ACCESS_LEVELS = ['ADMIN', 'COMMENTER', 'EDITOR', 'EDITOR_SHARE', 'OWNER', 'VIEWER'] as const;
export const accessLevelSchema = openEnum(ACCESS_LEVELS);
export type AccessLevel = z.infer<typeof accessLevelSchema>;
