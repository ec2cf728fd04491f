/**
 * A burst of callbacks against the live server: duplicates collapse, forgeries and malformed
 * bodies are refused, and every valid callback is stored exactly once. Prints throughput and
 * latency; asserts nothing about time (DESIGN.md: figures belong to benches and logs).
 */
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { backends, useTestStore } from '../support/test-databases.js';
import { buildWebhookRecord, eventCallbackBody, signCallback } from './signed-callback.js';
import { closeGracefully } from '../../src/http/close-gracefully.js';
import { startWebhookServer, type WebhookServerHarness } from './webhook-server-harness.js';

const TOTAL = 5_000;
const CONCURRENCY = 32;
const NOW = new Date('2026-09-16T15:00:00.000Z');

type Kind = 'valid' | 'duplicate' | 'bad_signature' | 'malformed';
interface Delivery {
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

function buildDeliveries(webhooks: ReturnType<typeof buildWebhookRecord>[]) {
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

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

describe('webhook receiver under a burst', () => {
  const store = useTestStore(backends[0]!);
  let receiver: WebhookServerHarness | undefined;
  afterEach(async () => {
    await receiver?.server.close();
    receiver = undefined;
  });

  it(`stores every valid callback of a ${TOTAL}-request burst exactly once and refuses the rest, across a restart`, async () => {
    const webhooks = [1, 2, 3].map((n) =>
      buildWebhookRecord({ id: 1_000 + n, sharedSecret: `secret-${n}-x7q2` }),
    );
    for (const webhook of webhooks) await store().webhooks.upsertWebhook(webhook);
    const listen = async () => {
      const harness = (receiver = await startWebhookServer(store(), { now: () => NOW }));
      await harness.server.listen({ host: '127.0.0.1', port: 0 });
      const { port } = harness.server.server.address() as AddressInfo;
      return `http://127.0.0.1:${port}/webhooks/smartsheet`;
    };
    let url = await listen();
    const { deliveries, expectedKeys } = buildDeliveries(webhooks);

    // Halfway through, the server is restarted. Like Smartsheet, the sender retries what failed
    // meanwhile (connection refused, or 503 while the old server drains).
    let restarting: Promise<void> | undefined;
    const restart = async () => {
      await closeGracefully(receiver!.server, 5_000);
      url = await listen();
    };
    const deliver = async (delivery: Delivery): Promise<Response> => {
      for (;;) {
        if (restarting) await restarting;
        try {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'smartsheet-hmac-sha256': delivery.signature },
            body: delivery.body,
          });
          if (response.status !== 503) return response;
          await response.arrayBuffer();
        } catch {
          // The connection was refused or reset by the restart: try again.
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };

    const statuses = new Map<Kind, number[]>();
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = next++; i < deliveries.length; i = next++) {
          if (i === deliveries.length / 2) restarting = restart();
          const delivery = deliveries[i]!;
          const sentAt = performance.now();
          const response = await deliver(delivery);
          await response.arrayBuffer();
          latencies.push(performance.now() - sentAt);
          const seen = statuses.get(delivery.kind) ?? [];
          seen.push(response.status);
          statuses.set(delivery.kind, seen);
        }
      }),
    );
    await restarting;
    const elapsedMs = performance.now() - started;

    latencies.sort((a, b) => a - b);
    console.log(
      `webhook burst: ${deliveries.length} requests in ${(elapsedMs / 1000).toFixed(2)} s → ` +
        `${Math.round(deliveries.length / (elapsedMs / 1000))} acks/s at concurrency ${CONCURRENCY}; ` +
        `latency p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms`,
    );

    expect(new Set(statuses.get('valid'))).toEqual(new Set([200]));
    expect(new Set(statuses.get('duplicate'))).toEqual(new Set([200]));
    expect(new Set(statuses.get('bad_signature'))).toEqual(new Set([401]));
    expect(new Set(statuses.get('malformed'))).toEqual(new Set([400]));
    const now = NOW.toISOString();
    const stored = await store().inbox.claimNextBatch({ now, leaseUntil: now, limit: TOTAL * 2 });
    expect(stored).toHaveLength(expectedKeys.size);
    expect(new Set(stored.map((item) => item.key))).toEqual(expectedKeys);
  });
});
