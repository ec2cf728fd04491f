// How one backup file is stored: gzip, then — when a key is configured — AES-256-GCM. An encrypted
// file is `LLENC1` + the key's id (8 bytes) + a random 96-bit IV + ciphertext + the 16-byte tag;
// the header and the file's name are authenticated too, so a file moved under another name or
// re-headed fails like a flipped byte does. Everything streams: a store copy can be gigabytes.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import { backupKeyId } from '../../domain/backup/backup-key.js';

const MAGIC = Buffer.from('LLENC1', 'latin1');
const KEY_ID_BYTES = 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + KEY_ID_BYTES + IV_BYTES;

/** The key and its id, as the folder holds them. */
export interface BackupKey {
  readonly bytes: Uint8Array;
  readonly id: string;
}

export function backupKeyOf(bytes: Uint8Array): BackupKey {
  return { bytes, id: backupKeyId(bytes) };
}

const additionalData = (header: Buffer, name: string) => Buffer.concat([header, Buffer.from(name, 'utf8')]);

/** Compresses `source` into `destination` and encrypts it when `key` is given. */
export async function sealFile(
  source: string,
  destination: string,
  name: string,
  key: BackupKey | undefined,
): Promise<void> {
  const output = createWriteStream(destination, { mode: 0o600 });
  if (!key) {
    await pipeline(createReadStream(source), createGzip(), output);
    return;
  }
  const iv = randomBytes(IV_BYTES);
  const header = Buffer.concat([MAGIC, Buffer.from(key.id, 'hex').subarray(0, KEY_ID_BYTES), iv]);
  const cipher = createCipheriv('aes-256-gcm', key.bytes, iv);
  cipher.setAAD(additionalData(header, name));
  await pipeline(
    createReadStream(source),
    createGzip(),
    cipher,
    async function* framed(ciphertext: AsyncIterable<Buffer>) {
      yield header;
      for await (const chunk of ciphertext) yield chunk;
      // The cipher's readable side ends only after final(), so the tag exists here.
      yield cipher.getAuthTag();
    },
    output,
  );
}

/** Reverses sealFile into `destination`. Errors name the file and say whether the key is at fault. */
export async function unsealFile(
  source: string,
  destination: string,
  name: string,
  options: { readonly encrypted: boolean; readonly key: BackupKey | undefined },
): Promise<void> {
  const output = () => createWriteStream(destination, { mode: 0o600 });
  if (!options.encrypted) {
    try {
      await pipeline(createReadStream(source), createGunzip(), output());
    } catch (error) {
      throw new AppError(
        ErrorCode.INPUT_INVALID,
        `Backup file ${name} is corrupted: it does not decompress`,
        {
          hint: 'Run `ledgerline backup verify` to see which files changed, and restore from another backup.',
          cause: error,
        },
      );
    }
    return;
  }
  const { key } = options;
  if (!key) {
    throw new AppError(
      ErrorCode.CONFIG_INVALID,
      `Backup file ${name} is encrypted and no backup key is configured`,
      {
        hint: 'Set LEDGERLINE_BACKUP_ENCRYPTION_KEY (or _FILE) to the key the backup was made with.',
      },
    );
  }
  const size = (await stat(source)).size;
  if (size < HEADER_BYTES + TAG_BYTES) {
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      `Backup file ${name} is truncated: too short to be encrypted`,
    );
  }
  const handle = await open(source, 'r');
  const header = Buffer.alloc(HEADER_BYTES);
  const tag = Buffer.alloc(TAG_BYTES);
  try {
    await handle.read(header, 0, HEADER_BYTES, 0);
    await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    await handle.close();
  }
  if (!header.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      `Backup file ${name} is corrupted: it lacks the encryption header`,
    );
  }
  const fileKeyId = header.subarray(MAGIC.length, MAGIC.length + KEY_ID_BYTES).toString('hex');
  if (fileKeyId !== key.id.slice(0, KEY_ID_BYTES * 2)) {
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      `Wrong backup key for ${name}: it was encrypted with key ${fileKeyId}, the configured key is ${key.id.slice(0, KEY_ID_BYTES * 2)}`,
      { hint: 'Set LEDGERLINE_BACKUP_ENCRYPTION_KEY to the key in use when the backup was made.' },
    );
  }
  const decipher = createDecipheriv('aes-256-gcm', key.bytes, header.subarray(MAGIC.length + KEY_ID_BYTES));
  decipher.setAAD(additionalData(header, name));
  decipher.setAuthTag(tag);
  try {
    await pipeline(
      createReadStream(source, { start: HEADER_BYTES, end: size - TAG_BYTES - 1 }),
      decipher,
      createGunzip(),
      output(),
    );
  } catch (error) {
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      `Cannot decrypt backup file ${name}: wrong key or corrupted file (authentication failed)`,
      {
        hint: 'Run `ledgerline backup verify` to see whether the file changed; otherwise check the key.',
        cause: error,
      },
    );
  }
}
