// `ledgerline init` as a user or a CI job meets it: driven by flags, and typed at through a real
// pseudo-terminal (util-linux `script`), against the emulator; then `run` works from what it wrote.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import type { RunningEmulator } from '../../emulator/index.js';
import { generateSeed } from '../../emulator/seed/generate-seed.js';
import { seedEnvironment } from '../../src/cli/demo-environment.js';
import { base32Decode } from '../../src/domain/auth/base32.js';
import { totpCode } from '../../src/domain/auth/totp.js';
import { repoRoot, runCli } from '../support/run-cli.js';

const seed = generateSeed('tiny');
const demo = seedEnvironment(seed);
const PASSWORD = 'Correct-Horse-Battery-9';
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ seed, rateLimit: { enabled: true, perMinute: 100_000, heavyWeight: 10 } });
});
afterAll(async () => {
  await emulator.close();
});

const freshDir = () => mkdtempSync(path.join(os.tmpdir(), 'll-init-'));
const fileHashes = (dir: string) =>
  ['ledgerline.env', '.env'].map((f) =>
    createHash('sha256')
      .update(readFileSync(path.join(dir, f)))
      .digest('hex'),
  );

function flags(dir: string, extra: string[] = []): string[] {
  return [
    'init',
    '--dir',
    dir,
    '--base-url',
    emulator.baseUrl,
    '--token-stdin',
    '--source-workspaces',
    demo.sourceWorkspaceIds.join(','),
    '--target-sheet',
    String(demo.targetSheetId),
    '--create-audit-sheet',
    'Ledgerline Audit',
    ...extra,
  ];
}

const runInDir = (dir: string, args: string[]) =>
  runCli(args, {
    cwd: dir,
    env: { LEDGERLINE_SMARTSHEET_REQUESTS_PER_MINUTE: '100000' },
    timeoutMs: 120_000,
  });

// Each test runs several CLI processes (≈2 s to start each on a loaded 2-core machine).
describe('ledgerline init from flags (CI)', { timeout: 120_000 }, () => {
  it('writes settings and a mode-600 .env, migrates, creates the admin; a re-run changes no byte; run works', async () => {
    const dir = freshDir();
    const admin = ['--admin-email', 'ops@example.com', '--admin-password-stdin', '--admin-totp-skip'];
    const first = await runCli(flags(dir, admin), { cwd: dir, input: `${demo.token}\n${PASSWORD}\n` });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Created the admin ops@example.com');
    expect(statSync(path.join(dir, '.env')).mode & 0o777).toBe(0o600);
    const settings = readFileSync(path.join(dir, 'ledgerline.env'), 'utf8');
    expect(settings).toContain(`LEDGERLINE_TARGET_SHEET_ID=${demo.targetSheetId}`);
    expect(settings).toMatch(/LEDGERLINE_AUDIT_SHEET_ID=\d+/);
    expect(settings).not.toContain(demo.token);
    expect(readFileSync(path.join(dir, '.env'), 'utf8')).toContain(`SMARTSHEET_API_TOKEN=${demo.token}`);

    const before = fileHashes(dir);
    const again = await runCli(flags(dir, admin), { cwd: dir, input: `${demo.token}\n${PASSWORD}\n` });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Configuration unchanged');
    expect(again.stdout).toContain('ops@example.com already exists');
    expect((await runCli(['init', '--yes'], { cwd: dir })).code).toBe(0);
    expect(fileHashes(dir)).toEqual(before);

    const doctor = await runInDir(dir, ['doctor']);
    expect(doctor.stdout).not.toContain('FAIL');
    expect(doctor.stdout).toMatch(/OK\s+setup .*\.env \(mode 600\)/);
    expect(doctor.stdout).toMatch(/OK\s+admin\s+1 enabled admin/);
    const run = await runInDir(dir, ['run', '--json']);
    expect([0, 3]).toContain(run.code);
    expect((JSON.parse(run.stdout) as { status: string }).status).toBe('succeeded');
  }, 180_000);
});

