import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import type { RunningEmulator } from '../../emulator/index.js';
import { generateSeed } from '../../emulator/seed/generate-seed.js';
import { emulatorVariables } from '../../src/cli/demo-environment.js';
import { runCli } from '../support/run-cli.js';

const seed = generateSeed('tiny');
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ seed, rateLimit: { enabled: true, perMinute: 100_000, heavyWeight: 10 } });
});
afterAll(async () => {
  await emulator.close();
});

function environment(extra: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'll-cli-run-'));
  return {
    dir,
    env: {
      ...emulatorVariables(seed, emulator.baseUrl),
      LEDGERLINE_DATABASE_URL: `sqlite:${path.join(dir, 'ledgerline.db')}`,
      LEDGERLINE_DATA_DIR: dir,
      LEDGERLINE_SMARTSHEET_REQUESTS_PER_MINUTE: '100000',
      ...extra,
    },
  };
}

// Each test runs several CLI processes (≈2 s to start each on a loaded 2-core machine).
describe('ledgerline doctor', { timeout: 120_000 }, () => {
  it('prints OK for every part of a good configuration and exits 0', async () => {
    const { dir, env } = environment();
    expect((await runCli(['db', 'migrate'], { cwd: dir, env })).code).toBe(0);
    const result = await runCli(['doctor'], { cwd: dir, env });
    // config, database, smartsheet, mail, queue (in-process: not used), and what init sets up:
    // setup files, sheets, webhooks.
    expect(result.stdout.split('\n').filter((l) => l.startsWith('OK'))).toHaveLength(8);
    expect(result.stdout).toMatch(/OK\s+queue\s+not used \(LEDGERLINE_QUEUE=in-process\)/);
    expect(result.stdout).toMatch(/WARN\s+admin\s+no enabled admin account yet/);
    expect(result.stdout).not.toContain('FAIL');
    expect(result.code).toBe(0);
  });

  it('fails on pending migrations, a bad token and a malformed database URL, naming each', async () => {
    const { dir, env } = environment({ SMARTSHEET_API_TOKEN: 'tok_not_a_real_token' });
    const fresh = await runCli(['doctor'], { cwd: dir, env });
    expect(fresh.code).toBe(1);
    expect(fresh.stdout).toMatch(/FAIL\s+database .*pending/);
    expect(fresh.stdout).toMatch(/FAIL\s+smartsheet .*errorCode 1002/);
    expect(fresh.stdout).not.toContain('tok_not_a_real_token');

    const malformed = await runCli(['doctor'], {
      cwd: dir,
      env: { ...env, LEDGERLINE_DATABASE_URL: 'postgres://db-host-without-database' },
    });
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('LEDGERLINE_DATABASE_URL');
  });
});

describe('ledgerline run', { timeout: 120_000 }, () => {
  it('runs a cycle, prints a JSON summary and exits 3 on violations; a dry run writes nothing', async () => {
    const { dir, env } = environment();
    await fetch(`${emulator.controlUrl}/requests`, { method: 'DELETE' });
    const dry = await runCli(['run', '--dry-run', '--json'], { cwd: dir, env });
    expect(dry.code).toBe(0);
    const drySummary = JSON.parse(dry.stdout) as {
      dryRun: boolean;
      reports: { wouldUpload: number; uploaded: number };
    };
    expect(drySummary.dryRun).toBe(true);
    expect(drySummary.reports.wouldUpload).toBeGreaterThan(0);
    expect(drySummary.reports.uploaded).toBe(0);
    const log = (await (await fetch(`${emulator.controlUrl}/requests`)).json()) as {
      entries: { method: string }[];
    };
    expect(log.entries.filter((e) => e.method !== 'GET')).toEqual([]);

    // The seed plants a unit billed twice: a MEDIUM finding, so the run exits 3 (violations found).
    const real = await runCli(['run', '--json'], { cwd: dir, env });
    const summary = JSON.parse(real.stdout) as {
      status: string;
      reports: { uploaded: number };
      audit: { findings: { byType: Record<string, number> } };
    };
    expect(summary.status).toBe('succeeded');
    expect(summary.reports.uploaded).toBe(drySummary.reports.wouldUpload);
    expect(summary.audit.findings.byType.DUPLICATE_UNIT).toBeGreaterThan(0);
    expect(real.code).toBe(3);

    // Nothing new on the next run; and the violation exit code can be switched off.
    const quiet = await runCli(['run', '--json'], {
      cwd: dir,
      env: { ...env, LEDGERLINE_VIOLATION_EXIT_SEVERITY: 'off' },
    });
    expect(quiet.code).toBe(0);
  });
});
