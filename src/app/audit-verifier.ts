// The key(s) `audit verify` checks checkpoints with. The private key yields its public half; with
// only the public key file (`…pub.pem`, written beside a generated key) verification still works,
// so an auditor's machine need not hold the signing key.
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ed25519SignerFromPrivateKey,
  ed25519VerifierFromPublicKey,
} from '../adapters/signing/ed25519-signer.js';
import type { Config } from '../config/index.js';
import { AppError, ErrorCode } from '../domain/app-error.js';
import type { CheckpointVerifier } from '../ports/checkpoint-signer.js';

export async function loadCheckpointVerifier(config: Config): Promise<CheckpointVerifier> {
  if (config.audit.signingKey)
    return ed25519SignerFromPrivateKey(config.audit.signingKey, { name: 'LEDGERLINE_AUDIT_SIGNING_KEY' });
  const privateFile = path.resolve(config.audit.signingKeyFile);
  const publicFile = `${privateFile.replace(/\.pem$/, '')}.pub.pem`;
  const exists = (file: string) =>
    access(file).then(
      () => true,
      () => false,
    );
  if (await exists(privateFile))
    return ed25519SignerFromPrivateKey(await readFile(privateFile, 'utf8'), { name: privateFile });
  if (await exists(publicFile))
    return ed25519VerifierFromPublicKey(await readFile(publicFile, 'utf8'), { name: publicFile });
  throw new AppError(
    ErrorCode.CONFIG_INVALID,
    `No audit key found: neither LEDGERLINE_AUDIT_SIGNING_KEY nor ${privateFile} or ${publicFile}`,
    {
      hint: 'Point LEDGERLINE_AUDIT_SIGNING_KEY_FILE at the key that signed the checkpoints (or its .pub.pem).',
    },
  );
}
