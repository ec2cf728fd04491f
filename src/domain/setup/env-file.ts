// The files `ledgerline init` writes: `.env`-style lines, rendered deterministically so the same
// values always give the same bytes (a re-run that changes nothing leaves the file byte-identical).
// Keys follow the configuration table's order; keys the table does not know keep their own, sorted.
// Every value is quoted only as much as dotenv (the loader's parser) needs to read it back exactly.

/** A value that no quoting style can carry through dotenv unchanged. */
export class UnwritableEnvValueError extends Error {
  constructor(readonly key: string) {
    super(`The value of ${key} cannot be written to an env file (it mixes quotes and line breaks)`);
  }
}

/** Characters a bare (unquoted) value may hold: no spaces, quotes, `#`, `$` or backslashes. */
const BARE_VALUE = /^[A-Za-z0-9_./:@,+=%~-]*$/;
const KEY_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * One value as dotenv reads it back: bare when safe; single quotes (literal) when it has no `'`,
 * no line break and no final backslash; double quotes with `\n` for line breaks when it has no `"` and no backslash.
 */
export function quoteEnvValue(key: string, value: string): string {
  if (BARE_VALUE.test(value)) return value;
  // A final backslash would read as an escaped closing quote.
  if (!value.includes("'") && !/[\r\n]/.test(value) && !value.endsWith('\\')) return `'${value}'`;
  if (!value.includes('"') && !value.includes('\\') && !value.includes('\r')) {
    return `"${value.replace(/\n/g, '\\n')}"`;
  }
  throw new UnwritableEnvValueError(key);
}

export interface EnvFileContent {
  /** Comment lines at the top (without `# `). */
  readonly header: readonly string[];
  readonly values: Readonly<Record<string, string>>;
}

/**
 * The file's text: the header, then one `KEY=value` line per entry — keys of `keyOrder` first in
 * that order, then any other keys sorted — and a final newline. Pure: same input, same bytes.
 */
export function renderEnvFile(content: EnvFileContent, keyOrder: readonly string[]): string {
  const rank = new Map(keyOrder.map((key, index) => [key, index]));
  const keys = Object.keys(content.values).sort((a, b) => {
    const ra = rank.get(a);
    const rb = rank.get(b);
    if (ra !== undefined && rb !== undefined) return ra - rb;
    if (ra !== undefined) return -1;
    if (rb !== undefined) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const lines = content.header.map((line) => (line === '' ? '#' : `# ${line}`));
  for (const key of keys) {
    if (!KEY_NAME.test(key)) throw new UnwritableEnvValueError(key);
    lines.push(`${key}=${quoteEnvValue(key, content.values[key] ?? '')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Credentials in a URL's user-info part (`postgres://user:password@host/db`). */
function urlCarriesPassword(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^/@\s]*@/i.test(value);
}

/**
 * Splits the configuration into what may sit in the readable config file and what must go to the
 * mode-600 `.env`: every secret key, and any value carrying URL credentials (a Postgres URL with a
 * password is a secret even though the key is not).
 */
export function splitSecretEntries(
  values: Readonly<Record<string, string>>,
  secretKeys: ReadonlySet<string>,
): { settings: Record<string, string>; secrets: Record<string, string> } {
  const settings: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (secretKeys.has(key) || urlCarriesPassword(value)) secrets[key] = value;
    else settings[key] = value;
  }
  return { settings, secrets };
}
