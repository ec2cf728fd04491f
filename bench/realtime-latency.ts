// Latency from a Smartsheet callback to the alert e-mail, through `serve` (receiver → inbox →
// targeted read → audit → SMTP), against the emulator and a local SMTP server. Prints figures only.
import os from 'node:os';
import { startServeHarness } from '../test/support/serve-harness.js';

const edits = Number(process.argv[2] ?? 20);
const h = await startServeHarness();
try {
  const sheetId = h.webhooks[0]!.sheetId;
  const rows = (await h.runtime.store.snapshots.listSnapshots(sheetId))
    .filter((s) => s.billable && typeof s.values.price === 'number')
    .slice(0, edits);
  const latencies: number[] = [];
  for (const row of rows) {
    await h.setPrice(sheetId, row.rowId, Number(row.values.price) + 100);
    const mailsBefore = h.smtp.received.length;
    const started = performance.now();
    // The emulator sends the callback now (its debounce elapsed); serve acknowledges and stores it.
    await fetch(`${h.emulator.controlUrl}/webhooks/flush`, { method: 'POST' });
    await h.service.drainInbox();
    while (h.smtp.received.length === mailsBefore) await new Promise((resolve) => setTimeout(resolve, 1));
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
  console.log(
    `Callback → alert e-mail (${latencies.length} edits, ${os.availableParallelism()} cores, Node ${process.version})`,
  );
  console.log(`  p50 ${at(0.5)} ms   p95 ${at(0.95)} ms   max ${at(1)} ms`);
  console.log(
    '  (serve drains its inbox every LEDGERLINE_INBOX_POLL_SECONDS; add that interval for a deployment)',
  );
} finally {
  await h.close();
}
