// Issue #10, figure (1): a full and an incremental cycle over 150,000 rows on 90 sheets in the
// emulator, run by a cluster of 1 and then of 3 `ledgerline worker` processes on Postgres (pg-boss).
// A cycle job coordinates the run and fans the sheets out as sheet-sync jobs; it then plans, renders
// and publishes the reports itself. Prints figures only.
//   node --import tsx bench/cluster-cycle.ts [rows=150000] [sheets=90] [edits=1500] [workers=1,3]
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { generateSeed } from '../emulator/seed/generate-seed.js';
import { enqueueCycle } from '../src/services/cluster-jobs.js';
import type { CycleSummary } from '../src/services/run-report-cycle.js';
import { startClusterHarness, waitFor } from '../test/support/cluster-harness.js';
import type { ClusterHarness } from '../test/support/cluster-harness.js';

const rows = Number(process.argv[2] ?? 150_000);
const sheets = Number(process.argv[3] ?? 90);
const edits = Number(process.argv[4] ?? 1_500);
const clusterSizes = (process.argv[5] ?? '1,3').split(',').map(Number);

const started = performance.now();
const seed = generateSeed('bench-cluster', {
  preset: 'demo',
  sourceSheets: sheets,
  rowsPerSheet: Math.round(rows / sheets),
  workRequests: Math.max(sheets, Math.round(rows / 25)),
  weeks: 20,
});
console.log(
  `Cluster cycle: ${rows.toLocaleString('en-US')} rows on ${sheets} sheets, ${edits} edited rows; ` +
    `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, ` +
    `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version} (seed ${((performance.now() - started) / 1000).toFixed(1)} s)`,
);

interface Measured {
  seconds: number;
  summary: CycleSummary;
  requests: number;
  syncJobsPerWorker: number[];
}

async function cycle(h: ClusterHarness, workers: { output(): string }[], label: string): Promise<Measured> {
  const requestsBefore = ((await control(h, 'GET', '/requests/counts')) as { total: number }).total;
  const runId = `run-bench-${label}-${Date.now()}`;
  const begin = performance.now();
  const jobId = await enqueueCycle(h.queue, runId, 'bench');
  if (!jobId) throw new Error('a cycle is already queued');
  const status = await waitFor(
    `${label} to finish`,
    async () => {
      const s = await h.queue.status('cycle', jobId);
      return s && ['completed', 'failed'].includes(s.state) ? s : undefined;
    },
    { timeoutMs: 3 * 3_600_000, everyMs: 500 },
  );
  const seconds = (performance.now() - begin) / 1000;
  if (status.state !== 'completed') throw new Error(`${label} failed: ${JSON.stringify(status.output)}`);
  const run = await h.runtime.store.runs.getRun(runId);
  const requestsAfter = ((await control(h, 'GET', '/requests/counts')) as { total: number }).total;
  // Which worker ran each sheet-sync job: its log line names the run and the sheet.
  const syncJobsPerWorker = workers.map(
    (w) =>
      w
        .output()
        .split('\n')
        .filter((line) => line.includes('"msg":"sheet synced"') && line.includes(`"runId":"${runId}"`))
        .length,
  );
  return {
    seconds,
    summary: run!.summary as unknown as CycleSummary,
    requests: requestsAfter - requestsBefore,
    syncJobsPerWorker,
  };
}

async function control(h: ClusterHarness, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${h.emulator.controlUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return response.json();
}

/** `count` billed rows spread over every sheet get a new quantity, one bulk PUT per sheet. */
async function editRows(h: ClusterHarness, count: number): Promise<number> {
  const stored = await h.runtime.store.sheets.listSheets({ role: 'source', status: 'active' });
  const perSheet = Math.ceil(count / stored.length);
  let edited = 0;
  for (const sheet of stored) {
    if (edited >= count) break;
    const editor = h.seed.users.find((u) => h.seed.authorizedEditors?.[String(sheet.id)]?.includes(u.email));
    if (!editor) continue;
    const columns = await h.runtime.client.getColumns(sheet.id);
    const quantity = columns.find((c) => /qty|quantity/i.test(c.title));
    if (!quantity) continue;
    const snapshots = (await h.runtime.store.snapshots.listSnapshots(sheet.id))
      .filter((s) => typeof s.values.quantity === 'number')
      .slice(0, Math.min(perSheet, count - edited));
    const body = snapshots.map((s) => ({
      id: s.rowId,
      cells: [{ columnId: quantity.id, value: Number(s.values.quantity) + 1 }],
    }));
    const response = await fetch(`${h.emulator.baseUrl}/sheets/${sheet.id}/rows`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${editor.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`edit of sheet ${sheet.id} failed: ${response.status}`);
    edited += body.length;
  }
  return edited;
}

function line(label: string, workers: number, m: Measured): string {
  const s = m.summary;
  const phases = ['sync', 'plan', 'publish', 'audit']
    .map((p) => `${p} ${((s.durationsMs[p] ?? 0) / 1000).toFixed(1)} s`)
    .join(', ');
  return (
    `  ${label.padEnd(12)} ${String(workers).padStart(2)} worker(s)  ${m.seconds.toFixed(1).padStart(7)} s  ` +
    `rows fetched ${s.rows.fetched.toLocaleString('en-US')}, reports uploaded ${s.reports.uploaded.toLocaleString('en-US')}, ` +
    `events ${s.audit.findings.eventCount}, requests ${m.requests.toLocaleString('en-US')} (run summary ${(s.requests.total ?? 0).toLocaleString('en-US')})  (${phases}; ` +
    `sheet-sync jobs per worker ${m.syncJobsPerWorker.join('/')})`
  );
}

const results: string[] = [];
for (const size of clusterSizes) {
  const h = await startClusterHarness({
    seed,
    perMinute: 1_000_000,
    env: { LEDGERLINE_PHASE_TIME_BUDGET_SECONDS: '7200', LEDGERLINE_WORKER_CONCURRENCY: '2' },
  });
  try {
    const workers = [];
    for (let i = 1; i <= size; i += 1) workers.push(await h.startWorker(`worker-${i}`));
    const full = await cycle(h, workers, 'full');
    results.push(line('full', size, full));
    console.log(results.at(-1));
    const changed = await editRows(h, edits);
    const incremental = await cycle(h, workers, 'incremental');
    results.push(line(`incremental`, size, incremental) + `  [${changed} rows edited]`);
    console.log(results.at(-1));
    const unchanged = await cycle(h, workers, 'unchanged');
    results.push(line('unchanged', size, unchanged));
    console.log(results.at(-1));
  } finally {
    await h.close();
  }
}
console.log('\nSummary');
for (const result of results) console.log(result);
