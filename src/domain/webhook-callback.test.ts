import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  callbackSignatureMatches,
  callbackStaleness,
  parseCallbackTimestamp,
  parseWebhookCallback,
  readVerificationChallenge,
} from './webhook-callback.js';

const secret = '3qo29mvjou6xt5fujukjtwzhj0';
const hmac = (body: string, key = secret) => createHmac('sha256', key).update(body).digest('hex');

describe('callbackSignatureMatches', () => {
  it('accepts the digest of the exact bytes, in either case', () => {
    const body = '{"nonce":"a","webhookId":1}';
    expect(callbackSignatureMatches(secret, Buffer.from(body), hmac(body))).toBe(true);
    expect(callbackSignatureMatches(secret, Buffer.from(body), hmac(body).toUpperCase())).toBe(true);
  });

  it('refuses another body, another key, an empty or non-hex header, and an over-long one', () => {
    const body = '{"nonce":"a","webhookId":1}';
    expect(callbackSignatureMatches(secret, Buffer.from(`${body} `), hmac(body))).toBe(false);
    expect(callbackSignatureMatches(secret, Buffer.from(body), hmac(body, 'other'))).toBe(false);
    expect(callbackSignatureMatches(secret, Buffer.from(body), '')).toBe(false);
    expect(callbackSignatureMatches(secret, Buffer.from(body), 'zz'.repeat(32))).toBe(false);
    expect(callbackSignatureMatches(secret, Buffer.from(body), `1${hmac(body)}`)).toBe(false);
  });

  it('tolerates leading zero nibbles dropped by a big-integer rendering', () => {
    fc.assert(
      fc.property(fc.string(), (body) => {
        const digest = hmac(body);
        const stripped = digest.replace(/^0+/, '');
        return callbackSignatureMatches(secret, Buffer.from(body), stripped);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseWebhookCallback', () => {
  const envelope = {
    nonce: 'n-1',
    timestamp: '2026-09-02T17:04:23.795+0000',
    webhookId: 4503604829677444,
    scope: 'sheet',
    scopeObjectId: 4509506114742148,
  };

  it('reads event callbacks and keeps events of unknown object types', () => {
    const parsed = parseWebhookCallback({
      ...envelope,
      events: [
        {
          objectType: 'cell',
          eventType: 'updated',
          rowId: 7,
          columnId: 8,
          userId: 9,
          changeAgent: 'ledgerline',
        },
        { objectType: 'proof', eventType: 'created', id: 3 },
      ],
    });
    expect(parsed.ok && parsed.value.kind).toBe('events');
    expect(parsed.ok && parsed.value.kind === 'events' && parsed.value.events).toHaveLength(2);
  });

  it('reads status-change callbacks', () => {
    const parsed = parseWebhookCallback({ ...envelope, newWebhookStatus: 'DISABLED_SCOPE_INACCESSIBLE' });
    expect(parsed).toMatchObject({
      ok: true,
      value: { kind: 'status-change', newWebhookStatus: 'DISABLED_SCOPE_INACCESSIBLE' },
    });
  });

  it('names what is wrong with a body that is not a callback', () => {
    const parsed = parseWebhookCallback({ ...envelope, nonce: '', events: [] });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(/nonce/);
    expect(parseWebhookCallback({ ...envelope, timestamp: 'yesterday', events: [] }).ok).toBe(false);
    expect(parseWebhookCallback([1, 2]).ok).toBe(false);
  });
});

describe('readVerificationChallenge', () => {
  it('takes the header value or the body form, with the webhook id from the body', () => {
    expect(readVerificationChallenge({ challenge: 'abc', webhookId: 5 }, 'abc')).toEqual({
      ok: true,
      value: { challenge: 'abc', webhookId: 5 },
    });
    expect(readVerificationChallenge({ challenge: 'xyz', webhookId: 5 }, undefined)).toEqual({
      ok: true,
      value: { challenge: 'xyz', webhookId: 5 },
    });
  });

  it('is undefined for callbacks and refuses values that cannot be echoed in a header', () => {
    expect(readVerificationChallenge({ nonce: 'n', webhookId: 5, events: [] }, undefined)).toBeUndefined();
    expect(readVerificationChallenge({ challenge: 'a\r\nSet-Cookie: x', webhookId: 5 }, undefined)?.ok).toBe(
      false,
    );
  });
});

describe('callbackStaleness', () => {
  const now = new Date('2026-09-16T15:00:00Z');

  it('accepts a callback Smartsheet could still be retrying and refuses an older replay', () => {
    expect(callbackStaleness({ timestamp: '2026-09-15T18:00:00.000+0000' }, now)).toBeUndefined();
    expect(callbackStaleness({ timestamp: '2026-09-09T14:59:59.000+0000' }, now)).toMatch(
      /refused as replays/,
    );
    expect(callbackStaleness({ timestamp: '2026-09-16T14:00:00Z' }, now, 30 * 60_000)).toMatch(/1 h old/);
  });

  it('reads the +0000, +00:00 and Z offsets alike', () => {
    const at = Date.parse('2026-09-02T17:04:23.795Z');
    expect(parseCallbackTimestamp('2026-09-02T17:04:23.795+0000')).toBe(at);
    expect(parseCallbackTimestamp('2026-09-02T19:04:23.795+02:00')).toBe(at);
    expect(parseCallbackTimestamp('2026-09-02T17:04:23.795Z')).toBe(at);
    expect(parseCallbackTimestamp('2026-09-02')).toBeUndefined();
  });
});
