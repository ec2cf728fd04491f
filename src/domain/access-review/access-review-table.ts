// The rows of an exported access review (CSV and workbook alike): one per subject, with its
// flags, recommendation and the decision in force, so both files always say the same.
import type { AccessReview, AccessReviewDecisionEntry } from './access-review.js';
import { decisionsInForce } from './access-review.js';

/** How a column's values are written: instants become dates in a workbook, ISO text in CSV. */
export type ColumnKind = 'text' | 'instant' | 'boolean' | 'number';

export interface AccessReviewColumn {
  readonly header: string;
  readonly kind: ColumnKind;
  /** Workbook width in characters. */
  readonly width: number;
}

export type TableValue = string | number | boolean | null;

export const ACCESS_REVIEW_COLUMNS: readonly AccessReviewColumn[] = [
  { header: 'Subject Key', kind: 'text', width: 36 },
  { header: 'Kind', kind: 'text', width: 12 },
  { header: 'E-mail', kind: 'text', width: 32 },
  { header: 'Name', kind: 'text', width: 24 },
  { header: 'Role', kind: 'text', width: 10 },
  { header: 'Access Level', kind: 'text', width: 14 },
  { header: 'Sheets', kind: 'text', width: 48 },
  { header: 'Sheet Count', kind: 'number', width: 8 },
  { header: 'Disabled', kind: 'boolean', width: 10 },
  { header: 'MFA', kind: 'boolean', width: 8 },
  { header: 'Last Login (UTC)', kind: 'instant', width: 18 },
  { header: 'Last Activity (UTC)', kind: 'instant', width: 18 },
  { header: 'Activity Source', kind: 'text', width: 12 },
  { header: 'Last Reviewed (UTC)', kind: 'instant', width: 18 },
  { header: 'Flags', kind: 'text', width: 30 },
  { header: 'Recommendation', kind: 'text', width: 15 },
  { header: 'Reasons', kind: 'text', width: 60 },
  { header: 'Decision', kind: 'text', width: 12 },
  { header: 'Decided By', kind: 'text', width: 28 },
  { header: 'Decided At (UTC)', kind: 'instant', width: 18 },
  { header: 'Comment', kind: 'text', width: 40 },
];

/** One row per subject, in the review's order, values matching ACCESS_REVIEW_COLUMNS. */
export function accessReviewRows(
  review: AccessReview,
  decisions: readonly AccessReviewDecisionEntry[],
): TableValue[][] {
  const inForce = decisionsInForce(decisions);
  return review.subjects.map((s) => {
    const decision = inForce.get(s.key);
    return [
      s.key,
      s.kind,
      s.email,
      s.name,
      s.role,
      s.accessLevel,
      s.sheets
        .map(
          (sheet) =>
            `${sheet.sheetName} (${sheet.accessLevel}${sheet.scope === 'WORKSPACE' ? ', workspace' : ''})`,
        )
        .join('; '),
      s.kind === 'smartsheet' ? s.sheets.length : null,
      s.kind === 'account' ? s.disabled : null,
      s.mfaEnabled,
      s.lastLoginAt,
      s.lastActivityAt,
      s.lastActivitySource,
      s.lastReviewedAt,
      s.flags.join(', '),
      s.recommendation,
      s.reasons.join(' '),
      decision?.decision ?? null,
      decision?.reviewer ?? null,
      decision?.decidedAt ?? null,
      decision?.comment ?? null,
    ];
  });
}

/** The file name of an export: `ledgerline-access-review-2026-11-20261101T060000Z.xlsx` for `ar-2026-11-…`. */
export function accessReviewFileName(review: Pick<AccessReview, 'id'>, format: 'csv' | 'xlsx'): string {
  return `ledgerline-access-review-${review.id.replace(/^ar-/, '').replace(/[^A-Za-z0-9-]/g, '-')}.${format}`;
}
