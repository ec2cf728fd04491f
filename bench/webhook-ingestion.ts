// Webhook ingestion through the real `serve` (issue #10, bench item 2): real price edits in the
// emulator, then a burst of signed callbacks naming those cells — built as Smartsheet builds them,
// several per edited cell as Smartsheet sends repeats — into serve's receiver at a fixed
// concurrency, while serve's inbox is drained back to back (its poll interval set to zero, as a
// busy deployment would see it). Prints acknowledgement throughput and latency, and end to end: how
// fast audited changes come out of the inbox and how long from a cell's first acknowledged callback
// to its audit event in the store. Figures only.
//
// Run: node --import tsx bench/webhook-ingestion.ts [edits=200] [callbacks=2000] [concurrency=32] [--postgres]
// The emulator's own callbacks are dropped (dropRate 1) so the bench is the only sender.
import os from 'node:os';
import pg from 'pg';
import { signCallback, callbackTimestamp } from '../test/http/signed-callback.js';
import { startServeHarness } from '../test/support/serve-harness.js';
import { inParallel, latencyLine } from './support/latency-figures.js';

const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const editCount = Number(positional[0] ?? 200);
const callbackCount = Number(positional[1] ?? 2_000);
const concurrency = Number(positional[2] ?? 32);
const onPostgres = process.argv.includes('--postgres');
const DATABASE_URL = process.env.LEDGERLINE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `bench_ingest_${process.pid}`;

const h = await startServeHarness(
  onPostgres ? { env: { LEDGERLINE_DATABASE_URL: `${DATABASE_URL}?schema=${schema}` } } : {},
);
try {
  await fetch(`${h.emulator.controlUrl}/webhooks/config`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ dropRate: 1 }),
  });
  const store = h.runtime.store;

  // The edits: billable rows with a price, spread over every watched sheet, by a crew editor.
  interface Edit {
    sheetId: number;
    rowId: number;
    columnId: number;
    webhookId: number;
    secret: string;
    userId: number;
  }
  const edits: Edit[] = [];
  const perSheet = Math.ceil(editCount / h.webhooks.length);
  for (const ensured of h.webhooks) {
    const webhook = (await store.webhooks.listWebhooks({ sheetId: ensured.sheetId }))[0];
    if (!webhook) continue;
    const columns = await h.runtime.client.getColumns(ensured.sheetId);
    const price = columns.find((c) => /price/i.test(c.title))!;
    const rows = (await store.snapshots.listSnapshots(ensured.sheetId))
      .filter((s) => s.billable && typeof s.values.price === 'number')
      .slice(0, perSheet);
    for (const row of rows) {
      if (edits.length === editCount) break;
      await h.setPrice(ensured.sheetId, row.rowId, Number(row.values.price) + 125);
      edits.push({
        sheetId: ensured.sheetId,
        rowId: row.rowId,
        columnId: price.id,
        webhookId: webhook.id,
        secret: webhook.sharedSecret,
        userId: 9_007_194_052_434_043,
      });
    }
  }

  // The burst: every edit's cell named once, then repeats of random edited cells with new nonces.
  const burst = Array.from(
    { length: Math.max(callbackCount, edits.length) },
    (_, i) => edits[i % edits.length]!,
  );
  for (let i = burst.length - 1; i > 0; i -= 1) {
    const j = (i * 7_919 + 13) % (i + 1);
    [burst[i], burst[j]] = [burst[j]!, burst[i]!];
  }
  const firstAck = new Map<number, number>();
  const ackLatencies: number[] = [];
  const url = `${h.service.url}/webhooks/smartsheet`;
  const startSeq = (await store.audit.chainHead()).headSeq ?? 0;

  // The drain loop: serve's inbox run back to back; each event is stamped when its drain returns.
  const eventSeenAt = new Map<number, number>();
  let lastSeq = startSeq;
  let burstDone = false;
  let drains = 0;
  const collectNewEvents = async () => {
    for (;;) {
      const page = await store.audit.listEvents({ fromSeq: lastSeq + 1, limit: 5_000 });
      const now = performance.now();
      for (const event of page.events) {
        lastSeq = event.seq;
        if (event.rowId !== null && event.runId !== null && !eventSeenAt.has(event.rowId))
          eventSeenAt.set(event.rowId, now);
      }
      if (page.nextSeq === null) return;
    }
  };
  const drainLoop = (async () => {
    const deadline = performance.now() + 120_000;
    for (;;) {
      const pending = await h.service.drainInbox();
      drains += 1;
      await collectNewEvents();
      if ((burstDone && pending === 0) || performance.now() > deadline) return;
      if (pending === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    }
  })();

  const started = performance.now();
  await inParallel(burst, concurrency, async (edit, i) => {
    const at = new Date();
    const timestamp = callbackTimestamp(at);
    const body = JSON.stringify({
      nonce: `ingest-${process.pid}-${i}`,
      timestamp,
      webhookId: edit.webhookId,
      scope: 'sheet',
      scopeObjectId: edit.sheetId,
      events: [
        { objectType: 'sheet', eventType: 'updated', id: edit.sheetId, userId: edit.userId, timestamp },
        {
          objectType: 'cell',
          eventType: 'updated',
          rowId: edit.rowId,
          columnId: edit.columnId,
          userId: edit.userId,
          timestamp,
        },
      ],
    });
    const sentAt = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'smartsheet-hmac-sha256': signCallback(edit.secret, body),
      },
      body,
    });
    await response.arrayBuffer();
    const ackedAt = performance.now();
    if (response.status !== 200) throw new Error(`callback refused: ${response.status}`);
    ackLatencies.push(ackedAt - sentAt);
    if (!firstAck.has(edit.rowId)) firstAck.set(edit.rowId, ackedAt);
  });
  const ackSeconds = (performance.now() - started) / 1000;
  burstDone = true;
  await drainLoop;
  const drainSeconds = (performance.now() - started) / 1000;

  const audited = [...firstAck].filter(([rowId]) => eventSeenAt.has(rowId));
  const endToEnd = audited.map(([rowId, acked]) => eventSeenAt.get(rowId)! - acked);
  const events = lastSeq - startSeq;
  console.log(
    `Webhook ingestion through serve (${onPostgres ? 'Postgres' : 'SQLite'} store, ${os.cpus()[0]?.model ?? 'cpu'}, ${os.availableParallelism()} cores, Node ${process.version})`,
  );
  console.log(
    `  burst: ${burst.length} signed callbacks naming ${edits.length} edited cells on ${h.webhooks.length} sheets, concurrency ${concurrency}`,
  );
  console.log(
    `  acknowledgement: ${Math.round(burst.length / ackSeconds)} callbacks/s   ${latencyLine(ackLatencies)}`,
  );
  console.log(
    `  end to end: ${events} audit events stored in ${drainSeconds.toFixed(2)} s from the first callback (${Math.round(events / drainSeconds)} events/s; ${drains} inbox drains); ${audited.length} of ${edits.length} edited cells audited`,
  );
  console.log(`  callback acknowledged → its change audited: ${latencyLine(endToEnd, [0.5, 0.95])}`);
  console.log(
    '  (serve drains its inbox every LEDGERLINE_INBOX_POLL_SECONDS, default 5 s; here back to back — add up to that interval for a deployment)',
  );
} finally {
  await h.close();
  if (onPostgres) {
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`drop schema if exists "${schema}" cascade`);
    await admin.end();
  }
}
