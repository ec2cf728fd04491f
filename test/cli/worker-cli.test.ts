// `ledgerline worker` refuses, with exit code 2 and a hint, every configuration it cannot work in.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

function environment(extra: Record<string, string>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'll-cli-worker-'));
  return {
    dir,
    env: {
      LEDGERLINE_DATABASE_URL: `sqlite:${path.join(dir, 'ledgerline.db')}`,
      LEDGERLINE_DATA_DIR: dir,
      SMARTSHEET_API_TOKEN: 'token-for-worker-cli-test',
      ...extra,
    },
  };
}

describe('ledgerline worker', () => {
  it('needs LEDGERLINE_QUEUE=pg-boss', async () => {
    const { dir, env } = environment({});
    const result = await runCli(['worker'], { cwd: dir, env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('ledgerline worker needs LEDGERLINE_QUEUE=pg-boss');
  });

  it('needs the store on Postgres', async () => {
    const { dir, env } = environment({ LEDGERLINE_QUEUE: 'pg-boss' });
    const result = await runCli(['worker'], { cwd: dir, env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('needs the store on Postgres');
  });

  it('refuses a queue schema that is not a plain name', async () => {
    const { dir, env } = environment({
      LEDGERLINE_QUEUE: 'pg-boss',
      LEDGERLINE_QUEUE_SCHEMA: 'bad-name;drop',
    });
    const result = await runCli(['worker'], { cwd: dir, env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('LEDGERLINE_QUEUE_SCHEMA');
  });

  it('refuses a probe port that is not a port number', async () => {
    const { dir, env } = environment({ LEDGERLINE_QUEUE: 'pg-boss' });
    const result = await runCli(['worker', '--port', '80x'], { cwd: dir, env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--port must be a whole number from 0 to 65535, got '80x'");
    const fromEnv = await runCli(['worker'], { cwd: dir, env: { ...env, LEDGERLINE_WORKER_PORT: '70000' } });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toContain('LEDGERLINE_WORKER_PORT');
  });
});
