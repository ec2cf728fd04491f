import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signCallback } from './callback-signature.js';

describe('signCallback', () => {
  it('is lowercase hex HMAC-SHA256 over the exact bytes, keyed by the secret as UTF-8', () => {
    const body = Buffer.from('{"nonce":"n","events":[]}');
    const expected = createHmac('sha256', Buffer.from('3qo29mvjou6xt5fujukjtwzhj0', 'utf8'))
      .update(body)
      .digest('hex');
    expect(signCallback('3qo29mvjou6xt5fujukjtwzhj0', body, false)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('drops leading zero nibbles in the big-integer mode, and only those', () => {
    // Find a body whose digest starts with a zero nibble (1 in 16 do).
    let body = Buffer.alloc(0);
    let full = '';
    for (let i = 0; !full.startsWith('0'); i += 1) {
      body = Buffer.from(`{"nonce":"${i}"}`);
      full = signCallback('secret', body, false);
    }
    const stripped = signCallback('secret', body, true);
    expect(stripped.length).toBeLessThan(64);
    expect(stripped.padStart(64, '0')).toBe(full);
  });
});
