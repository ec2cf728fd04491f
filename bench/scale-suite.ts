// The scale-out benchmark suite of issue #10 in one command (`npm run bench:scale`): a description of
// the machine, then (1) the full and incremental cycle over 150,000 rows on 90 sheets with 1 and 3
// workers, (2) webhook ingestion, (3) dashboard API p95 with 1,000,000 events on Postgres and (4)
// Smartsheet requests per incremental cycle against rows changed — each as its own process, every
// figure printed as it comes. Arguments after the script name are not passed on; run a bench alone
// to change its size.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const here = import.meta.dirname;
const DATABASE_URL = process.env.LEDGERLINE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SUITE = [
  {
    file: 'cluster-cycle.ts',
    title: '(1) full and incremental cycle, 150,000 rows on 90 sheets, 1 vs 3 workers',
  },
  { file: 'webhook-ingestion.ts', title: '(2) webhook ingestion throughput and latency' },
  { file: 'dashboard-api-p95.ts', title: '(3) dashboard API p95 with 1,000,000 stored events (Postgres)' },
  {
    file: 'incremental-requests.ts',
    title: '(4) Smartsheet requests per incremental cycle against rows changed',
  },
];

async function postgresVersion(): Promise<string> {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    return (await client.query<{ version: string }>('select version()')).rows[0]?.version ?? 'unknown';
  } catch (error) {
    return `unreachable (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

console.log('Ledgerline scale-out benchmarks (issue #10)');
console.log(`  CPU:      ${os.cpus()[0]?.model ?? 'unknown'}, ${os.availableParallelism()} cores`);
console.log(`  RAM:      ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`);
console.log(`  OS:       ${os.type()} ${os.release()} (${os.arch()})`);
console.log(`  Node:     ${process.version}`);
console.log(`  Postgres: ${await postgresVersion()}`);
console.log(
  `  Load:     ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')} (1, 5, 15 min) at the start`,
);

let failed = 0;
for (const { file, title } of SUITE) {
  console.log(`\n=== ${title} — bench/${file}`);
  if (!existsSync(path.join(here, file))) {
    console.log(`(skipped: bench/${file} does not exist yet)`);
    continue;
  }
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, file)], {
    stdio: 'inherit',
  });
  console.log(`(${file}: ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  if (result.status !== 0) {
    failed += 1;
    console.log(`(${file} exited with ${result.status ?? result.signal})`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
