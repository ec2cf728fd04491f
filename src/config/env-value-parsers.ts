// zod parsers for environment-variable strings. Every value arrives as a string; these turn it into
// the typed value or a message that says what a valid value looks like.
import { z } from 'zod';
import { parseBackupKey } from '../domain/backup/backup-key.js';

export const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const secretOfAtLeast32 = z.string().trim().min(32, 'must be at least 32 characters');

export function integer(min: number, max: number) {
  return z
    .string()
    .trim()
    .regex(/^-?\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
}

export function decimal(min: number, max: number) {
  return z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, 'must be a number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
}

export const boolean = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'].includes(v), 'must be true or false')
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(values, { error: `must be one of: ${values.join(', ')}` }));
}

/** A comma-separated list of Smartsheet ids (64-bit, always below 2^53 in practice). */
export const idList = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const ids: number[] = [];
    for (const part of v
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const id = Number(part);
      if (!/^\d+$/.test(part) || !Number.isSafeInteger(id)) {
        ctx.addIssue({ code: 'custom', message: `'${part}' is not a Smartsheet id (digits only)` });
        return z.NEVER;
      }
      ids.push(id);
    }
    return ids;
  });

export const stringList = z.string().transform((v) =>
  v
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean),
);

export const httpUrl = z
  .string()
  .trim()
  .refine((v) => {
    try {
      const url = new URL(v);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// URL')
  .transform((v) => v.replace(/\/+$/, ''));

export const timeZone = z
  .string()
  .trim()
  .refine((v) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: v });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as America/Chicago');

export const emailAddress = z
  .string()
  .trim()
  .pipe(z.email({ error: 'must be an e-mail address' }));

/** Where the store lives: an embedded SQLite file or a Postgres server. */
export type DatabaseLocation =
  { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; schema?: string };

/**
 * `postgres://user@host:5432/db` (optionally `?schema=name`), `sqlite:<path>`, `file:<path>` or a
 * bare file path ending in .db/.sqlite.
 */
export const databaseUrl = z
  .string()
  .trim()
  .transform((v, ctx): DatabaseLocation => {
    const problem = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    if (/^postgres(ql)?:/i.test(v)) {
      let url: URL;
      try {
        url = new URL(v);
      } catch {
        return problem('is not a valid postgres:// URL (expected postgres://user@host:5432/database)');
      }
      if (!url.hostname) return problem('has no host (expected postgres://user@host:5432/database)');
      if (url.pathname.length <= 1)
        return problem('names no database (expected postgres://user@host:5432/database)');
      if (url.port && !/^\d+$/.test(url.port)) return problem('has a port that is not a number');
      const schema = url.searchParams.get('schema') ?? undefined;
      if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/i.test(schema))
        return problem('has an invalid ?schema= name');
      url.searchParams.delete('schema');
      return schema
        ? { kind: 'postgres', url: url.toString(), schema }
        : { kind: 'postgres', url: url.toString() };
    }
    const sqlite = /^(sqlite|file):(.*)$/i.exec(v);
    if (sqlite) {
      const path = (sqlite[2] ?? '').replace(/^\/\/(?=\/)/, '');
      return path
        ? { kind: 'sqlite', path }
        : problem('names no file (expected sqlite:./path/to/ledgerline.db)');
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) {
      return problem('uses an unsupported scheme (expected postgres://…, sqlite:<path> or a file path)');
    }
    if (/\.(db|sqlite|sqlite3)$/i.test(v) || v === ':memory:') return { kind: 'sqlite', path: v };
    return problem('is neither a postgres:// URL nor a SQLite file (sqlite:<path> or a path ending in .db)');
  });

/** Strip credentials from a database URL for display. */
export function describeDatabase(location: DatabaseLocation): string {
  if (location.kind === 'sqlite') return `sqlite:${location.path}`;
  const url = new URL(location.url);
  if (url.password) url.password = '***';
  return `${url.toString()}${location.schema ? ` (schema ${location.schema})` : ''}`;
}

/** `07-18`: local hours [start, end) of a working day. */
export const workingHours = z
  .string()
  .trim()
  .regex(/^\d{1,2}-\d{1,2}$/, 'must look like 07-18')
  .transform((v) => {
    const [start, end] = v.split('-').map(Number) as [number, number];
    return { startHour: start, endHour: end };
  })
  .refine(
    (h) => h.startHour < h.endHour && h.endHour <= 24,
    'must be a start hour before an end hour, within 0-24',
  );

/** `rules=0.9,anomaly=0.8,editor=0.3`: the risk weights, each named once, each from 0 to 1. */
export const riskWeights = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const weights: Record<string, number> = {};
    for (const part of v.split(',')) {
      const [name, value, extra] = part.split('=').map((p) => p.trim());
      const number = Number(value);
      if (!name || value === undefined || value === '' || extra !== undefined || !Number.isFinite(number)) {
        ctx.addIssue({ code: 'custom', message: `"${part}" must look like name=0.5` });
        return z.NEVER;
      }
      if (!['rules', 'anomaly', 'editor'].includes(name)) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown weight "${name}" (expected rules, anomaly, editor)`,
        });
        return z.NEVER;
      }
      if (number < 0 || number > 1) {
        ctx.addIssue({ code: 'custom', message: `weight ${name} must be from 0 to 1 (got ${value})` });
        return z.NEVER;
      }
      weights[name] = number;
    }
    const missing = ['rules', 'anomaly', 'editor'].filter((n) => weights[n] === undefined);
    if (missing.length > 0) {
      ctx.addIssue({ code: 'custom', message: `missing weight ${missing.join(', ')}` });
      return z.NEVER;
    }
    return { rules: weights['rules']!, anomaly: weights['anomaly']!, editor: weights['editor']! };
  });

/** A backup encryption key: 32 bytes as 64 hex digits or base64. Kept as text; app/ decodes it. */
export const backupKey = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const parsed = parseBackupKey(v);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.reason });
      return z.NEVER;
    }
    return v;
  });
