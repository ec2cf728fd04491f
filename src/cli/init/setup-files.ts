// The two files `ledgerline init` writes in the deployment folder: `ledgerline.env` (settings, no
// secrets) and `.env` (secrets, mode 600). Read with dotenv (as the loader reads them) and written
// atomically — a temporary file beside the target, then a rename — and only when the bytes differ.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { CONFIG_KEYS, SETTINGS_FILE_NAME } from '../../config/index.js';
import { renderEnvFile, splitSecretEntries } from '../../domain/setup/env-file.js';

export const SECRETS_FILE_NAME = '.env';
const KEY_ORDER = CONFIG_KEYS.map((k) => k.env);
const SECRET_KEYS: ReadonlySet<string> = new Set(
  CONFIG_KEYS.filter((k) => 'secret' in k && k.secret).map((k): string => k.env),
);

const SETTINGS_HEADER = [
  'Ledgerline settings, written by `ledgerline init` (no secrets here: they are in .env, mode 600).',
  'Keys follow the configuration table (README); edit freely, init keeps every value it does not ask about.',
];
const SECRETS_HEADER = [
  'Ledgerline secrets, written by `ledgerline init`. Keep this file mode 600 and out of version control.',
];

export interface SetupFile {
  path: string;
  /** The bytes on disk, or undefined when the file does not exist. */
  text: string | undefined;
  mode: number | undefined;
}

export interface SetupFiles {
  settings: SetupFile;
  secrets: SetupFile;
  /** Every value of both files (the .env wins where both name a key). */
  values: Record<string, string>;
}

function readSetupFile(file: string): SetupFile {
  if (!existsSync(file)) return { path: file, text: undefined, mode: undefined };
  return { path: file, text: readFileSync(file, 'utf8'), mode: statSync(file).mode & 0o777 };
}

export function readSetupFiles(dir: string): SetupFiles {
  const settings = readSetupFile(path.join(dir, SETTINGS_FILE_NAME));
  const secrets = readSetupFile(path.join(dir, SECRETS_FILE_NAME));
  return {
    settings,
    secrets,
    values: { ...parseDotenv(settings.text ?? ''), ...parseDotenv(secrets.text ?? '') },
  };
}

/** The texts of both files for these values; secrets (and URLs with a password) go to `.env`. */
export function renderSetupFiles(values: Readonly<Record<string, string>>): {
  settings: string;
  secrets: string;
} {
  const { settings, secrets } = splitSecretEntries(values, SECRET_KEYS);
  return {
    settings: renderEnvFile({ header: SETTINGS_HEADER, values: settings }, KEY_ORDER),
    secrets: renderEnvFile({ header: SECRETS_HEADER, values: secrets }, KEY_ORDER),
  };
}

interface StagedWrite {
  /** The temporary file holding the new bytes; undefined when only the mode changes. */
  temporary: string | undefined;
  commit(): void;
}

function stage(file: SetupFile, text: string, mode: number): StagedWrite | undefined {
  if (file.text === text) {
    // Same bytes: leave the file alone, only tighten a too-open mode.
    if (file.mode === undefined || file.mode === mode || mode !== 0o600) return undefined;
    return { temporary: undefined, commit: () => chmodSync(file.path, mode) };
  }
  const temporary = `${file.path}.${randomBytes(4).toString('hex')}.tmp`;
  // Created with its final mode, so a secret is never readable by others, not even for a moment.
  writeFileSync(temporary, text, { mode, flag: 'wx' });
  chmodSync(temporary, mode);
  return { temporary, commit: () => renameSync(temporary, file.path) };
}

/**
 * Writes both files, each only when its bytes change. Both temporary files are written before
 * either is renamed into place, so a full disk or a permission problem leaves the old pair intact.
 * Returns the paths whose content changed.
 */
export function writeSetupFiles(files: SetupFiles, texts: { settings: string; secrets: string }): string[] {
  const staged: { path: string; write: StagedWrite }[] = [];
  try {
    for (const [file, text, mode] of [
      [files.settings, texts.settings, 0o644],
      [files.secrets, texts.secrets, 0o600],
    ] as const) {
      const write = stage(file, text, mode);
      if (write) staged.push({ path: file.path, write });
    }
  } catch (error) {
    for (const { write } of staged) if (write.temporary) rmSync(write.temporary, { force: true });
    throw error;
  }
  for (const { write } of staged) write.commit();
  return staged.filter((s) => s.write.temporary !== undefined).map((s) => s.path);
}
