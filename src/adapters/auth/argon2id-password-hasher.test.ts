import { describe, expect, it } from 'vitest';
import { createArgon2idPasswordHasher } from './argon2id-password-hasher.js';
import { createQrCodeSvgRenderer } from './qr-code-svg.js';

const hasher = createArgon2idPasswordHasher();

describe('argon2id password hasher', () => {
  it('stores a PHC string with m=19456, t=2, p=1, a 16-byte salt and a 32-byte hash', async () => {
    const hash = await hasher.hash('correct horse battery staple');

    const match = /^\$argon2id\$v=19\$m=19456,t=2,p=1\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(hash);
    expect(match).not.toBeNull();
    expect(Buffer.from(match![1]!, 'base64')).toHaveLength(16);
    expect(Buffer.from(match![2]!, 'base64')).toHaveLength(32);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hasher.hash('correct horse battery staple');

    expect(await hasher.verify(hash, 'correct horse battery staple')).toBe(true);
    expect(await hasher.verify(hash, 'correct horse battery stable')).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hasher.hash('same password here')).not.toBe(await hasher.hash('same password here'));
  });

  it('reads the parameters from the stored hash, so older hashes keep verifying', async () => {
    const weaker = createArgon2idPasswordHasher({ memory: 4096, passes: 1, parallelism: 1 });
    const old = await weaker.hash('an older password');

    expect(old).toContain('$m=4096,t=1,p=1$');
    expect(await hasher.verify(old, 'an older password')).toBe(true);
  });

  it('refuses malformed hashes and parameters a tampered row could use to exhaust memory', async () => {
    const hash = await hasher.hash('correct horse battery staple');

    expect(await hasher.verify('', 'x')).toBe(false);
    expect(await hasher.verify('$2b$12$somebcrypthash', 'x')).toBe(false);
    expect(await hasher.verify(hash.replace('m=19456', 'm=99999999'), 'correct horse battery staple')).toBe(
      false,
    );
    expect(await hasher.verify(hash.replace('v=19', 'v=16'), 'correct horse battery staple')).toBe(false);
  });
});

describe('QR code renderer', () => {
  it('draws an otpauth URI as self-contained SVG', async () => {
    const svg = await createQrCodeSvgRenderer().renderSvg(
      'otpauth://totp/Ledgerline:a@example.com?secret=JBSWY3DPEHPK3PXP',
    );

    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).not.toMatch(/<script|href=/i);
  });
});
