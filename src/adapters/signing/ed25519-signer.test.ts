import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ed25519SignerFromPrivateKey,
  ed25519VerifierFromPublicKey,
  generateSigningKey,
} from './ed25519-signer.js';

const message = new TextEncoder().encode('ledgerline-audit-checkpoint\nseq=1');
const pemBody = (pem: string) => pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');

describe('Ed25519 checkpoint signer', () => {
  const key = generateSigningKey();

  it('signs with the private key and verifies with the public key alone', () => {
    const signer = ed25519SignerFromPrivateKey(key.privateKeyPem);
    const signature = signer.sign(message);
    expect(signature).toHaveLength(64);

    const verifier = ed25519VerifierFromPublicKey(signer.publicKeyPem());
    expect(verifier.keyId).toBe(signer.keyId);
    expect(verifier.verify(message, signature)).toBe(true);
    expect(verifier.verify(new TextEncoder().encode('seq=2'), signature)).toBe(false);
    expect(verifier.verify(message, signature.subarray(1))).toBe(false);
  });

  it('names the key by the SHA-256 of its raw public key', () => {
    const raw = createPublicKey(key.publicKeyPem).export({ format: 'jwk' }).x ?? '';
    const expected = createHash('sha256').update(Buffer.from(raw, 'base64url')).digest('hex').slice(0, 16);
    expect(key.keyId).toBe(expected);
    expect(ed25519SignerFromPrivateKey(key.privateKeyPem).keyId).toBe(expected);
  });

  it('reads base64 DER and one-line PEM with literal \\n escapes', () => {
    const fromDer = ed25519SignerFromPrivateKey(pemBody(key.privateKeyPem));
    const fromEscaped = ed25519SignerFromPrivateKey(key.privateKeyPem.replace(/\n/g, '\\n'));
    const verifier = ed25519VerifierFromPublicKey(pemBody(key.publicKeyPem));
    expect([fromDer.keyId, fromEscaped.keyId, verifier.keyId]).toEqual([key.keyId, key.keyId, key.keyId]);
    expect(verifier.verify(message, fromDer.sign(message))).toBe(true);
  });

  it('rejects another key’s signature', () => {
    const other = ed25519SignerFromPrivateKey(generateSigningKey().privateKeyPem);
    expect(ed25519VerifierFromPublicKey(key.publicKeyPem).verify(message, other.sign(message))).toBe(false);
  });

  it.each([
    ['an empty key', '  ', /audit signing key is empty/],
    ['a public key', key.publicKeyPem, /"PUBLIC KEY" PEM block but a "PRIVATE KEY" block is needed/],
    ['garbage', 'not a key!', /neither a PEM block nor base64 DER/],
    [
      'base64 that is not a key',
      Buffer.from('hello world').toString('base64'),
      /base64 but not a PKCS8 private key/,
    ],
    [
      'a truncated PEM',
      key.privateKeyPem.slice(0, 60) + '\n-----END PRIVATE KEY-----',
      /PEM block cannot be read/,
    ],
    [
      'an RSA key',
      generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
      /is an RSA key but an Ed25519 key is needed/,
    ],
    [
      'an encrypted key',
      generateKeyPairSync('ed25519').privateKey.export({
        type: 'pkcs8',
        format: 'pem',
        cipher: 'aes-256-cbc',
        passphrase: 'secret',
      }),
      /is an encrypted PEM/,
    ],
  ])('refuses %s with CONFIG_INVALID saying what is wrong', (_name, text, problem) => {
    const attempt = () => ed25519SignerFromPrivateKey(String(text));
    expect(attempt).toThrow(problem);
    expect(attempt).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });

  it('refuses a private key where the public key belongs, naming the configuration key', () => {
    expect(() =>
      ed25519VerifierFromPublicKey(key.privateKeyPem, { name: 'LEDGERLINE_AUDIT_PUBLIC_KEY' }),
    ).toThrow(
      /The LEDGERLINE_AUDIT_PUBLIC_KEY is a "PRIVATE KEY" PEM block but a "PUBLIC KEY" block is needed/,
    );
  });

  it('never quotes the key in an error', () => {
    // A private key cut short: readable as PEM text, not as a key.
    const truncated = key.privateKeyPem.slice(0, 70) + '\n-----END PRIVATE KEY-----';
    let thrown: unknown;
    try {
      ed25519SignerFromPrivateKey(truncated);
    } catch (error) {
      thrown = error;
    }
    const text = `${(thrown as Error).message} ${JSON.stringify(thrown)}`;
    expect(text).not.toContain(pemBody(key.privateKeyPem).slice(16, 40));
  });
});
