// Dashboard API latency with a year of audit data (issue #10, bench item 3): a fresh store is filled
// with 1,000,000 hash-chained audit events (through the store's own append path), 150,000 live rows
// on 90 sheets, the scored changes of the last 90 days, a cycle every two hours and ~30,000
// published reports; the chain is verified as `ledgerline audit verify` does; then the dashboard is
// composed as `serve` composes it, an admin signs in with a real session cookie, and every GET route
// that reads events is called over loopback HTTP. Prints p50/p95/max per route; figures only.
//
// Run: node --import tsx bench/dashboard-api-p95.ts [--events=1000000] [--engine=postgres|sqlite|both]
//        [--requests=60] [--route-seconds=20] [--skip-verify] [--routes=risk,open] [--keep-schema]
// `--routes` measures only the routes whose name contains one of the comma-separated words (the seed
// is the same, so a re-measure of a few routes takes the seed's ~2 min, not the whole list).
// Postgres: a fresh schema of LEDGERLINE_TEST_DATABASE_URL (default the local `test` database),
// dropped at the end unless `--keep-schema` (to EXPLAIN queries against it; drop it by hand).
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Registry } from 'prom-client';
import { startEmulator } from '../emulator/index.js';
import { generateSeed } from '../emulator/seed/generate-seed.js';
import { createArgon2idPasswordHasher } from '../src/adapters/auth/argon2id-password-hasher.js';
import { createLogger } from '../src/adapters/log/pino-logger.js';
import { smartsheetBillingSheets } from '../src/adapters/smartsheet/smartsheet-billing-sheets.js';
import { migrateToLatest, openStore } from '../src/adapters/store/index.js';
import type { DatabaseLocation } from '../src/adapters/store/open-store.js';
import { registerDashboardApp } from '../src/app/dashboard-app.js';
import { smartsheetClientFor } from '../src/app/report-cycle.js';
import { emulatorVariables } from '../src/cli/demo-environment.js';
import { loadConfig } from '../src/config/index.js';
import { NO_ORIGIN } from '../src/domain/auth/auth-event.js';
import { authDepsFor } from '../src/http/auth/auth-settings.js';
import { buildHttpServer } from '../src/http/build-http-server.js';
import type { Store } from '../src/ports/store.js';
import { createUserAccount } from '../src/services/manage-users.js';
import { verifyAuditTrail } from '../src/services/verify-audit-trail.js';
import { seedDashboardStore } from './support/dashboard-seed.js';
import { ms, quantile } from './support/latency-figures.js';
import { DEFAULT_CORPUS, SyntheticAuditCorpus } from './support/synthetic-audit-corpus.js';

const DATABASE_URL = process.env.LEDGERLINE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const eventCount = Number(arg('events', String(DEFAULT_CORPUS.events)));
const engine = arg('engine', 'postgres');
const requestsPerRoute = Number(arg('requests', '60'));
const routeSeconds = Number(arg('route-seconds', '20'));
const skipVerify = process.argv.includes('--skip-verify');
const routeWords = arg('routes', '')
  .split(',')
  .map((word) => word.trim().toLowerCase())
  .filter((word) => word !== '');
const keepSchema = process.argv.includes('--keep-schema');
const PASSWORD = 'bench-dashboard-password-1';

interface Location {
  readonly location: DatabaseLocation;
  readonly label: string;
  cleanup(): Promise<void>;
}

async function freshLocation(dialect: 'postgres' | 'sqlite'): Promise<Location> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'll-bench-dash-'));
    return {
      location: { kind: 'sqlite', path: path.join(dir, 'ledgerline.db') },
      label: 'SQLite',
      cleanup: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const schema = `bench_dashboard_${process.pid}`;
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  const version = (await client.query<{ server_version: string }>('show server_version')).rows[0];
  await client.end();
  return {
    location: { kind: 'postgres', url: DATABASE_URL, schema },
    label: `Postgres ${version?.server_version ?? ''}`.trim(),
    cleanup: async () => {
      if (keepSchema) {
        console.log(`  kept schema "${schema}" (--keep-schema)`);
        return;
      }
      const admin = new pg.Client({ connectionString: DATABASE_URL });
      await admin.connect();
      await admin.query(`drop schema if exists "${schema}" cascade`);
      await admin.end();
    },
  };
}

/**
 * Postgres: refresh the planner's statistics, as autovacuum would have after a year of appends. No
 * VACUUM: without the visibility map, counts read the heap — the pessimistic case.
 */
async function analyze(location: DatabaseLocation): Promise<void> {
  if (location.kind !== 'postgres') return;
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  await client.query(`set search_path to "${location.schema}"`);
  await client.query('analyze');
  await client.end();
}

