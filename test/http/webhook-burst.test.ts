/**
 * A burst of callbacks against the live server: duplicates collapse, forgeries and malformed
 * bodies are refused, and every valid callback is stored exactly once. Prints throughput and
 * latency; asserts nothing about time (DESIGN.md: figures belong to benches and logs).
 */
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { backends, useTestStore } from '../support/test-databases.js';
import { BURST_NOW, buildDeliveries, type Delivery, type Kind } from './burst-deliveries.js';
import { buildWebhookRecord } from './signed-callback.js';
import { closeGracefully } from '../../src/http/close-gracefully.js';
import { startWebhookServer, type WebhookServerHarness } from './webhook-server-harness.js';

const TOTAL = 5_000;
const CONCURRENCY = 32;
const NOW = BURST_NOW;

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
    const { deliveries, expectedKeys } = buildDeliveries(webhooks, TOTAL);

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
