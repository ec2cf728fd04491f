/**
 * Ed25519 checkpoint signing with node:crypto. Keys arrive as text from configuration: a PEM block
 * or the base64 of its DER bytes (PKCS#8 for the private key, SPKI for the public key). The private
 * key stays in this process; only key ids, signatures and the public key are ever stored or printed.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import type { CheckpointSigner, CheckpointVerifier } from '../../ports/checkpoint-signer.js';

/** A signer that can also hand out its public key (for `audit verify` elsewhere). */
export interface Ed25519CheckpointSigner extends CheckpointSigner {
  /** The SPKI PEM of the public key. */
  publicKeyPem(): string;
}

/** A freshly generated key pair, as PEM text for configuration files and the demo. */
export interface GeneratedSigningKey {
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
  readonly keyId: string;
}

/** How an error message names the key, e.g. the configuration key it came from. */
export interface KeyTextOptions {
  readonly name?: string;
}

type KeyKind = 'private' | 'public';

const EXPECTED_LABEL: Record<KeyKind, string> = { private: 'PRIVATE KEY', public: 'PUBLIC KEY' };
const DER_TYPE = { private: 'pkcs8', public: 'spki' } as const;
const PEM_LABEL_PATTERN = /^-----BEGIN ([A-Z0-9 ]+)-----/;
const BASE64_PATTERN = /^[A-Za-z0-9+/]+={0,2}$/;

function keyError(name: string, problem: string, hint: string): AppError {
  return new AppError(ErrorCode.CONFIG_INVALID, `The ${name} ${problem}.`, { hint });
}

/**
 * Reads key text into a KeyObject of the wanted kind, or throws CONFIG_INVALID saying exactly what
 * is wrong (empty, wrong PEM block, encrypted, not base64, unreadable, not Ed25519). Messages never
 * quote the key itself.
 */
function readKey(text: string, kind: KeyKind, name: string): KeyObject {
  const generateHint =
    'Generate a key pair with generateSigningKey (the demo and `init` print one) and configure the private key as PEM.';
  // Keys pasted into a one-line environment variable often carry literal "\n" escapes.
  const trimmed = text.replace(/\\n/g, '\n').trim();
  if (trimmed === '') throw keyError(name, 'is empty', generateHint);

  let key: KeyObject;
  const label = PEM_LABEL_PATTERN.exec(trimmed)?.[1];
  if (trimmed.startsWith('-----BEGIN')) {
    if (label === 'ENCRYPTED PRIVATE KEY') {
      throw keyError(
        name,
        'is an encrypted PEM',
        'Give the unencrypted PKCS#8 key ("-----BEGIN PRIVATE KEY-----") and protect it with the secret store instead.',
      );
    }
    if (label !== EXPECTED_LABEL[kind]) {
      throw keyError(
        name,
        `is a "${label ?? 'malformed'}" PEM block but a "${EXPECTED_LABEL[kind]}" block is needed`,
        kind === 'private'
          ? 'Use the Ed25519 private key in PKCS#8 form ("-----BEGIN PRIVATE KEY-----").'
          : 'Use the Ed25519 public key in SPKI form ("-----BEGIN PUBLIC KEY-----"), as publicKeyPem() prints it.',
      );
    }
    try {
      key = kind === 'private' ? createPrivateKey(trimmed) : createPublicKey(trimmed);
    } catch (error) {
      throw new AppError(ErrorCode.CONFIG_INVALID, `The ${name} PEM block cannot be read.`, {
        hint: 'Check that the whole block was copied, including its BEGIN and END lines.',
        cause: error,
      });
    }
  } else {
    const compact = trimmed.replace(/\s+/g, '');
    if (!BASE64_PATTERN.test(compact)) {
      throw keyError(name, 'is neither a PEM block nor base64 DER', generateHint);
    }
    const der = Buffer.from(compact, 'base64');
    try {
      key =
        kind === 'private'
          ? createPrivateKey({ key: der, format: 'der', type: DER_TYPE.private })
          : createPublicKey({ key: der, format: 'der', type: DER_TYPE.public });
    } catch (error) {
      throw new AppError(
        ErrorCode.CONFIG_INVALID,
        `The ${name} is base64 but not a ${DER_TYPE[kind].toUpperCase()} ${kind} key.`,
        { hint: generateHint, cause: error },
      );
    }
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw keyError(
      name,
      `is an ${key.asymmetricKeyType?.toUpperCase() ?? 'unknown'} key but an Ed25519 key is needed`,
      generateHint,
    );
  }
  return key;
}

/** First 16 hex digits of the SHA-256 of the raw 32-byte Ed25519 public key. */
function keyIdOf(publicKey: KeyObject): string {
  const { x } = publicKey.export({ format: 'jwk' });
  if (typeof x !== 'string') throw new TypeError('An Ed25519 public key exports its raw bytes as x');
  return createHash('sha256').update(Buffer.from(x, 'base64url')).digest('hex').slice(0, 16);
}

function verifierFor(publicKey: KeyObject): CheckpointVerifier {
  return {
    keyId: keyIdOf(publicKey),
    verify(message, signature) {
      try {
        return verify(null, message, publicKey, signature);
      } catch {
        // A signature of the wrong length is simply not this key's signature.
        return false;
      }
    },
  };
}

/**
 * A signer from an Ed25519 private key: PKCS#8 PEM, or the base64 of its DER bytes. Throws
 * AppError CONFIG_INVALID naming what is wrong with the key text.
 */
export function ed25519SignerFromPrivateKey(
  privateKeyText: string,
  options: KeyTextOptions = {},
): Ed25519CheckpointSigner {
  const privateKey = readKey(privateKeyText, 'private', options.name ?? 'audit signing key');
  const publicKey = createPublicKey(privateKey);
  const verifier = verifierFor(publicKey);
  return {
    keyId: verifier.keyId,
    verify: verifier.verify,
    sign: (message) => new Uint8Array(sign(null, message, privateKey)),
    publicKeyPem: () => publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/**
 * A verifier from an Ed25519 public key alone: SPKI PEM, or the base64 of its DER bytes. Throws
 * AppError CONFIG_INVALID naming what is wrong (including being handed a private key).
 */
export function ed25519VerifierFromPublicKey(
  publicKeyText: string,
  options: KeyTextOptions = {},
): CheckpointVerifier {
  return verifierFor(readKey(publicKeyText, 'public', options.name ?? 'audit verification key'));
}

/** Generates a new Ed25519 key pair as PEM text, with its key id. */
export function generateSigningKey(): GeneratedSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: keyIdOf(publicKey),
  };
}
