// The Ed25519 key that signs audit checkpoints. It never goes into the database: it comes from the
// LEDGERLINE_AUDIT_SIGNING_KEY secret or, failing that, from a key file that is created on first
// use with owner-only permissions (production should supply the secret from its secret store).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ed25519SignerFromPrivateKey, generateSigningKey } from '../adapters/signing/ed25519-signer.js';
import type { Ed25519CheckpointSigner } from '../adapters/signing/ed25519-signer.js';
import type { Config } from '../config/index.js';
import type { Logger } from '../ports/logger.js';
import { AppError, ErrorCode } from '../domain/app-error.js';

export async function loadCheckpointSigner(
  config: Config,
  logger: Logger,
  options: { create?: boolean } = {},
): Promise<Ed25519CheckpointSigner> {
  if (config.audit.signingKey)
    return ed25519SignerFromPrivateKey(config.audit.signingKey, { name: 'LEDGERLINE_AUDIT_SIGNING_KEY' });
  const file = path.resolve(config.audit.signingKeyFile);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (options.create === false) {
      // A cluster worker making its own key would sign checkpoints no other machine can verify.
      throw new AppError(ErrorCode.CONFIG_INVALID, `No audit signing key at ${file}`, {
        hint: 'Every process of a cluster signs with the same key: set LEDGERLINE_AUDIT_SIGNING_KEY, or copy the key file from the machine where `serve` created it.',
      });
    }
    const generated = generateSigningKey();
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(file, generated.privateKeyPem, { mode: 0o600, flag: 'wx' });
    await writeFile(`${file.replace(/\.pem$/, '')}.pub.pem`, generated.publicKeyPem, { mode: 0o644 });
    logger.warn(
      { keyId: generated.keyId, file },
      'created a new audit signing key; keep a copy of its public key outside this machine',
    );
    text = generated.privateKeyPem;
  }
  return ed25519SignerFromPrivateKey(text, { name: file });
}
