// A process working alone beside a cluster (`ledgerline run`, `webhooks …`) spends from the cluster's
// Smartsheet budget: with LEDGERLINE_QUEUE=pg-boss, openReportCycle's client reserves every request
// in the queue schema's token bucket, the one the workers use; so do the admin commands' clients.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import type { RunningEmulator } from '../../emulator/index.js';
import { generateSeed } from '../../emulator/seed/generate-seed.js';
import { createLogger } from '../../src/adapters/log/pino-logger.js';
import { openBackupKit } from '../../src/app/backup-kit.js';
import { openReportCycle } from '../../src/app/report-cycle.js';
import { openSmartsheetAccess } from '../../src/app/smartsheet-access.js';
import { emulatorVariables } from '../../src/cli/demo-environment.js';
import { loadConfig } from '../../src/config/index.js';
import type { Config } from '../../src/config/index.js';
import { silentProgress } from '../../src/ports/progress.js';
import { TEST_DATABASE_URL, backends } from '../support/test-databases.js';

const postgres = backends.find((b) => b.dialect === 'postgres')!;
const silentLogger = createLogger({ level: 'silent', format: 'json' });

describe.skipIf(postgres.skipReason)('a process beside a cluster', () => {
  let emulator: RunningEmulator | undefined;
  const schemas: string[] = [];
  afterEach(async () => {
    await emulator?.close();
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    for (const schema of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  function clusterConfig(
    baseUrl: string,
    seed: ReturnType<typeof generateSeed>,
    perMinute = 600,
  ): {
    config: Config;
    storeSchema: string;
  } {
    const storeSchema = `t_${randomBytes(6).toString('hex')}`;
    schemas.push(storeSchema, `${storeSchema}_queue`);
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('schema', storeSchema);
    const config = loadConfig({
      envFile: false,
      env: {
        ...emulatorVariables(seed, baseUrl),
        LEDGERLINE_DATABASE_URL: url.toString(),
        LEDGERLINE_QUEUE: 'pg-boss',
        LEDGERLINE_SMARTSHEET_REQUESTS_PER_MINUTE: String(perMinute),
      },
    });
    return { config, storeSchema };
  }

  /** The queue schema's token buckets: one per API token, named by its hash. */
  async function buckets(storeSchema: string): Promise<{ name: string; tokens: number; refilledAt: Date }[]> {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string; tokens: string; refilled_at: Date }>(
        `SELECT name, tokens, refilled_at FROM "${storeSchema}_queue".request_budget`,
      );
      return rows.map((row) => ({ name: row.name, tokens: Number(row.tokens), refilledAt: row.refilled_at }));
    } finally {
      await client.end();
    }
  }

  it('spends from the cluster budget in the queue schema', async () => {
    const seed = generateSeed('tiny');
    emulator = await startEmulator({ seed });
    const { config, storeSchema } = clusterConfig(emulator.baseUrl, seed);
    const cycle = await openReportCycle(config, silentLogger, { progress: silentProgress });
    try {
      await cycle.client.getCurrentUser();
      await cycle.client.getCurrentUser();
    } finally {
      await cycle.close();
    }
    const rows = await buckets(storeSchema);
    // One bucket, named after the token (hashed, never the token itself), with two units spent
    // from its burst of 120 (refill since is at most a few units).
    expect(rows).toHaveLength(1);
    expect(rows[0]!.name).toMatch(/^smartsheet:[0-9a-f]{16}$/);
    expect(rows[0]!.name).not.toContain(config.smartsheet.token!);
    expect(rows[0]!.tokens).toBeLessThan(120);
  });

  it('gives admin commands (lock, unlock, access review, backups) the same budget', async () => {
    const seed = generateSeed('tiny');
    emulator = await startEmulator({ seed });
    // 60 units a minute: a burst of 12 and one unit of refill a second, so five calls show.
    const { config, storeSchema } = clusterConfig(emulator.baseUrl, seed, 60);
    const access = await openSmartsheetAccess(config, silentLogger);
    try {
      for (let i = 0; i < 5; i += 1) await access.client.getCurrentUser();
    } finally {
      await access.close();
    }
    const [bucket] = await buckets(storeSchema);
    expect(bucket!.tokens).toBeLessThan(12 - 3);

    // The backup kit (backup run, restore-rows) reads and writes through that same bucket.
    const kit = await openBackupKit(config, silentLogger);
    try {
      const sheet = seed.sheets.find((s) => s.role === 'source')!;
      expect(await kit.source!.sheetVersion(sheet.id)).toBeGreaterThan(0);
    } finally {
      await kit.close();
    }
    // The kit's requests reserved from the bucket after the commands' did.
    const [after] = await buckets(storeSchema);
    expect(after!.refilledAt.getTime()).toBeGreaterThan(bucket!.refilledAt.getTime());
  });

  it('needs no cluster when the deployment is not one', async () => {
    const seed = generateSeed('tiny');
    emulator = await startEmulator({ seed });
    // A store URL nothing listens on: reaching for the cluster's budget would fail.
    const config = loadConfig({
      envFile: false,
      env: {
        ...emulatorVariables(seed, emulator.baseUrl),
        LEDGERLINE_DATABASE_URL: 'postgres://ledgerline@127.0.0.1:1/nowhere',
      },
    });
    const access = await openSmartsheetAccess(config, silentLogger);
    try {
      expect((await access.client.getCurrentUser()).email).toContain('@');
    } finally {
      await access.close();
    }
  });
});
