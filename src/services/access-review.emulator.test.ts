// The access review end to end against the emulator: a cycle makes the source sheets known, the
// review reads their shares through the real client, decisions reach the audit trail, and the
// report is exported and mailed over real SMTP.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedData, SeedSheet } from '../../emulator/seed/seed-data.js';
import {
  editorToken,
  startCycleHarness,
  type CycleHarness,
} from '../../test/support/report-cycle-harness.js';
import { buildUser } from '../../test/support/store-records.js';
import { accessReviewRenderer } from '../adapters/access-review/access-review-renderer.js';
import { createSmtpReportMailer } from '../adapters/mail/report-mailer.js';
import { startSmtpTestServer } from '../adapters/mail/testing/smtp-test-server.js';
import { ACCESS_REVIEW_DECISION } from '../domain/access-review/access-review-decision-event.js';
import { ACCESS_REVIEW_COLUMNS } from '../domain/access-review/access-review-table.js';
import type { SheetAccessLevel } from '../domain/access-review/sheet-access-level.js';
import { accessRank } from '../domain/access-review/sheet-access-level.js';
import { AppError } from '../domain/app-error.js';
import { parseCsv } from '../domain/csv.js';
import { buildAccessReview } from './access-review-build.js';
import { recordAccessReviewDecision } from './access-review-decide.js';
import { exportAccessReview, loadAccessReview } from './access-review-export.js';
import { runMonthlyAccessReview } from './access-review-send.js';

