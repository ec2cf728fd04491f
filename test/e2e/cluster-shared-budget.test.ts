// A process working alone beside a cluster (`ledgerline run`, `webhooks …`) spends from the cluster's
// Smartsheet budget: with LEDGERLINE_QUEUE=pg-boss, openReportCycle's client reserves every request
// in the queue schema's token bucket, the one the workers use.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import type { RunningEmulator } from '../../emulator/index.js';
import { generateSeed } from '../../emulator/seed/generate-seed.js';
import { createLogger } from '../../src/adapters/log/pino-logger.js';
import { openReportCycle } from '../../src/app/report-cycle.js';
import { emulatorVariables } from '../../src/cli/demo-environment.js';
import { loadConfig } from '../../src/config/index.js';
import { silentProgress } from '../../src/ports/progress.js';
import { TEST_DATABASE_URL, backends } from '../support/test-databases.js';

const postgres = backends.find((b) => b.dialect === 'postgres')!;

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

  it('spends from the cluster budget in the queue schema', async () => {
    const seed = generateSeed('tiny');
    emulator = await startEmulator({ seed });
    const storeSchema = `t_${randomBytes(6).toString('hex')}`;
    schemas.push(storeSchema, `${storeSchema}_queue`);
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('schema', storeSchema);
    const config = loadConfig({
      envFile: false,
      env: {
        ...emulatorVariables(seed, emulator.baseUrl),
        LEDGERLINE_DATABASE_URL: url.toString(),
        LEDGERLINE_QUEUE: 'pg-boss',
        LEDGERLINE_SMARTSHEET_REQUESTS_PER_MINUTE: '600',
      },
    });
    const cycle = await openReportCycle(config, createLogger({ level: 'silent', format: 'json' }), {
      progress: silentProgress,
    });
    try {
      await cycle.client.getCurrentUser();
      await cycle.client.getCurrentUser();
    } finally {
      await cycle.close();
    }
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string; tokens: number }>(
        `SELECT name, tokens FROM "${storeSchema}_queue".request_budget`,
      );
      // One bucket, named after the token (hashed, never the token itself), with two units spent
      // from its burst of 120 (refill since is at most a few units).
      expect(rows).toHaveLength(1);
      expect(rows[0]!.name).toMatch(/^smartsheet:[0-9a-f]{16}$/);
      expect(rows[0]!.name).not.toContain(config.smartsheet.token!);
      expect(Number(rows[0]!.tokens)).toBeLessThan(120);
    } finally {
      await client.end();
    }
  });
});
