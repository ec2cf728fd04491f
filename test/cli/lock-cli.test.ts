// `ledgerline lock …` and `ledgerline unlock` as subprocesses against the emulator (issue #12).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import type { RunningEmulator } from '../../emulator/index.js';
import { generateSeed } from '../../emulator/seed/generate-seed.js';
import { emulatorVariables, seedEnvironment } from '../../src/cli/demo-environment.js';
import { runCli } from '../support/run-cli.js';

const seed = generateSeed('tiny');
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ seed, rateLimit: { enabled: true, perMinute: 100_000, heavyWeight: 10 } });
});
afterAll(() => emulator.close());

function environment(extra: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'll-cli-lock-'));
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

async function lockedRows(sheetId: number): Promise<number[]> {
  const response = await fetch(`${emulator.baseUrl}/sheets/${sheetId}`, {
    headers: { Authorization: `Bearer ${seedEnvironment(seed).token}` },
  });
  const sheet = (await response.json()) as { rows: { id: number; locked?: boolean }[] };
  return sheet.rows.filter((row) => row.locked).map((row) => row.id);
}

describe('ledgerline lock', () => {
  it('says locking is off by default and changes nothing', async () => {
    const { dir, env } = environment();
    const result = await runCli(['lock', 'status'], { cwd: dir, env });
    expect(result.stdout).toContain('Locking is off');
    expect(result.code).toBe(0);
  });

  it('locks in a cycle, lists nothing more to lock, and unlocks on record with a reason', async () => {
    const { dir, env } = environment({ LEDGERLINE_LOCK_CLOSED_WEEKS: 'all' });
    const run = await runCli(['run', '--json'], { cwd: dir, env });
    const summary = JSON.parse(run.stdout) as { locking: { locked: number; refused: number } };
    expect(summary.locking.locked).toBeGreaterThan(0);
    expect(summary.locking.refused).toBe(0);

    const dry = await runCli(['lock', 'weeks', '--dry-run'], { cwd: dir, env });
    expect(dry.stdout).toContain(`0 would be locked, ${summary.locking.locked} already locked`);
    expect(dry.code).toBe(0);

    const sheetId = seed.sheets.find((s) => s.role === 'source')!.id;
    const [rowId] = await lockedRows(sheetId);
    const unlock = await runCli(
      [
        'unlock',
        '--sheet',
        String(sheetId),
        '--rows',
        String(rowId),
        '--reason',
        'WR re-billed: crew typo',
        '--by',
        'Aaron.Novak@prairieline.example',
      ],
      { cwd: dir, env },
    );
    expect(unlock.stderr).not.toContain('ledgerline:');
    expect(unlock.stdout).toContain('1 row(s) unlocked');
    expect(unlock.stdout).toContain('1 ROWS_UNLOCKED event(s) added to the audit trail.');
    expect(unlock.code).toBe(0);
    expect(await lockedRows(sheetId)).not.toContain(rowId);

    const status = await runCli(['lock', 'status', '--json'], { cwd: dir, env });
    // The unlock holds the row open (24 h by default) so the correction can be made.
    expect(JSON.parse(status.stdout)).toMatchObject({ scope: 'all', wouldLock: 0, heldOpen: 1 });
    const again = await runCli(['lock', 'weeks'], { cwd: dir, env });
    expect(again.stdout).toContain('0 locked');
    expect(await lockedRows(sheetId)).not.toContain(rowId);
  }, 120_000);

  it('refuses an unlock without a reason (usage, exit 2)', async () => {
    const { dir, env } = environment();
    const result = await runCli(['unlock', '--sheet', '1', '--rows', '2', '--by', 'a@b.c'], {
      cwd: dir,
      env,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--reason');
  });
});