let harness: CycleHarness;
beforeAll(async () => {
  harness = await startCycleHarness({ seed: 'tiny' });
  await harness.run();
  // One billed price edited by the seed's admin, audited by the next cycle: sheet activity.
  const [snapshot] = (await harness.store.snapshots.listSnapshots(harness.sourceSheetIds[0]!)).filter(
    (s) => s.billable && typeof s.values.price === 'number',
  );
  const sheet = await harness.client.getSheet(snapshot!.sheetId, { rowIds: [snapshot!.rowId] });
  const price = sheet.columns.find((c) => /price/i.test(c.title));
  const response = await fetch(`${harness.emulator.baseUrl}/sheets/${snapshot!.sheetId}/rows`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${editorToken(harness.seed)}`, 'content-type': 'application/json' },
    body: JSON.stringify([
      { id: snapshot!.rowId, cells: [{ columnId: price?.id, value: Number(snapshot!.values.price) + 50 }] },
    ]),
  });
  expect(response.status).toBe(200);
  await harness.run();
}, 120_000);
afterAll(async () => {
  await harness?.close();
});

/** What the seed shares each source sheet with: owner, sheet shares, and its workspace's shares. */
function expectedLevels(seed: SeedData, sheet: SeedSheet): Map<string, SheetAccessLevel> {
  let workspaceId = sheet.workspaceId;
  let folderId = sheet.folderId;
  while (workspaceId === undefined && folderId !== undefined) {
    const folder = seed.folders.find((f) => f.id === folderId);
    workspaceId = folder?.workspaceId;
    folderId = folder?.parentFolderId;
  }
  const workspace = seed.workspaces.find((w) => w.id === workspaceId);
  const levels = new Map<string, SheetAccessLevel>();
  const add = (email: string, level: SheetAccessLevel) => {
    const key = email.toLowerCase();
    const held = levels.get(key);
    if (!held || accessRank(level) > accessRank(held)) levels.set(key, level);
  };
  add(sheet.ownerEmail, 'OWNER');
  for (const share of [...sheet.shares, ...(workspace?.shares ?? [])]) add(share.email, share.accessLevel);
  return levels;
}

const deps = () => ({
  users: harness.store.users,
  sheets: harness.store.sheets,
  source: harness.source,
  accessReviews: harness.store.accessReviews,
});

describe('access review against the emulator', () => {
  it('lists every share of every source sheet with its access level, and every account', async () => {
    await harness.store.users.createUser(
      buildUser({ email: 'auditor@example.com', role: 'auditor', lastLoginAt: new Date().toISOString() }),
    );
    const review = await buildAccessReview(deps(), {
      now: new Date(),
      createdBy: 'auditor@example.com',
      timeZone: 'America/Chicago',
    });

    const sources = harness.seed.sheets.filter((s) => harness.sourceSheetIds.includes(s.id));
    expect(review.sheets.map((s) => s.sheetId).sort()).toEqual(sources.map((s) => s.id).sort());
    expect(review.sheets.every((s) => s.problem === null)).toBe(true);
    for (const sheet of sources) {
      for (const [email, level] of expectedLevels(harness.seed, sheet)) {
        const subject = review.subjects.find((s) => s.key === `smartsheet:${email}`);
        expect(
          subject?.sheets.find((s) => s.sheetId === sheet.id)?.accessLevel,
          `${email} on ${sheet.name}`,
        ).toBe(level);
      }
    }
    const owner = review.subjects.find((s) => s.accessLevel === 'OWNER');
    expect(owner?.recommendation).not.toBe('revoke');
    expect(review.subjects.find((s) => s.key === 'account:auditor@example.com')).toMatchObject({
      role: 'auditor',
      kind: 'account',
    });
    // The admin's price edit, audited by the second cycle, is their last activity.
    const admin = harness.seed.users.find((u) => u.token === editorToken(harness.seed))!;
    const editor = review.subjects.find((s) => s.key === `smartsheet:${admin.email.toLowerCase()}`);
    expect(editor).toMatchObject({ lastActivitySource: 'sheet-edit' });
    expect(editor?.flags).not.toContain('inactive');
    expect(await harness.store.accessReviews.latestReview()).toEqual(review);
  });

  it('records a decision with its audit event, and exports both files with it', async () => {
    const { review } = await loadAccessReview(deps());
    const subject = review.subjects.find((s) => s.kind === 'smartsheet' && s.accessLevel === 'EDITOR')!;
    const origin = {
      ipAddress: '198.51.100.4',
      userAgent: 'curl/8',
      deviceInfo: 'curl',
      sessionId: 'sess-1',
    };
    const decision = await recordAccessReviewDecision(
      { accessReviews: harness.store.accessReviews, audit: harness.store.audit, newId: () => 'dec-1' },
      {
        reviewId: review.id,
        subjectKey: subject.key,
        decision: 'revoke',
        comment: 'No longer on the crew',
        reviewer: 'Auditor@Example.com',
        reviewerMayDecideOnAdmins: false,
        origin,
        now: new Date(),
      },
    );
    expect(decision.reviewer).toBe('auditor@example.com');

    const { events } = await harness.store.audit.listEvents({
      violationTypes: [ACCESS_REVIEW_DECISION],
      limit: 10,
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      changedBy: 'auditor@example.com',
      newValue: 'revoke',
      ipAddress: '198.51.100.4',
      sessionId: 'sess-1',
    });

    const unknown = await recordAccessReviewDecision(
      { accessReviews: harness.store.accessReviews, audit: harness.store.audit, newId: () => 'dec-2' },
      {
        reviewId: review.id,
        subjectKey: 'smartsheet:nobody@example.com',
        decision: 'keep',
        comment: null,
        reviewer: 'a@example.com',
        reviewerMayDecideOnAdmins: false,
        now: new Date(),
      },
    ).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(AppError);
    expect((unknown as AppError).httpStatus).toBe(400);

    const renderer = accessReviewRenderer();
    const csv = await exportAccessReview(
      { accessReviews: harness.store.accessReviews, renderer },
      { format: 'csv' },
    );
    const parsed = parseCsv(new TextDecoder().decode(csv.bytes));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const rows = parsed.records.slice(1).map((r) => r.fields);
    expect(rows).toHaveLength(review.subjects.length);
    const decisionAt = ACCESS_REVIEW_COLUMNS.findIndex((c) => c.header === 'Decision');
    expect(rows.find((r) => r[0] === subject.key)?.[decisionAt]).toBe('revoke');

    const xlsx = await exportAccessReview(
      { accessReviews: harness.store.accessReviews, renderer },
      { id: review.id, format: 'xlsx' },
    );
    expect(xlsx.fileName).toMatch(/^ledgerline-access-review-.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.bytes) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Subjects')!;
    expect(sheet.rowCount).toBe(review.subjects.length + 1);
    review.subjects.forEach((s, index) => {
      expect(sheet.getRow(index + 2).getCell(1).value).toBe(s.key);
      expect(sheet.getRow(index + 2).getCell(16).value).toBe(s.recommendation);
    });
  });

  it('runs the monthly job once a month and mails the workbook over SMTP', async () => {
    const smtp = await startSmtpTestServer();
    const mailer = createSmtpReportMailer({
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      user: undefined,
      password: undefined,
      from: 'ledgerline@example.com',
    });
    try {
      const monthly = {
        ...deps(),
        renderer: accessReviewRenderer(),
        mailer,
        recipients: ['security@example.com'],
        timeZone: 'America/Chicago',
      };
      const now = new Date('2031-03-01T12:00:00.000Z');
      const first = await runMonthlyAccessReview(monthly, { now });
      expect(first).toMatchObject({ created: true, review: { period: '2031-03', createdBy: 'scheduler' } });
      expect(first.mailedId).not.toBeNull();
      const again = await runMonthlyAccessReview(monthly, { now: new Date('2031-03-01T13:00:00.000Z') });
      expect(again).toMatchObject({ created: false, mailedId: null, review: { id: first.review.id } });

      expect(smtp.received).toHaveLength(1);
      const raw = smtp.received[0]!.raw;
      expect(smtp.received[0]!.to).toEqual(['security@example.com']);
      expect(raw).toContain('Access review 2031-03');
      expect(raw).toMatch(/filename=.*ledgerline-access-review-2031-03-.*\.xlsx/);
    } finally {
      mailer.close();
      await smtp.close();
    }
  });
});
