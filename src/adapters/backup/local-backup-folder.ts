// The BackupFolder port on a local (or mounted) folder: `<root>/<backup id>/` per backup, written
// under `<root>/.partial-<id>/` and renamed into place by commit, so a crash never leaves something
// that looks like a finished backup. Point the folder at another disk than the store's.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import { isBackupId } from '../../domain/backup/backup-id.js';
import {
  isSafeFileName,
  parseBackupManifest,
  type BackupFile,
  type BackupManifest,
} from '../../domain/backup/backup-manifest.js';
import type { BackupFolder, BackupWriter, ExtractedFile, FileCheck } from '../../ports/backup-folder.js';
import { sealFile, unsealFile, type BackupKey } from './sealed-file.js';

export const MANIFEST_FILE = 'manifest.json';
const RAW_FOLDER = '.raw';

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** Every file below `folder`, as `/`-separated relative names, sorted. */
async function filesBelow(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

export function localBackupFolder(root: string, key?: BackupKey): BackupFolder {
  const folderOf = (backupId: string) => {
    if (!isBackupId(backupId)) {
      throw new AppError(ErrorCode.INPUT_INVALID, `${JSON.stringify(backupId)} is not a backup id`, {
        hint: 'Backup ids look like backup-20250818T020000Z-3f9a1c; `ledgerline backup list` shows them.',
      });
    }
    return path.join(root, backupId);
  };
  const storedName = (name: string) => `${name}.gz${key ? '.enc' : ''}`;

  async function begin(backupId: string): Promise<BackupWriter> {
    const final = folderOf(backupId);
    const staging = path.join(root, `.partial-${backupId}`);
    const raw = path.join(staging, RAW_FOLDER);
    await mkdir(raw, { recursive: true, mode: 0o700 });

    const place = async (name: string) => {
      if (!isSafeFileName(name)) throw new Error(`unsafe backup file name ${name}`);
      const target = path.join(staging, storedName(name));
      await mkdir(path.dirname(target), { recursive: true });
      return target;
    };

    return {
      stagingPath: raw,
      async writeJson(name, value) {
        const plain = path.join(raw, `${name.replace(/\//g, '__')}.plain`);
        await writeFile(plain, JSON.stringify(value), { mode: 0o600 });
        await sealFile(plain, await place(name), storedName(name), key);
        await rm(plain);
        return storedName(name);
      },
      async seal(rawName) {
        await sealFile(path.join(raw, rawName), await place(rawName), storedName(rawName), key);
        await rm(path.join(raw, rawName));
        return storedName(rawName);
      },
      async commit(partial) {
        await rm(raw, { recursive: true, force: true });
        const files: BackupFile[] = [];
        for (const name of await filesBelow(staging)) {
          const file = path.join(staging, name);
          files.push({ name, sha256: await sha256Of(file), sizeBytes: (await stat(file)).size });
        }
        const manifest: BackupManifest = {
          ...partial,
          encryption: key ? { algorithm: 'AES-256-GCM', keyId: key.id } : null,
          files,
        };
        const text = `${JSON.stringify(manifest, null, 2)}\n`;
        await writeFile(path.join(staging, MANIFEST_FILE), text, { mode: 0o600 });
        await rename(staging, final);
        return {
          manifest,
          checksum: createHash('sha256').update(text, 'utf8').digest('hex'),
          sizeBytes: files.reduce((sum, f) => sum + f.sizeBytes, Buffer.byteLength(text)),
          location: final,
        };
      },
      abort: () => rm(staging, { recursive: true, force: true }),
    };
  }

  async function readManifest(backupId: string) {
    const file = path.join(folderOf(backupId), MANIFEST_FILE);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new AppError(ErrorCode.NOT_FOUND, `No backup ${backupId} in ${root}`, {
        hint: 'Check LEDGERLINE_BACKUP_DIR; `ledgerline backup list` shows the backups.',
        cause: error,
      });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new AppError(
        ErrorCode.INPUT_INVALID,
        `The manifest of backup ${backupId} (${file}) is not JSON`,
        {
          cause: error,
        },
      );
    }
    const result = parseBackupManifest(parsed, backupId);
    if (!result.ok) throw new AppError(ErrorCode.INPUT_INVALID, `The manifest ${file} ${result.reason}`);
    return { manifest: result.value, checksum: createHash('sha256').update(text, 'utf8').digest('hex') };
  }

  async function checkFiles(backupId: string, files: readonly BackupFile[]): Promise<FileCheck[]> {
    const folder = folderOf(backupId);
    const checks: FileCheck[] = [];
    for (const expected of files) {
      const file = path.join(folder, expected.name);
      if (!(await exists(file))) {
        checks.push({ name: expected.name, ok: false, problem: 'missing' });
        continue;
      }
      const size = (await stat(file)).size;
      const sha256 = await sha256Of(file);
      if (sha256 === expected.sha256 && size === expected.sizeBytes)
        checks.push({ name: expected.name, ok: true });
      else
        checks.push({
          name: expected.name,
          ok: false,
          problem:
            size === expected.sizeBytes
              ? `SHA-256 is ${sha256}, the manifest says ${expected.sha256}`
              : `size is ${size} bytes, the manifest says ${expected.sizeBytes}`,
        });
    }
    const listed = new Set([...files.map((f) => f.name), MANIFEST_FILE]);
    for (const name of await filesBelow(folder)) {
      if (!listed.has(name)) checks.push({ name, ok: false, problem: 'not listed in the manifest' });
    }
    return checks;
  }

  async function extract(backupId: string, manifest: BackupManifest, name: string): Promise<ExtractedFile> {
    if (!manifest.files.some((f) => f.name === name)) {
      throw new AppError(ErrorCode.NOT_FOUND, `Backup ${backupId} has no file ${name}`);
    }
    const temp = await mkdtemp(path.join(os.tmpdir(), 'ledgerline-restore-'));
    const plain = path.join(temp, path.basename(name).replace(/\.gz(\.enc)?$/, ''));
    const dispose = () => rm(temp, { recursive: true, force: true });
    try {
      await unsealFile(path.join(folderOf(backupId), name), plain, name, {
        encrypted: name.endsWith('.enc'),
        key,
      });
    } catch (error) {
      await dispose();
      throw error;
    }
    return { path: plain, dispose };
  }

  return {
    root,
    keyId: key?.id ?? null,
    begin,
    locationOf: folderOf,
    async listBackupIds() {
      const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
      const ids: string[] = [];
      for (const entry of entries) {
        if (
          entry.isDirectory() &&
          isBackupId(entry.name) &&
          (await exists(path.join(root, entry.name, MANIFEST_FILE)))
        )
          ids.push(entry.name);
      }
      return ids.sort();
    },
    readManifest,
    checkFiles,
    extract,
    async readJson(backupId, manifest, name) {
      const file = await extract(backupId, manifest, name);
      try {
        return JSON.parse(await readFile(file.path, 'utf8')) as unknown;
      } finally {
        await file.dispose();
      }
    },
    remove: async (backupId) => {
      await rm(folderOf(backupId), { recursive: true, force: true });
    },
  };
}
