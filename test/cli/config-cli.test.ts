import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const emptyDir = () => mkdtempSync(path.join(os.tmpdir(), 'll-cli-'));

describe('ledgerline CLI basics', () => {
  it('prints help listing the commands and exits 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['doctor', 'db', 'config']) expect(result.stdout).toContain(command);
  });

  it('refuses an invalid configuration with exit 2, naming every bad key', async () => {
    const result = await runCli(['config', 'show'], {
      cwd: emptyDir(),
      env: { LEDGERLINE_DATABASE_URL: 'postgres://', LEDGERLINE_LOG_LEVEL: 'loud' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('LEDGERLINE_DATABASE_URL: has no host');
    expect(result.stderr).toContain('LEDGERLINE_LOG_LEVEL: must be one of');
    expect(result.stdout).toBe('');
  });

  it('shows the configuration without secrets', async () => {
    const token = 'tok_0123456789abcdef';
    const result = await runCli(['config', 'show'], {
      cwd: emptyDir(),
      env: { SMARTSHEET_API_TOKEN: token },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(token);
    expect(JSON.parse(result.stdout)).toMatchObject({ smartsheet: { token: '(set)' } });
  });

  it('reports that the generated configuration docs are current', async () => {
    const result = await runCli(['config', 'docs']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('current');
    expect(result.code).toBe(0);
  });

  it('exits 2 on an unknown command', async () => {
    const result = await runCli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });
});
