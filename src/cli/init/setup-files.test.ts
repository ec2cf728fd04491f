import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSetupFiles, renderSetupFiles, writeSetupFiles } from './setup-files.js';

const VALUES = {
  LEDGERLINE_TARGET_SHEET_ID: '42',
  SMARTSHEET_API_TOKEN: 'tok_abc',
  LEDGERLINE_DATABASE_URL: 'postgres://app:pw@db:5432/ledger',
  LEDGERLINE_COMPANY_NAME: 'Acme # Field Services',
};

describe('setup files', () => {
  it('puts secrets (and a database URL with a password) only in a mode-600 .env, and reads both back', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'll-setup-files-'));
    expect(writeSetupFiles(readSetupFiles(dir), renderSetupFiles(VALUES))).toHaveLength(2);
    const settings = readFileSync(path.join(dir, 'ledgerline.env'), 'utf8');
    expect(settings).not.toContain('tok_abc');
    expect(settings).not.toContain(':pw@');
    expect(statSync(path.join(dir, '.env')).mode & 0o777).toBe(0o600);
    expect(readSetupFiles(dir).values).toEqual(VALUES);
    expect(readdirSync(dir).sort()).toEqual(['.env', 'ledgerline.env']);
  });

  it('rewrites nothing when the bytes are the same, but tightens a .env others can read', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'll-setup-files-'));
    writeSetupFiles(readSetupFiles(dir), renderSetupFiles(VALUES));
    chmodSync(path.join(dir, '.env'), 0o644);
    const before = statSync(path.join(dir, 'ledgerline.env')).mtimeMs;
    expect(writeSetupFiles(readSetupFiles(dir), renderSetupFiles({ ...VALUES }))).toEqual([]);
    expect(statSync(path.join(dir, 'ledgerline.env')).mtimeMs).toBe(before);
    expect(statSync(path.join(dir, '.env')).mode & 0o777).toBe(0o600);
  });

  // root may write into a read-only folder, so the failure cannot be provoked there.
  it.skipIf(process.getuid?.() === 0)('leaves the old pair intact when a file cannot be written', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'll-setup-files-'));
    writeFileSync(path.join(dir, 'ledgerline.env'), 'LEDGERLINE_TARGET_SHEET_ID=1\n');
    const files = readSetupFiles(dir);
    chmodSync(dir, 0o500);
    try {
      expect(() => writeSetupFiles(files, renderSetupFiles(VALUES))).toThrow();
      expect(readFileSync(path.join(dir, 'ledgerline.env'), 'utf8')).toBe('LEDGERLINE_TARGET_SHEET_ID=1\n');
      expect(readdirSync(dir)).toEqual(['ledgerline.env']);
    } finally {
      chmodSync(dir, 0o700);
    }
  });
});
