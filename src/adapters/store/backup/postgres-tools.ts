// The PostgreSQL client programs a Postgres backup uses when they are installed: pg_dump to copy
// the data inside the snapshot Ledgerline holds open, psql to load it back. The password never
// goes on a command line (where `ps` would show it): it travels in a private passfile.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AppError, ErrorCode } from '../../../domain/app-error.js';

/** Program names (or paths) of the tools; a name is looked up on PATH. */
export interface PostgresTools {
  readonly pgDump: string;
  readonly psql: string;
}

export const DEFAULT_POSTGRES_TOOLS: PostgresTools = { pgDump: 'pg_dump', psql: 'psql' };

interface ToolRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `work` with a libpq connection URI for `url` that holds no password: when the URL has one,
 * it is written to a passfile (mode 600) that the URI names and that is removed afterwards.
 */
async function withConnection<T>(url: string, work: (dbname: string) => Promise<T>): Promise<T> {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  parsed.searchParams.delete('schema');
  if (!password) return work(parsed.toString());
  const folder = await mkdtemp(path.join(os.tmpdir(), 'ledgerline-pgpass-'));
  try {
    const passfile = path.join(folder, 'pgpass');
    await writeFile(passfile, `*:*:*:*:${password.replace(/([\\:])/g, '\\$1')}\n`, { mode: 0o600 });
    parsed.searchParams.set('passfile', passfile);
    return await work(parsed.toString());
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function run(program: string, args: readonly string[], stdin?: Readable) {
  return new Promise<ToolRun>((resolve, reject) => {
    const child = spawn(program, args, { stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-8_000)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (stdin && child.stdin) {
      // A tool that exits early closes its stdin; its exit code tells what happened.
      child.stdin.on('error', () => undefined);
      stdin.on('error', (error) => {
        child.kill();
        reject(error);
      });
      stdin.pipe(child.stdin);
    }
  });
}

/** The tool's version line, or undefined when it is not installed. */
export async function toolVersion(program: string): Promise<string | undefined> {
  try {
    const result = await run(program, ['--version']);
    return result.code === 0 ? result.stdout.trim() : undefined;
  } catch {
    return undefined;
  }
}

function failed(what: string, result: ToolRun): AppError {
  const detail = result.stderr.trim().split('\n').slice(-3).join(' / ');
  return new AppError(ErrorCode.INTERNAL, `${what} failed (exit ${result.code ?? 'signal'}): ${detail}`, {
    hint: 'Check that the PostgreSQL client tools match the server version, or uninstall them to use the logical export.',
  });
}

/**
 * Dumps the data (not the schema, which migrations rebuild) of one schema as plain SQL, reading
 * the snapshot another session exported so the dump matches the facts read in that session.
 */
export async function dumpSchemaData(
  tools: PostgresTools,
  options: { url: string; schema: string; snapshot: string; file: string; excludeTables: readonly string[] },
): Promise<void> {
  const result = await withConnection(options.url, (dbname) =>
    run(tools.pgDump, [
      `--dbname=${dbname}`,
      '--data-only',
      '--format=plain',
      '--no-owner',
      '--no-privileges',
      `--schema=${quoteForPattern(options.schema)}`,
      ...options.excludeTables.map((table) => `--exclude-table=${quoteForPattern(options.schema)}.${table}`),
      `--snapshot=${options.snapshot}`,
      `--file=${options.file}`,
    ]),
  );
  if (result.code !== 0) throw failed('pg_dump', result);
}

/** Runs an SQL script (from a stream) in one transaction, stopping at the first error. */
export async function runSqlScript(tools: PostgresTools, url: string, script: Readable): Promise<void> {
  const result = await withConnection(url, (dbname) =>
    run(
      tools.psql,
      [
        '--no-psqlrc',
        '--quiet',
        '--set=ON_ERROR_STOP=1',
        '--single-transaction',
        `--dbname=${dbname}`,
        '--file=-',
      ],
      script,
    ),
  );
  if (result.code !== 0) throw failed('psql', result);
}

/** pg_dump patterns fold unquoted names to lower case; quoting keeps the name exact. */
function quoteForPattern(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
