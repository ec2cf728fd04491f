// Time to verify the whole audit trail (`ledgerline audit verify`): a SQLite store with 200,000
// chained events appended in large batches and a signed checkpoint every 20,000, then a full
// verification of chain, checkpoints and head. Prints figures only.
// Run: node --import tsx bench/audit-verify.ts [--events 200000] [--page-size 2000]
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ed25519SignerFromPrivateKey, generateSigningKey } from '../src/adapters/signing/ed25519-signer.js';
import { migrateToLatest, openStore } from '../src/adapters/store/index.js';
import type { AuditEventRecord } from '../src/domain/audit-chain.js';
import { signAuditCheckpoint } from '../src/services/sign-audit-checkpoint.js';
import { verifyAuditTrail } from '../src/services/verify-audit-trail.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '200000' },
    'page-size': { type: 'string', default: '2000' },
  },
});
const EVENT_COUNT = Number(values.events);
const PAGE_SIZE = Number(values['page-size']);
const BATCH = 5_000;
const CHECKPOINT_EVERY = 20_000;
const RUNS = 3;

/** A realistic event: every §3.4 field filled, explanations in details. */
function syntheticEvent(n: number): AuditEventRecord {
  const minute = new Date(Date.UTC(2025, 5, 1) + n * 60_000).toISOString();
  return {
    eventId: `evt-${n}`,
    revision: String(100_000 + n),
    runId: `run-${Math.floor(n / BATCH)}`,
    timestamp: minute,
    sheetId: 4_583_173_393_800_000 + (n % 12),
    rowId: 7_260_200_000_000_000 + n,
    workRequest: String(89_700_000 + (n % 2_500)),
    columnName: n % 3 === 0 ? 'Units Total Price' : 'Quantity',
    violationType: n % 5 === 0 ? 'POST_CLOSE_EDIT' : 'PRICE_CHANGE',
    oldValue: ((n % 9_000) / 7).toFixed(2),
    newValue: ((n % 9_000) / 6).toFixed(2),
    deltaCents: (n % 9_000) * 3,
    changedBy: `foreman${n % 40}@example.com`,
    changedAt: minute,
    weekEnding: '2025-06-08',
    isHistorical: n % 10 === 0,
    auditRunId: `run-${Math.floor(n / BATCH)}`,
    severity: n % 7 === 0 ? 'HIGH' : 'MEDIUM',
    issueDescription: 'Price changed after the week closed',
    suggestedFix: 'Confirm the correction with the billing office',
    sheetReference: `https://app.smartsheet.com/sheets/abc?rowId=${n}`,
    ipAddress: null,
    deviceInfo: null,
    sessionId: null,
    userAgent: null,
    riskScore: (n % 100) / 100,
    anomalyScore: (n % 64) / 64,
    predictedCategory: 'correction',
    details: { rules: ['POST_CLOSE_EDIT'], features: { absDelta: (n % 9_000) * 3, hourOfDay: n % 24 } },
  };
}

const folder = await mkdtemp(path.join(os.tmpdir(), 'ledgerline-bench-audit-'));
const store = await openStore({ kind: 'sqlite', path: path.join(folder, 'bench.db') });
try {
  await migrateToLatest(store);
  const signer = ed25519SignerFromPrivateKey(generateSigningKey().privateKeyPem);

  const buildStart = performance.now();
  for (let first = 0; first < EVENT_COUNT; first += BATCH) {
    const size = Math.min(BATCH, EVENT_COUNT - first);
    await store.audit.appendEvents(Array.from({ length: size }, (_, i) => syntheticEvent(first + i)));
    if ((first + size) % CHECKPOINT_EVERY === 0 || first + size === EVENT_COUNT) {
      await signAuditCheckpoint(store.audit, signer, { runId: null, now: new Date() });
    }
  }
  const buildSeconds = (performance.now() - buildStart) / 1000;
  const checkpoints = (await store.audit.listCheckpoints()).length;

  console.log(
    `Audit verify bench: ${EVENT_COUNT.toLocaleString('en-US')} events, ${checkpoints} checkpoints, SQLite`,
  );
  console.log(
    `  machine   ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? 'unknown cpu'}), Node ${process.version}, load average ${os.loadavg()[0]?.toFixed(1)}`,
  );
  console.log(
    `  build     ${buildSeconds.toFixed(1)} s (appendEvents in batches of ${BATCH.toLocaleString('en-US')})`,
  );

  for (let run = 1; run <= RUNS; run += 1) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const result = await verifyAuditTrail(store.audit, signer, { pageSize: PAGE_SIZE });
    const seconds = (performance.now() - start) / 1000;
    // CPU time as well as wall time: on a shared machine the wall clock includes other work.
    const cpu = process.cpuUsage(cpuStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
    console.log(
      `  verify #${run} ${seconds.toFixed(2)} s, ${Math.round(result.eventCount / seconds).toLocaleString('en-US')} events/s, ` +
        `${result.ok ? 'OK' : `FAIL ${result.problem?.kind}`}, ${result.checkpointsChecked} checkpoints, ` +
        `cpu ${cpuSeconds.toFixed(2)} s, page ${PAGE_SIZE.toLocaleString('en-US')}, heap ${heapMb.toFixed(0)} MB`,
    );
  }
} finally {
  await store.close();
  await rm(folder, { recursive: true, force: true });
}
