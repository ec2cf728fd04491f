// A Ledgerline cluster as it is deployed (issue #10): `ledgerline serve` and `ledgerline worker`
// processes (real subprocesses of bin/ledgerline.js) sharing a Postgres store, its pg-boss queue and
// the cluster request budget, against the emulator. The test (or bench) process keeps an in-process
// runtime over the same store for the baseline and for assertions.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmulator } from '../../emulator/index.js';
import type { RunningEmulator } from '../../emulator/index.js';
import type { SeedData } from '../../emulator/seed/seed-data.js';
import { createLogger } from '../../src/adapters/log/pino-logger.js';
import { openPgBossJobQueue } from '../../src/adapters/queue/pg-boss-job-queue.js';
import { smartsheetWebhookAdmin } from '../../src/adapters/smartsheet/smartsheet-webhook-admin.js';
import { openReportCycle } from '../../src/app/report-cycle.js';
import type { ReportCycle } from '../../src/app/report-cycle.js';
import { emulatorVariables } from '../../src/cli/demo-environment.js';
import { loadConfig } from '../../src/config/index.js';
import type { Config } from '../../src/config/index.js';
import type { JobQueue } from '../../src/ports/job-queue.js';
import { silentProgress } from '../../src/ports/progress.js';
import { ensureWebhooks } from '../../src/services/ensure-webhooks.js';
import { repoRoot } from './run-cli.js';
import { TEST_DATABASE_URL } from './test-databases.js';

export interface ClusterProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Everything the process wrote so far (stdout and stderr, JSON log lines). */
  output(): string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<number | null>;
}

export interface ClusterHarness {
  readonly seed: SeedData;
  readonly emulator: RunningEmulator;
  /** Env every cluster process gets. */
  readonly env: Readonly<Record<string, string>>;
  readonly config: Config;
  /** In-process runtime over the same store (LEDGERLINE_QUEUE=in-process): baseline and assertions. */
  readonly runtime: ReportCycle;
  /** The same queue the processes use, to enqueue and inspect jobs. */
  readonly queue: JobQueue;
  readonly storeSchema: string;
  readonly queueSchema: string;
  startServe(): Promise<ClusterProcess & { url: string }>;
  /** Starts `ledgerline worker` (with `args`, e.g. `--port 0`) and waits until it takes jobs. */
  startWorker(name: string, args?: readonly string[]): Promise<ClusterProcess>;
  /** Registers a webhook per source sheet against `url`. */
  registerWebhooks(url: string): Promise<void>;
  /** Runs SQL against the test database (e.g. the queue's job table). */
  query<T extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

const entry = path.join(repoRoot, 'bin', 'ledgerline.js');

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  options: { timeoutMs?: number; everyMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? 250));
  }
}

