import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/app-error.js';
import { loadConfig, validateKeys } from './load-config.js';
import { redactedConfig } from './redacted-config.js';

const load = (env: Record<string, string>) => loadConfig({ env, envFile: false });

function problemsOf(env: Record<string, string>) {
  const result = validateKeys(env);
  return result.ok ? [] : result.problems;
}

describe('loadConfig', () => {
  it('gives working defaults with an empty environment', () => {
    const config = load({});
    expect(config.database.location).toEqual({ kind: 'sqlite', path: './.ledgerline/ledgerline.db' });
    expect(config.smartsheet.baseUrl).toBe('https://api.smartsheet.com/2.0');
    expect(config.smartsheet.requestsPerMinute).toBe(300);
    expect(config.billing.timeZone).toBe('America/Chicago');
    expect(config.billing.weekEndDay).toBe('sunday');
    expect(config.smartsheet.sheetNameExclude).toEqual(['Archive']);
  });

  it('parses Postgres URLs with an optional schema and regions', () => {
    const config = load({
      LEDGERLINE_DATABASE_URL: 'postgres://app:pw@db.internal:5432/ledger?schema=billing',
      LEDGERLINE_SMARTSHEET_REGION: 'EU',
      LEDGERLINE_SOURCE_SHEET_IDS: '4509506114742148, 7129509179746180',
    });
    expect(config.database.location).toEqual({
      kind: 'postgres',
      url: 'postgres://app:pw@db.internal:5432/ledger',
      schema: 'billing',
    });
    expect(config.smartsheet.baseUrl).toBe('https://api.smartsheet.eu/2.0');
    expect(config.smartsheet.sourceSheetIds).toEqual([4509506114742148, 7129509179746180]);
  });

  it('lets an explicit base URL win over the region and drops a trailing slash', () => {
    const config = load({ LEDGERLINE_SMARTSHEET_BASE_URL: 'http://127.0.0.1:8080/2.0/' });
    expect(config.smartsheet.baseUrl).toBe('http://127.0.0.1:8080/2.0');
  });

  it('lists every problem with its key, not only the first', () => {
    const problems = problemsOf({
      LEDGERLINE_DATABASE_URL: 'mysql://nope',
      LEDGERLINE_SMARTSHEET_REQUESTS_PER_MINUTE: 'lots',
      LEDGERLINE_TIME_ZONE: 'Mars/Olympus',
      LEDGERLINE_SOURCE_SHEET_IDS: '12,abc',
    });
    expect(problems.map((p) => p.key)).toEqual([
      'LEDGERLINE_DATABASE_URL',
      'LEDGERLINE_SMARTSHEET_REQUESTS_PER_MINUTE',
      'LEDGERLINE_SOURCE_SHEET_IDS',
      'LEDGERLINE_TIME_ZONE',
    ]);
    expect(problems[2]?.message).toContain("'abc' is not a Smartsheet id");
  });

  it.each([
    ['postgres://', 'has no host'],
    ['postgres://host-only', 'names no database'],
    ['ftp://x/y', 'unsupported scheme'],
    ['just-words', 'neither a postgres:// URL nor a SQLite file'],
  ])('rejects the database URL %s with a clear reason', (url, reason) => {
    const [problem] = problemsOf({ LEDGERLINE_DATABASE_URL: url });
    expect(problem?.key).toBe('LEDGERLINE_DATABASE_URL');
    expect(problem?.message).toContain(reason);
  });

  it('throws a CONFIG_INVALID AppError (exit code 2) that never echoes a secret', () => {
    const secret = 'short-secret-value';
    let error: unknown;
    try {
      load({ LEDGERLINE_SESSION_SECRET: secret, LEDGERLINE_HTTP_PORT: '99999' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.exitCode).toBe(2);
    expect(appError.message).toContain('LEDGERLINE_SESSION_SECRET: must be at least 32 characters');
    expect(appError.message).toContain('LEDGERLINE_HTTP_PORT: must be at most 65535');
    expect(appError.message).not.toContain(secret);
  });

  it('reads .env, with real variables winning', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'll-config-'));
    writeFileSync(path.join(dir, '.env'), 'SMARTSHEET_API_TOKEN=from-file\nLEDGERLINE_LOG_LEVEL=debug\n');
    const config = loadConfig({ env: { LEDGERLINE_LOG_LEVEL: 'warn' }, cwd: dir });
    expect(config.smartsheet.token).toBe('from-file');
    expect(config.log.level).toBe('warn');
  });

  it('reads ledgerline.env under .env, and refuses a secret in ledgerline.env without echoing it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'll-config-'));
    writeFileSync(
      path.join(dir, 'ledgerline.env'),
      'LEDGERLINE_TARGET_SHEET_ID=42\nLEDGERLINE_LOG_LEVEL=debug\nLEDGERLINE_COMPANY_NAME=Settings\n',
    );
    writeFileSync(path.join(dir, '.env'), 'SMARTSHEET_API_TOKEN=tok\nLEDGERLINE_COMPANY_NAME=Dotenv\n');
    const config = loadConfig({ env: { LEDGERLINE_LOG_LEVEL: 'warn' }, cwd: dir });
    expect(config.smartsheet.targetSheetId).toBe(42);
    expect(config.billing.companyName).toBe('Dotenv');
    expect(config.log.level).toBe('warn');
    expect(loadConfig({ env: {}, cwd: dir, envFile: false }).smartsheet.targetSheetId).toBeUndefined();

    writeFileSync(path.join(dir, 'ledgerline.env'), 'SMARTSHEET_API_TOKEN=tok_in_the_open\n');
    expect(() => loadConfig({ env: {}, cwd: dir })).toThrow(
      /SMARTSHEET_API_TOKEN: is a secret and must not be in .*ledgerline\.env; move it to \.env/,
    );
    expect(() => loadConfig({ env: {}, cwd: dir })).not.toThrow(/tok_in_the_open/);
  });

  it('redacts secrets and database passwords for display', () => {
    const config = load({
      SMARTSHEET_API_TOKEN: 'tok_supersecret',
      LEDGERLINE_DATABASE_URL: 'postgres://app:hunter2@db:5432/ledger',
    });
    const shown = JSON.stringify(redactedConfig(config));
    expect(shown).not.toContain('tok_supersecret');
    expect(shown).not.toContain('hunter2');
    expect(shown).toContain('(set)');
  });
});
