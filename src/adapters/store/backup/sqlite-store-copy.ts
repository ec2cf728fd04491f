// The SQLite side of backups. The copy uses SQLite's online backup API through a connection of its
// own: pages are copied in steps between which other connections keep reading and writing, and a
// write by another connection restarts the copy, so what lands in the file is one consistent state.
// A restore is a plain file copy into a place that holds no database yet.
import { constants } from 'node:fs';
import { copyFile, mkdir, mkdtemp, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { AppError, ErrorCode } from '../../../domain/app-error.js';
import type { RestoredStore, StoreCopyResult } from '../../../ports/store-copy.js';
import { openStore, type StoreLogger } from '../open-store.js';
import { storeInternals } from '../store-internals.js';
import { restoredStore } from './restored-store.js';
import { appliedMigrations, chainHeadOf, rowCounts, storeTables } from './store-facts.js';

const COPY_FILE = 'store.sqlite';
/** Pages per backup step: large steps finish before a writer can restart the copy too often. */
const PAGES_PER_STEP = 4_096;

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

export async function copySqliteStore(
  livePath: string,
  folder: string,
  logger: StoreLogger,
): Promise<StoreCopyResult> {
  if (livePath === ':memory:') {
    throw new AppError(ErrorCode.INPUT_INVALID, 'An in-memory SQLite store cannot be backed up', {
      hint: 'Point LEDGERLINE_DATABASE_URL at a file.',
    });
  }
  if (!(await exists(livePath))) {
    throw new AppError(ErrorCode.DATABASE_UNAVAILABLE, `There is no SQLite store at ${livePath} to back up`, {
      hint: 'Check LEDGERLINE_DATABASE_URL; `ledgerline db migrate` creates the store.',
    });
  }
  const target = path.join(folder, COPY_FILE);
  const source = new Database(livePath, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(target, { progress: () => PAGES_PER_STEP });
  } finally {
    source.close();
  }
  // The facts come from the copy itself, so they describe exactly what was saved.
  const copy = await openStore({ kind: 'sqlite', path: target }, { logger });
  try {
    const { db } = storeInternals(copy);
    const tables = await storeTables(db, 'sqlite');
    const version = await sql<{ version: string }>`select sqlite_version() as version`.execute(db);
    return {
      rawFile: COPY_FILE,
      facts: {
        dialect: 'sqlite',
        method: 'sqlite-online-backup',
        schema: null,
        serverVersion: `SQLite ${version.rows[0]?.version ?? '?'}`,
        toolVersion: null,
        migrations: await appliedMigrations(db, 'sqlite'),
        rowCounts: await rowCounts(db, tables),
      },
      chainHead: await chainHeadOf(db),
    };
  } finally {
    await copy.close();
  }
}

/** Copies the plain SQLite file into `targetPath` (or a temporary folder) and opens it. */
export async function restoreSqliteStore(
  file: string,
  targetPath: string | undefined,
  logger: StoreLogger,
): Promise<RestoredStore> {
  let temporaryFolder: string | undefined;
  let placed = targetPath;
  if (placed === undefined) {
    temporaryFolder = await mkdtemp(path.join(os.tmpdir(), 'ledgerline-drill-'));
    placed = path.join(temporaryFolder, 'ledgerline.db');
  } else if (await exists(placed)) {
    throw new AppError(ErrorCode.CONFLICT, `Cannot restore into ${placed}: a file is already there`, {
      hint: 'Move it away or choose another place with --to.',
    });
  } else {
    await mkdir(path.dirname(path.resolve(placed)), { recursive: true });
  }
  await copyFile(file, placed, constants.COPYFILE_EXCL);
  const store = await openStore({ kind: 'sqlite', path: placed }, { logger });
  return restoredStore(store, { kind: 'sqlite', path: placed }, temporaryFolder);
}
