// Time of a backup and its restore drill (issue #9): a SQLite store with many chained audit events
// (and Postgres too when LEDGERLINE_TEST_DATABASE_URL's server answers), backed up with and
// without encryption, then restored into a temporary place and fully checked. Prints figures only.
// Run: node --import tsx bench/backup.ts [--events 100000] [--postgres]
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { localBackupFolder } from '../src/adapters/backup/local-backup-folder.js';
import { backupKeyOf } from '../src/adapters/backup/sealed-file.js';
import { createLogger } from '../src/adapters/log/pino-logger.js';
import {
  ed25519SignerFromPrivateKey,
  ed25519VerifierFromPublicKey,
  generateSigningKey,
} from '../src/adapters/signing/ed25519-signer.js';
import {
  migrateToLatest,
  openStore,
  storeBackupEngine,
  type DatabaseLocation,
} from '../src/adapters/store/index.js';
import { runBackup } from '../src/services/run-backup.js';
import { signAuditCheckpoint } from '../src/services/sign-audit-checkpoint.js';

const { values } = parseArgs({
  options: { events: { type: 'string', default: '100000' }, postgres: { type: 'boolean', default: false } },
});
const EVENT_COUNT = Number(values.events);
const BATCH = 5_000;
const key = generateSigningKey();
const signer = ed25519SignerFromPrivateKey(key.privateKeyPem);
const verifier = ed25519VerifierFromPublicKey(key.publicKeyPem);
const logger = createLogger({ level: 'silent', format: 'json' });

function event(n: number) {
  const minute = new Date(Date.UTC(2025, 5, 1) + n * 60_000).toISOString();
  return {
    eventId: `evt-${n}`,
    revision: String(100_000 + n),
    runId: `run-${Math.floor(n / BATCH)}`,
    timestamp: minute,
    sheetId: 4_583_173_393_800_000 + (n % 12),
    rowId: 7_260_200_000_000_000 + n,
    workRequest: String(89_700_000 + (n % 2_500)),
    columnName: 'Units Total Price',
    violationType: 'POST_CLOSE_EDIT',
    oldValue: ((n % 9_000) / 7).toFixed(2),
    newValue: ((n % 9_000) / 6).toFixed(2),
    deltaCents: (n % 9_000) * 3,
    changedBy: `foreman${n % 40}@example.com`,
    changedAt: minute,
    weekEnding: '2025-06-08',
    isHistorical: false,
    auditRunId: `run-${Math.floor(n / BATCH)}`,
    severity: 'MEDIUM' as const,
    issueDescription: 'Price changed after the week closed',
    suggestedFix: 'Confirm the correction with the billing office',
    sheetReference: null,
    ipAddress: null,
    deviceInfo: null,
    sessionId: null,
    userAgent: null,
    riskScore: null,
    anomalyScore: null,
    predictedCategory: null,
    details: { rules: ['POST_CLOSE_EDIT'] },
  };
}

async function bench(label: string, location: DatabaseLocation, tools: 'auto' | 'none'): Promise<void> {
  const store = await openStore(location);
  const root = await mkdtemp(path.join(os.tmpdir(), 'ledgerline-bench-backups-'));
  try {
    await migrateToLatest(store);
    for (let first = 0; first < EVENT_COUNT; first += BATCH) {
      const size = Math.min(BATCH, EVENT_COUNT - first);
      await store.audit.appendEvents(Array.from({ length: size }, (_, i) => event(first + i)));
    }
    await signAuditCheckpoint(store.audit, signer, { runId: null, now: new Date() });
    for (const encrypted of [false, true]) {
      const folder = localBackupFolder(root, encrypted ? backupKeyOf(randomBytes(32)) : undefined);
      const started = performance.now();
      const outcome = await runBackup(
        {
          backups: store.backups,
          sheets: store.sheets,
          reports: store.reports,
          copier: storeBackupEngine(location, tools === 'none' ? { postgresTools: 'none' } : {}),
          folder,
          source: undefined,
          verifiers: [verifier],
          alerting: {
            alerts: store.alerts,
            email: undefined,
            recipients: [],
            newId: () => '',
            now: () => new Date(),
          },
          now: () => new Date(),
          logger,
        },
        {
          backupId: `backup-20250601T000000Z-${randomBytes(3).toString('hex')}`,
          extraSheets: [],
          versions: { ledgerline: 'bench', node: process.version },
          retention: { policy: { daily: 100, weekly: 0, monthly: 0 }, timeZone: 'UTC' },
        },
      );
      const total = performance.now() - started;
      const backupMs = outcome.record.durationMs ?? 0;
      const drillMs = Number(outcome.drill?.durationMs ?? 0);
      console.log(
        `${label}${encrypted ? ', encrypted' : ''}: ${EVENT_COUNT.toLocaleString('en-US')} events, ` +
          `backup ${(backupMs / 1000).toFixed(2)} s (${((outcome.record.sizeBytes ?? 0) / 1e6).toFixed(1)} MB), ` +
          `drill ${(drillMs / 1000).toFixed(2)} s, total ${(total / 1000).toFixed(2)} s, ${outcome.ok ? 'verified' : `FAILED: ${outcome.error}`}`,
      );
    }
  } finally {
    await store.close();
    await rm(root, { recursive: true, force: true });
  }
}

const sqliteFolder = await mkdtemp(path.join(os.tmpdir(), 'ledgerline-bench-store-'));
try {
  await bench(
    'SQLite (online backup)',
    { kind: 'sqlite', path: path.join(sqliteFolder, 'bench.db') },
    'auto',
  );
} finally {
  await rm(sqliteFolder, { recursive: true, force: true });
}

if (values.postgres) {
  const url = 'postgres://postgres@127.0.0.1:5432/test';
  for (const tools of ['auto', 'none'] as const) {
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    try {
      await bench(
        `Postgres (${tools === 'auto' ? 'pg_dump' : 'logical export'})`,
        { kind: 'postgres', url, schema },
        tools,
      );
    } finally {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    }
  }
}
