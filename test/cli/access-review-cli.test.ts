// `ledgerline access-review …` as a reviewer runs it, against the emulator: run (and mail to the
// outbox), list, show, export both formats, decide.
import { mkdtempSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import type { RunningEmulator } from '../../emulator/index.js';
import { generateSeed } from '../../emulator/seed/generate-seed.js';
import { emulatorVariables } from '../../src/cli/demo-environment.js';
import { parseCsv } from '../../src/domain/csv.js';
import { runCli } from '../support/run-cli.js';

const seed = generateSeed('tiny');
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ seed, rateLimit: { enabled: true, perMinute: 100_000, heavyWeight: 10 } });
});
afterAll(async () => {
  await emulator.close();
});

describe('ledgerline access-review', () => {
  it('makes a review after a cycle, mails it to the outbox, lists, shows, exports and records a decision', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'll-cli-access-'));
    const env = {
      ...emulatorVariables(seed, emulator.baseUrl),
      LEDGERLINE_DATABASE_URL: `sqlite:${path.join(dir, 'ledgerline.db')}`,
      LEDGERLINE_DATA_DIR: dir,
      LEDGERLINE_SMARTSHEET_REQUESTS_PER_MINUTE: '100000',
      LEDGERLINE_MAIL_TRANSPORT: 'outbox',
      LEDGERLINE_ALERT_RECIPIENTS: 'security@example.com',
    };
    const empty = await runCli(['access-review', 'show'], { cwd: dir, env });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('access-review run');

    const cycle = await runCli(['run', '--json'], { cwd: dir, env, timeoutMs: 120_000 });
    expect([0, 3]).toContain(cycle.code);

    const run = await runCli(['access-review', 'run', '--email', '--json', '--by', 'ann@example.com'], {
      cwd: dir,
      env,
    });
    expect(run.code, run.stderr).toBe(0);
    const made = JSON.parse(run.stdout) as {
      id: string;
      summary: { subjects: number; smartsheetSubjects: number };
      mailedId: string;
    };
    expect(made.summary.smartsheetSubjects).toBeGreaterThan(3);
    const outbox = await readdir(path.join(dir, 'outbox'));
    expect(outbox).toContain(made.mailedId);
    const mail = await readFile(path.join(dir, 'outbox', made.mailedId), 'utf8');
    expect(mail).toContain('security@example.com');
    expect(mail).toMatch(/filename=.*\.xlsx/);

    const list = await runCli(['access-review', 'list'], { cwd: dir, env });
    expect(list.stdout).toContain(`${made.id}\t`);
    expect(list.stdout).toContain('by ann@example.com');

    const show = await runCli(['access-review', 'show', made.id], { cwd: dir, env });
    const editorLine = show.stdout
      .split('\n')
      .find((l) => l.startsWith('smartsheet:') && l.includes('\tEDITOR\t'));
    expect(editorLine).toBeDefined();
    const subjectKey = editorLine!.split('\t')[0]!;

    const decide = await runCli(
      [
        'access-review',
        'decide',
        made.id,
        subjectKey,
        'revoke',
        '--by',
        'ann@example.com',
        '--comment',
        'Left the crew',
      ],
      { cwd: dir, env },
    );
    expect(decide.code).toBe(0);
    const bad = await runCli(
      [
        'access-review',
        'decide',
        made.id,
        'smartsheet:nobody@example.com',
        'keep',
        '--by',
        'ann@example.com',
      ],
      { cwd: dir, env },
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('has no subject');

    const csvFile = path.join(dir, 'review.csv');
    expect(
      (await runCli(['access-review', 'export', '--format', 'csv', '--out', csvFile], { cwd: dir, env }))
        .code,
    ).toBe(0);
    const parsed = parseCsv(await readFile(csvFile, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const [header, ...rows] = parsed.records.map((r) => r.fields);
    expect(rows).toHaveLength(made.summary.subjects);
    const decided = rows.find((r) => r[0] === subjectKey)!;
    expect(decided[header!.indexOf('Decision')]).toBe('revoke');
    expect(decided[header!.indexOf('Comment')]).toBe('Left the crew');

    const xlsxFile = path.join(dir, 'review.xlsx');
    expect(
      (
        await runCli(['access-review', 'export', made.id, '--format', 'xlsx', '--out', xlsxFile], {
          cwd: dir,
          env,
        })
      ).code,
    ).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxFile);
    expect(workbook.getWorksheet('Subjects')?.rowCount).toBe(made.summary.subjects + 1);

    const trail = await runCli(['audit', 'export', '--format', 'json'], { cwd: dir, env });
    expect(trail.stdout).toContain('ACCESS_REVIEW_DECISION');
  }, 180_000);
});
