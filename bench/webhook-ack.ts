// Acknowledgement throughput and latency of the webhook receiver on loopback: a burst of signed
// callbacks (10 % duplicates, 5 % bad signatures, 1 % malformed) at a fixed concurrency, against
// a fresh SQLite store. Prints figures only.
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { migrateToLatest, openStore } from '../src/adapters/store/index.js';
import { buildDeliveries } from '../test/http/burst-deliveries.js';
import { buildWebhookRecord } from '../test/http/signed-callback.js';
import { startWebhookServer } from '../test/http/webhook-server-harness.js';
import { BURST_NOW } from '../test/http/burst-deliveries.js';

const total = Number(process.argv[2] ?? 5_000);
const concurrency = Number(process.argv[3] ?? 32);
const store = await openStore({
  kind: 'sqlite',
  path: path.join(mkdtempSync(path.join(os.tmpdir(), 'll-bench-')), 'bench.db'),
});
await migrateToLatest(store);
const webhooks = [1, 2, 3].map((n) =>
  buildWebhookRecord({ id: 1_000 + n, sharedSecret: `secret-${n}-x7q2` }),
);
for (const webhook of webhooks) await store.webhooks.upsertWebhook(webhook);
const harness = await startWebhookServer(store, { now: () => BURST_NOW });
await harness.server.listen({ host: '127.0.0.1', port: 0 });
const url = `http://127.0.0.1:${(harness.server.server.address() as AddressInfo).port}/webhooks/smartsheet`;
const { deliveries } = buildDeliveries(webhooks, total);
const latencies: number[] = [];
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    for (let i = next++; i < deliveries.length; i = next++) {
      const delivery = deliveries[i]!;
      const sentAt = performance.now();
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'smartsheet-hmac-sha256': delivery.signature },
        body: delivery.body,
      });
      await response.arrayBuffer();
      latencies.push(performance.now() - sentAt);
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const at = (q: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
console.log(
  `Webhook acknowledgement on loopback (${total} callbacks, concurrency ${concurrency}, SQLite, ${os.availableParallelism()} cores, Node ${process.version})`,
);
console.log(`  ${Math.round(total / seconds)} acks/s   p50 ${at(0.5)} ms   p99 ${at(0.99)} ms`);
await harness.server.close();
await store.close();
