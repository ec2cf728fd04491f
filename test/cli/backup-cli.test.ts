// `ledgerline backup`, `backup verify`, `restore` and `doctor` as a scheduler or an operator runs
// them: real subprocesses, their output and exit codes.
import { mkdtempSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
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
  const dir = mkdtempSync(path.join(os.tmpdir(), 'll-cli-backup-'));
  return {
    dir,
    env: {
      ...emulatorVariables(seed, emulator.baseUrl),
      LEDGERLINE_DATABASE_URL: `sqlite:${path.join(dir, 'ledgerline.db')}`,
      LEDGERLINE_DATA_DIR: dir,
      LEDGERLINE_BACKUP_DIR: path.join(dir, 'backups'),
      LEDGERLINE_SMARTSHEET_REQUESTS_PER_MINUTE: '100000',
      LEDGERLINE_VIOLATION_EXIT_SEVERITY: 'off',
      ...extra,
    },
  };
}

describe('ledgerline backup and restore', () => {
  it('backs up, verifies, survives a destroyed store, and names a flipped byte', async () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const { dir, env } = environment({ LEDGERLINE_BACKUP_ENCRYPTION_KEY: key });
    expect((await runCli(['run'], { cwd: dir, env })).code).toBe(0);

    const made = await runCli(['backup', '--json'], { cwd: dir, env, timeoutMs: 120_000 });
    expect(made.stderr).not.toContain(key);
    expect(made.code).toBe(0);
    const outcome = JSON.parse(made.stdout) as {
      record: { id: string; status: string };
      drill: { ok: boolean };
    };
    expect(outcome.record.status).toBe('verified');
    const id = outcome.record.id;
    const stored = await readdir(path.join(dir, 'backups', id, 'sheets'));
    expect(stored.length).toBeGreaterThanOrEqual(2);
    expect(stored.every((name) => name.endsWith('.json.gz.enc'))).toBe(true);

    const list = await runCli(['backup', 'list'], { cwd: dir, env });
    expect(list.stdout).toMatch(new RegExp(`${id}\\s+verified .* drill passed`));
    const doctor = await runCli(['doctor'], { cwd: dir, env });
    expect(doctor.stdout).toMatch(new RegExp(`OK\\s+backups\\s+latest verified ${id}`));

    expect((await runCli(['backup', 'verify', id], { cwd: dir, env })).code).toBe(0);

    // The disk is lost: the store is gone. Without a terminal, restore wants --yes.
    for (const suffix of ['', '-wal', '-shm'])
      await rm(path.join(dir, `ledgerline.db${suffix}`), { force: true });
    const unconfirmed = await runCli(['restore', id], { cwd: dir, env });
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain('confirm with --yes');
    const restored = await runCli(['restore', id, '--yes'], { cwd: dir, env, timeoutMs: 120_000 });
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toContain('It is now the live store');
    expect(restored.code).toBe(0);
    const audit = await runCli(['audit', 'verify'], { cwd: dir, env });
    expect(audit.stdout).toMatch(/^Audit trail OK/);
    expect(audit.code).toBe(0);

    // A wrong key is named as such, not as a generic failure.
    const other = Buffer.alloc(32, 9).toString('base64');
    const wrong = await runCli(['restore', id, '--to', `sqlite:${path.join(dir, 'elsewhere.db')}`], {
      cwd: dir,
      env: { ...env, LEDGERLINE_BACKUP_ENCRYPTION_KEY: other },
    });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/Wrong backup key for store\.sqlite\.gz\.enc/);

    // One flipped byte: verify fails and names the file.
    const file = path.join(dir, 'backups', id, 'published-reports.json.gz.enc');
    const bytes = await readFile(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 3) ^ 0x10, bytes.length - 3);
    await writeFile(file, bytes);
    const verify = await runCli(['backup', 'verify', id], { cwd: dir, env });
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain(`Backup ${id} FAILED`);
    expect(verify.stdout).toContain('published-reports.json.gz.enc: SHA-256 is');
  }, 180_000);
});
