// A deterministic burst of signed callbacks: 10 % duplicates, 5 % bad signatures, 1 % malformed
// JSON, shuffled the same way every run. Shared by the burst test and the acknowledgement bench.
import type { buildWebhookRecord } from './signed-callback.js';
import { eventCallbackBody, signCallback } from './signed-callback.js';

export const BURST_NOW = new Date('2026-09-16T15:00:00.000Z');
const NOW = BURST_NOW;

export type Kind = 'valid' | 'duplicate' | 'bad_signature' | 'malformed';
export interface Delivery {
  readonly kind: Kind;
  readonly body: string;
  readonly signature: string;
}
/** mulberry32: a seeded shuffle keeps the mix the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function buildDeliveries(webhooks: ReturnType<typeof buildWebhookRecord>[], total: number) {
  const TOTAL = total;
  const counts = { duplicate: TOTAL * 0.1, bad_signature: TOTAL * 0.05, malformed: TOTAL * 0.01 };
  const validCount = TOTAL - counts.duplicate - counts.bad_signature - counts.malformed;
  const valid: Delivery[] = [];
  const expectedKeys = new Set<string>();
  for (let n = 0; n < validCount; n += 1) {
    const webhook = webhooks[n % webhooks.length]!;
    const nonce = `burst-${n}`;
    const body = eventCallbackBody(webhook, { nonce, sentAt: NOW });
    valid.push({ kind: 'valid', body, signature: signCallback(webhook.sharedSecret, body) });
    expectedKeys.add(`${webhook.id}:${nonce}`);
  }
  const extra: Delivery[] = [];
  for (let n = 0; n < counts.duplicate; n += 1)
    extra.push({ ...valid[(n * 7) % valid.length]!, kind: 'duplicate' });
  for (let n = 0; n < counts.bad_signature; n += 1) {
    const webhook = webhooks[n % webhooks.length]!;
    const body = eventCallbackBody(webhook, { nonce: `forged-${n}`, sentAt: NOW });
    extra.push({ kind: 'bad_signature', body, signature: signCallback('not-the-secret', body) });
  }
  for (let n = 0; n < counts.malformed; n += 1) {
    const webhook = webhooks[n % webhooks.length]!;
    const body = eventCallbackBody(webhook, { nonce: `broken-${n}`, sentAt: NOW }).slice(0, -3);
    extra.push({ kind: 'malformed', body, signature: signCallback(webhook.sharedSecret, body) });
  }
  const all = [...valid, ...extra];
  const random = seededRandom(20260916);
  for (let i = all.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return { deliveries: all, expectedKeys };
}
