import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AccessReview, AccessReviewDecisionEntry } from '../../domain/access-review/access-review.js';
import { DEFAULT_ACCESS_REVIEW_THRESHOLDS } from '../../domain/access-review/access-review-subject.js';
import { ACCESS_REVIEW_COLUMNS } from '../../domain/access-review/access-review-table.js';
import { buildAccessReviewSubjects } from '../../domain/access-review/build-access-review.js';
import { parseCsv } from '../../domain/csv.js';
import { accessReviewCsv, csvField } from './access-review-csv.js';
import { renderAccessReviewWorkbook, SUBJECTS_SHEET, SUMMARY_SHEET } from './access-review-workbook.js';

const NOW = new Date('2026-11-01T06:00:00.000Z');

const review: AccessReview = {
  id: 'ar-2026-11-20261101T060000Z',
  createdAt: NOW.toISOString(),
  period: '2026-11',
  createdBy: 'scheduler',
  thresholds: DEFAULT_ACCESS_REVIEW_THRESHOLDS,
  sheets: [
    { sheetId: 7, sheetName: 'Crew North', shareCount: 2, problem: null },
    { sheetId: 8, sheetName: 'Crew South', shareCount: null, problem: 'not shared with the token any more' },
  ],
  subjects: buildAccessReviewSubjects(
    {
      accounts: [
        {
          email: 'ann@example.com',
          name: 'Ann Admin',
          role: 'admin',
          disabled: false,
          mfaEnabled: true,
          lastLoginAt: '2026-10-31T08:30:00.000Z',
        },
      ],
      shares: [
        {
          sheetId: 7,
          sheetName: 'Crew North',
          type: 'USER',
          email: 'fran@example.com',
          name: '=HYPERLINK("x")',
          accessLevel: 'EDITOR',
          scope: 'ITEM',
        },
        {
          sheetId: 7,
          sheetName: 'Crew North',
          type: 'USER',
          email: 'ole@example.com',
          name: 'Ole, "the boss"',
          accessLevel: 'OWNER',
          scope: 'ITEM',
        },
      ],
      sheetActivity: new Map([['ole@example.com', '2026-10-20T12:00:00.000Z']]),
      pastDecisions: new Map(),
    },
    { now: NOW },
  ),
};

const decisions: AccessReviewDecisionEntry[] = [
  {
    decisionId: 'd1',
    reviewId: review.id,
    subjectKey: 'smartsheet:fran@example.com',
    decision: 'revoke',
    comment: 'Left the crew,\nreturned the laptop',
    reviewer: 'ann@example.com',
    decidedAt: '2026-11-02T09:15:00.000Z',
  },
];

const column = (header: string) => ACCESS_REVIEW_COLUMNS.findIndex((c) => c.header === header) + 1;

describe('access review workbook', () => {
  it('holds a Summary with counts and a Subjects sheet with one row per subject, read back cell by cell', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(await renderAccessReviewWorkbook(review, decisions)) as unknown as ArrayBuffer,
    );
    expect(workbook.worksheets.map((s) => s.name)).toEqual([SUMMARY_SHEET, SUBJECTS_SHEET]);

    const summary = workbook.getWorksheet(SUMMARY_SHEET)!;
    const labelled = new Map<string, unknown>();
    summary.eachRow((row) => labelled.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(summary.getCell('A1').value).toBe('Access review 2026-11');
    expect(labelled.get('Review id')).toBe(review.id);
    expect(labelled.get('Subjects')).toBe(3);
    expect(labelled.get('Decided')).toBe(1);
    expect(labelled.get('Undecided')).toBe(2);
    expect(labelled.get('revoke')).toBe(1);
    expect(labelled.get('Sheets whose shares could not be read')).toBe(1);
    expect(labelled.get('Crew South (8)')).toBe('not shared with the token any more');

    const subjects = workbook.getWorksheet(SUBJECTS_SHEET)!;
    expect(subjects.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(subjects.getRow(1).values).toEqual([undefined, ...ACCESS_REVIEW_COLUMNS.map((c) => c.header)]);
    expect(subjects.getColumn(column('Reasons')).width).toBe(60);
    expect(subjects.rowCount).toBe(4);
    const ann = subjects.getRow(2);
    expect(ann.getCell(column('Subject Key')).value).toBe('account:ann@example.com');
    expect(ann.getCell(column('Role')).value).toBe('admin');
    expect(ann.getCell(column('MFA')).value).toBe('yes');
    expect(ann.getCell(column('Last Login (UTC)')).value).toEqual(new Date('2026-10-31T08:30:00.000Z'));
    expect(ann.getCell(column('Last Login (UTC)')).numFmt).toBe('yyyy-mm-dd hh:mm');
    const fran = subjects.getRow(3);
    expect(fran.getCell(column('Name')).value).toBe('=HYPERLINK("x")');
    expect(fran.getCell(column('Access Level')).value).toBe('EDITOR');
    expect(fran.getCell(column('Sheets')).value).toBe('Crew North (EDITOR)');
    expect(fran.getCell(column('Flags')).value).toBe('inactive, review-overdue');
    expect(fran.getCell(column('Recommendation')).value).toBe('revoke');
    expect(fran.getCell(column('Decision')).value).toBe('revoke');
    expect(fran.getCell(column('Decided By')).value).toBe('ann@example.com');
    expect(fran.getCell(column('Comment')).value).toBe('Left the crew,\nreturned the laptop');
    const ole = subjects.getRow(4);
    expect(ole.getCell(column('Access Level')).value).toBe('OWNER');
    expect(ole.getCell(column('Last Activity (UTC)')).value).toEqual(new Date('2026-10-20T12:00:00.000Z'));
    expect(ole.getCell(column('Decision')).value).toBeNull();
  });
});

describe('access review CSV', () => {
  it('parses back to the header and one row per subject, quotes intact, formulas defused', () => {
    const text = accessReviewCsv(review, decisions);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = parseCsv(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const [header, ...rows] = parsed.records.map((r) => r.fields);
    expect(header).toEqual(ACCESS_REVIEW_COLUMNS.map((c) => c.header));
    expect(rows).toHaveLength(3);
    const fran = rows[1]!;
    const at = (h: string) => fran[column(h) - 1];
    expect(at('Name')).toBe(`'=HYPERLINK("x")`);
    expect(at('Decision')).toBe('revoke');
    expect(at('Comment')).toBe('Left the crew,\nreturned the laptop');
    expect(at('Decided At (UTC)')).toBe('2026-11-02T09:15:00.000Z');
    expect(rows[2]![column('Name') - 1]).toBe('Ole, "the boss"');
    expect(rows[2]![column('Decision') - 1]).toBe('');
  });

  it('quotes only what needs it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField(3)).toBe('3');
    expect(csvField(false)).toBe('false');
    expect(csvField(null)).toBe('');
    expect(csvField('-1')).toBe("'-1");
  });
});