async function benchEngine(dialect: 'postgres' | 'sqlite'): Promise<void> {
  const where = await freshLocation(dialect);
  const store: Store = await openStore(where.location);
  const emulatorSeed = generateSeed('tiny');
  // Smartsheet's budget is not what this bench measures: the drill-down's cell-history call is heavy
  // (×10), so 60 of them would wait out a 300/min limit.
  const emulator = await startEmulator({
    seed: emulatorSeed,
    rateLimit: { enabled: false, perMinute: 100_000, heavyWeight: 10 },
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'll-bench-dash-data-'));
  try {
    await migrateToLatest(store);
    const corpus = new SyntheticAuditCorpus({ ...DEFAULT_CORPUS, events: eventCount }, new Date());
    console.log(`\n${where.label}: seeding ${eventCount.toLocaleString('en-US')} audit events …`);
    const seeded = await seedDashboardStore(store, corpus, (line) => console.log(line));
    await analyze(where.location);
    const s = seeded.seconds;
    console.log(
      `  seeded ${seeded.events.toLocaleString('en-US')} events (${s.events.toFixed(0)} s, ${Math.round(seeded.events / s.events).toLocaleString('en-US')}/s through appendEvents) and ${seeded.changes.toLocaleString('en-US')} scored changes; ${seeded.snapshots.toLocaleString('en-US')} rows on ${corpus.sheets.length} sheets (${s.sheets.toFixed(0)} s); ${seeded.runs.toLocaleString('en-US')} runs (${s.runs.toFixed(0)} s); ${seeded.reports.toLocaleString('en-US')} reports (${s.reports.toFixed(0)} s)`,
    );
    if (!skipVerify) {
      const started = performance.now();
      const verdict = await verifyAuditTrail(store.audit, []);
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `  audit verify: ${verdict.ok ? 'OK' : `FAILED (${verdict.problem?.message ?? 'no reason'})`}, ${seeded.events.toLocaleString('en-US')} events in ${seconds.toFixed(1)} s`,
      );
      if (!verdict.ok) process.exitCode = 1;
    }

    const config = loadConfig({
      envFile: false,
      env: {
        ...emulatorVariables(emulatorSeed, emulator.baseUrl),
        LEDGERLINE_DATABASE_URL:
          where.location.kind === 'postgres'
            ? `${DATABASE_URL}?schema=${where.location.schema}`
            : `sqlite:${where.location.path}`,
        LEDGERLINE_DATA_DIR: dir,
        LEDGERLINE_MFA_REQUIRED_FOR_ADMINS: 'false',
        // The drill-down's cell-history call is a heavy request (×10): at the production budget of
        // 300/min a burst of drill-downs waits for Smartsheet's budget, not for Ledgerline.
        LEDGERLINE_SMARTSHEET_REQUESTS_PER_MINUTE: '100000',
      },
    });
    const logger = createLogger({ level: 'silent', format: 'json' });
    const client = smartsheetClientFor(config, logger);
    const server = await buildHttpServer({
      webhooks: store.webhooks,
      inbox: store.inbox,
      logger,
      metrics: new Registry(),
      now: () => new Date(),
      ready: () => Promise.resolve({ ok: true, checks: {} }),
    });
    await registerDashboardApp(
      server,
      config,
      { store, client, source: smartsheetBillingSheets(client) },
      logger,
      {
        webRoot: path.join(dir, 'no-web-build'),
      },
    );
    await server.listen({ host: '127.0.0.1', port: 0 });
    try {
      const base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
      const cookie = await signInAdmin(store, config, base);
      const routes = (await routesToMeasure(store, corpus)).filter(
        (route) =>
          routeWords.length === 0 || routeWords.some((word) => route.name.toLowerCase().includes(word)),
      );
      console.log(
        `\n${where.label}, ${seeded.events.toLocaleString('en-US')} events: GET latency over loopback HTTP (up to ${requestsPerRoute} requests or ${routeSeconds} s per route, one at a time)`,
      );
      console.log(
        `  ${'route'.padEnd(58)} ${'n'.padStart(4)} ${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'max ms'.padStart(9)}`,
      );
      for (const route of routes) {
        const samples = await measure(base, route.url, cookie, route.requests ?? requestsPerRoute);
        const p95 = quantile(samples, 0.95);
        console.log(
          `  ${route.name.padEnd(58)} ${String(samples.length).padStart(4)} ${ms(quantile(samples, 0.5)).padStart(9)} ${ms(p95).padStart(9)} ${ms(quantile(samples, 1)).padStart(9)}${p95 > 300 ? '  ← over 300 ms' : ''}`,
        );
      }
    } finally {
      await server.close();
    }
  } finally {
    await store.close();
    await emulator.close();
    await where.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function signInAdmin(
  store: Store,
  config: ReturnType<typeof loadConfig>,
  base: string,
): Promise<string> {
  const email = 'bench.admin@example.com';
  await createUserAccount(
    authDepsFor(store, config, createArgon2idPasswordHasher()),
    { email: 'cli:bench', origin: NO_ORIGIN },
    { email, displayName: 'Bench admin', role: 'admin', password: PASSWORD },
  );
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  return (login.headers.get('set-cookie') ?? '').split(';')[0]!;
}

interface RouteToMeasure {
  readonly name: string;
  /** Path and query, or one per request (cycled). */
  readonly url: string | readonly string[];
  readonly requests?: number;
}

async function routesToMeasure(store: Store, corpus: SyntheticAuditCorpus): Promise<RouteToMeasure[]> {
  const head = await store.audit.chainHead();
  const last = head.headSeq ?? 1;
  // Events spread over the whole log, for the drill-down.
  const eventIds: string[] = [];
  for (let i = 1; i <= 50; i += 1) {
    const page = await store.audit.listEvents({
      fromSeq: Math.max(1, Math.floor((last * i) / 51)),
      limit: 1,
    });
    if (page.events[0]) eventIds.push(page.events[0].eventId);
  }
  const sheet = corpus.sheets[7]!.id;
  const editor = encodeURIComponent(corpus.editors[3]!);
  const workRequest = corpus.workRequests[5]!;
  const monthAgo = new Date(corpus.now.getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
  return [
    { name: 'overview', url: '/api/overview' },
    { name: 'violations, first page (newest first)', url: '/api/violations' },
    { name: 'violations, severity=CRITICAL', url: '/api/violations?severity=CRITICAL' },
    { name: 'violations, one sheet', url: `/api/violations?sheet=${sheet}` },
    { name: 'violations, one editor', url: `/api/violations?editor=${editor}` },
    { name: 'violations, one Work Request', url: `/api/violations?workRequest=${workRequest}` },
    {
      name: 'violations, code PRICE_OVERRIDE by risk',
      url: '/api/violations?code=PRICE_OVERRIDE&sort=riskScore&order=desc',
    },
    {
      name: 'violations, last 30 days by |Δ|',
      url: `/api/violations?from=${monthAgo}&sort=deltaCents&order=desc`,
    },
    { name: 'violations, open only', url: '/api/violations?status=open' },
    { name: 'violations, page 20 (offset 950)', url: '/api/violations?page=20' },
    { name: 'violations, page 2,000 (offset 99,950)', url: '/api/violations?page=2000' },
    {
      name: 'violation detail (incl. cell-history call)',
      url: eventIds.map((id) => `/api/violations/${id}`),
    },
    { name: 'editors (90 days)', url: '/api/editors' },
    { name: 'runs (latest 50)', url: '/api/runs' },
    { name: 'reports, first page (100 of all)', url: '/api/reports' },
    { name: 'reports, page 200 (offset 19,900)', url: '/api/reports?page=200' },
    { name: 'reports, one Work Request', url: `/api/reports?workRequest=${workRequest}` },
    { name: 'trail status', url: '/api/trail' },
    {
      name: 'export.csv, CRITICAL of the last 30 days',
      url: `/api/violations/export.csv?severity=CRITICAL&from=${monthAgo}`,
      requests: 10,
    },
  ];
}

async function measure(base: string, url: string | readonly string[], cookie: string, requests: number) {
  const urls = typeof url === 'string' ? [url] : url;
  const failures: string[] = [];
  const get = async (i: number) => {
    const target = urls[i % urls.length]!;
    const started = performance.now();
    try {
      const response = await fetch(`${base}${target}`, {
        headers: { cookie },
        signal: AbortSignal.timeout(60_000),
      });
      await response.arrayBuffer();
      if (response.status !== 200) failures.push(`HTTP ${response.status}`);
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
    return performance.now() - started;
  };
  await get(0); // warm-up: connection, JIT and the first plan are not what a user waits on
  const samples: number[] = [];
  const deadline = performance.now() + routeSeconds * 1000;
  for (let i = 0; i < requests && (samples.length < 5 || performance.now() < deadline); i += 1)
    samples.push(await get(i + 1));
  if (failures.length > 0)
    console.log(`    ${failures.length} failed request(s): ${[...new Set(failures)].join('; ')}`);
  return samples;
}

console.log(
  `Dashboard API p95 (${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version})`,
);
const engines =
  engine === 'both' ? (['postgres', 'sqlite'] as const) : [engine === 'sqlite' ? 'sqlite' : 'postgres'];
for (const dialect of engines) await benchEngine(dialect as 'postgres' | 'sqlite');