describe('ledgerline init refuses what cannot work, and writes nothing', { timeout: 120_000 }, () => {
  it('a wrong token', async () => {
    const dir = freshDir();
    const result = await runCli(flags(dir), { cwd: dir, input: 'tok_wrong_token\n' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Smartsheet refused the token (GET /users/me failed: HTTP 401');
    expect(result.stderr).not.toContain('tok_wrong_token');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an unreachable base URL, named in the message', async () => {
    const dir = freshDir();
    const args = flags(dir).map((a) => (a === emulator.baseUrl ? 'http://127.0.0.1:9/2.0' : a));
    const result = await runCli(args, { cwd: dir, input: `${demo.token}\n` });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Cannot reach Smartsheet at http://127.0.0.1:9/2.0');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a source sheet without the required billing columns, showing its mapping', async () => {
    const dir = freshDir();
    const args = [...flags(dir), '--source-sheets', String(demo.targetSheetId), '--source-workspaces', '-'];
    const result = await runCli(args, { cwd: dir, input: `${demo.token}\n` });
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/✗ 'Work Request Register'.*\n.*\n\s+MISSING REQUIRED: weekEnding/);
    expect(result.stderr).toContain("Source sheet 'Work Request Register'");
    expect(result.stderr).toContain('nothing was written');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a wrong token on a re-run leaves the existing files byte-identical', async () => {
    const dir = freshDir();
    expect((await runCli(flags(dir), { cwd: dir, input: `${demo.token}\n` })).code).toBe(0);
    const before = fileHashes(dir);
    const result = await runCli(flags(dir), { cwd: dir, input: 'tok_wrong_token\n' });
    expect(result.code).toBe(2);
    expect(fileHashes(dir)).toEqual(before);
  });
});

/** The CLI under a real pseudo-terminal: answers are typed once their prompt has appeared. */
function underTerminal(dir: string) {
  const entry = path.join(repoRoot, 'bin', 'ledgerline.js');
  const child = spawn(
    'script',
    ['-qfec', `'${process.execPath}' '${entry}' init --dir '${dir}'`, '/dev/null'],
    {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        TERM: 'dumb',
        LEDGERLINE_LOG_FORMAT: 'json',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let output = '';
  let seen = 0;
  const waiters: (() => void)[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const wake of waiters.splice(0)) wake();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    /** Waits for `prompt` after the last answer, then types `answer` and Enter. */
    async answer(prompt: string, answer: string): Promise<void> {
      const deadline = Date.now() + 60_000;
      while (!output.slice(seen).includes(prompt)) {
        if (Date.now() > deadline) throw new Error(`no prompt '${prompt}' in:\n${output.slice(seen)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
      seen = output.indexOf(prompt, seen) + prompt.length;
      child.stdin.write(`${answer}\r`);
    },
    output: () => output,
    async exit(): Promise<number | null> {
      const code = await exited;
      return code;
    },
  };
}

describe('ledgerline init on a terminal', { timeout: 120_000 }, () => {
  it.skipIf(!existsSync('/usr/bin/script'))(
    'asks, hides the token, enrols the admin TOTP; a second pass of Enter keys changes nothing',
    async () => {
      const dir = freshDir();
      const tty = underTerminal(dir);
      await tty.answer('Smartsheet region (us, eu, gov, au) or API base URL [us]: ', emulator.baseUrl);
      await tty.answer('Smartsheet API token', demo.token);
      await tty.answer('Source workspaces', demo.sourceWorkspaceIds.join(','));
      await tty.answer('Source folder ids', '');
      await tty.answer('Source sheets', '');
      await tty.answer('Target sheet', String(demo.targetSheetId));
      await tty.answer('Audit sheet', 'new');
      await tty.answer('Name of the new audit sheet [Ledgerline Audit]: ', '');
      await tty.answer('Create it in workspace', '');
      await tty.answer('Database', '');
      await tty.answer('Public https URL', '');
      await tty.answer('Write them? [Y/n]: ', '');
      await tty.answer('E-mail of the first dashboard admin', 'admin@example.com');
      await tty.answer('Their name [admin]: ', 'Ada Admin');
      await tty.answer('Password (Enter generates a strong one)', PASSWORD);
      await tty.answer('Set up their authenticator app (TOTP) now? [Y/n]: ', '');
      const uri = await waitFor(tty.output, /otpauth:\/\/totp\/\S*secret=([A-Z2-7]+)/);
      const secret = base32Decode(uri[1] ?? '') as Uint8Array;
      await tty.answer('Code shown by the app: ', totpCode(secret, new Date()));
      expect(await tty.exit()).toBe(0);
      const output = tty.output();
      expect(output).toContain('Two-factor sign-in is on');
      expect(output).not.toContain(demo.token);
      expect(output).not.toContain(PASSWORD);
      expect(statSync(path.join(dir, '.env')).mode & 0o777).toBe(0o600);
      const run = await runInDir(dir, ['run', '--json']);
      expect([0, 3]).toContain(run.code);

      // Re-run: every current value is offered as the default; Enter everywhere changes nothing.
      const before = fileHashes(dir);
      const again = underTerminal(dir);
      await again.answer(`or API base URL [${emulator.baseUrl}]: `, '');
      await again.answer('API Access) [Enter keeps the current one]: ', '');
      await again.answer(
        `Source workspaces (numbers from the list or ids, - for none) [${demo.sourceWorkspaceIds.join(',')}]: `,
        '',
      );
      await again.answer('Source folder ids (- for none) [-]: ', '');
      await again.answer('Source sheets', '');
      await again.answer(`[${demo.targetSheetId}]: `, '');
      await again.answer('Audit sheet', '');
      await again.answer('Database', '');
      await again.answer('Public https URL', '');
      expect(await again.exit()).toBe(0);
      expect(again.output()).toContain('Configuration unchanged');
      expect(again.output()).toContain('admin@example.com already exists');
      expect(fileHashes(dir)).toEqual(before);
    },
    180_000,
  );
});

async function waitFor(output: () => string, pattern: RegExp): Promise<RegExpMatchArray> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
    const match = output().match(pattern);
    if (match) return match;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${pattern} never appeared in:\n${output()}`);
}