export async function startClusterHarness(options: {
  seed: SeedData;
  /** The emulator's (and the cluster's) units per minute. */
  perMinute: number;
  env?: Readonly<Record<string, string>>;
}): Promise<ClusterHarness> {
  const { seed } = options;
  // Limits are switched on once the baseline is stored; the baseline is setup, not what is measured.
  const emulator = await startEmulator({
    seed,
    rateLimit: { enabled: false, perMinute: options.perMinute, heavyWeight: 10 },
    webhooks: { debounceMs: 50 },
  });
  await fetch(`${emulator.controlUrl}/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ set: new Date().toISOString() }),
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'll-cluster-'));
  const editorsFile = path.join(dir, 'editors.json');
  writeFileSync(editorsFile, JSON.stringify(seed.authorizedEditors ?? {}));
  const storeSchema = `t_${randomBytes(6).toString('hex')}`;
  const queueSchema = `${storeSchema}_queue`;
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('schema', storeSchema);
  const env: Record<string, string> = {
    ...emulatorVariables(seed, emulator.baseUrl),
    LEDGERLINE_DATABASE_URL: url.toString(),
    LEDGERLINE_DATA_DIR: dir,
    LEDGERLINE_QUEUE: 'pg-boss',
    LEDGERLINE_JOB_HEARTBEAT_SECONDS: '10',
    LEDGERLINE_WORKER_CONCURRENCY: '2',
    LEDGERLINE_SMARTSHEET_REQUESTS_PER_MINUTE: String(options.perMinute),
    LEDGERLINE_AUTHORIZED_EDITORS_FILE: editorsFile,
    LEDGERLINE_BILLING_CORRECTORS: (seed.billingCorrectors ?? []).join(','),
    LEDGERLINE_AUDIT_SIGNING_KEY_FILE: path.join(dir, 'keys', 'signing.pem'),
    LEDGERLINE_MAIL_TRANSPORT: 'outbox',
    LEDGERLINE_ALERT_RECIPIENTS: 'billing.manager@example.com',
    LEDGERLINE_ALERT_MIN_SEVERITY: 'medium',
    LEDGERLINE_HTTP_HOST: '127.0.0.1',
    LEDGERLINE_HTTP_PORT: '0',
    LEDGERLINE_INBOX_POLL_SECONDS: '1',
    // The test enqueues cycles itself.
    LEDGERLINE_CYCLE_CRON: '0 0 1 1 *',
    LEDGERLINE_SWEEP_CRON: '0 0 1 1 *',
    LEDGERLINE_LOG_LEVEL: 'info',
    LEDGERLINE_LOG_FORMAT: 'json',
    ...options.env,
  };
  const config = loadConfig({ envFile: false, env: { ...env, LEDGERLINE_QUEUE: 'in-process' } });
  const logger = createLogger({ level: 'silent', format: 'json' });
  const runtime = await openReportCycle(config, logger, { progress: silentProgress });
  const queue = await openPgBossJobQueue({
    connectionString: TEST_DATABASE_URL,
    schema: queueSchema,
    logger,
    heartbeatSeconds: 10,
  });
  const processes: ClusterProcess[] = [];

  const spawnProcess = (name: string, args: string[]): ClusterProcess => {
    const child = spawn(process.execPath, [entry, ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const handle = { name, child, output: () => output, exited };
    processes.push(handle);
    return handle;
  };

  const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
  return {
    seed,
    emulator,
    env,
    config,
    runtime,
    queue,
    storeSchema,
    queueSchema,
    async startServe() {
      const serve = spawnProcess('serve', ['serve']);
      const listening = await waitFor(
        'serve to listen',
        async () => {
          if (serve.child.exitCode !== null) throw new Error(`serve exited:\n${serve.output()}`);
          return /listening on (http:\/\/\S+)/.exec(serve.output())?.[1];
        },
        { timeoutMs: 60_000 },
      );
      return { ...serve, url: listening };
    },
    async startWorker(name, args = []) {
      const worker = spawnProcess(name, ['worker', ...args]);
      await waitFor(
        `${name} to take jobs`,
        async () => {
          if (worker.child.exitCode !== null) throw new Error(`${name} exited:\n${worker.output()}`);
          return worker.output().includes('taking jobs');
        },
        { timeoutMs: 60_000 },
      );
      return worker;
    },
    async registerWebhooks(callbackBase) {
      await ensureWebhooks(
        {
          admin: smartsheetWebhookAdmin(runtime.client),
          webhooks: runtime.store.webhooks,
          sheets: runtime.store.sheets,
        },
        { callbackUrl: `${callbackBase}/webhooks/smartsheet` },
      );
    },
    async query(sql, values) {
      return (await pool.query(sql, values)).rows;
    },
    async close() {
      for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
      await Promise.all(processes.map((p) => p.exited));
      await queue.stop({ graceMs: 1_000 }).catch(() => undefined);
      await runtime.close();
      await emulator.close();
      await pool.query(`DROP SCHEMA IF EXISTS "${queueSchema}" CASCADE`).catch(() => undefined);
      await pool.query(`DROP SCHEMA IF EXISTS "${storeSchema}" CASCADE`).catch(() => undefined);
      await pool.end();
    },
  };
}
