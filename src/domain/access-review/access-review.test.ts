import { describe, expect, it } from 'vitest';
import { normalizeInstant } from '../audit-chain.js';
import type { AccessReview, AccessReviewDecisionEntry } from './access-review.js';
import {
  accessReviewId,
  accessReviewPeriod,
  decisionsInForce,
  summariseAccessReview,
} from './access-review.js';
import { ACCESS_REVIEW_DECISION, accessReviewDecisionEvent } from './access-review-decision-event.js';
import { ACCESS_REVIEW_COLUMNS, accessReviewFileName, accessReviewRows } from './access-review-table.js';
import { buildAccessReviewSubjects } from './build-access-review.js';
import { DEFAULT_ACCESS_REVIEW_THRESHOLDS } from './access-review-subject.js';

const NOW = new Date('2026-11-01T06:00:00.000Z');

function review(): AccessReview {
  const subjects = buildAccessReviewSubjects(
    {
      accounts: [
        {
          email: 'admin@example.com',
          name: 'Ann Admin',
          role: 'admin',
          disabled: false,
          mfaEnabled: true,
          lastLoginAt: '2026-10-30T10:00:00.000Z',
        },
      ],
      shares: [
        {
          sheetId: 7,
          sheetName: 'Crew North',
          type: 'USER',
          email: 'fran@example.com',
          name: 'Fran',
          accessLevel: 'EDITOR',
          scope: 'ITEM',
        },
      ],
      sheetActivity: new Map(),
      pastDecisions: new Map(),
    },
    { now: NOW },
  );
  return {
    id: accessReviewId('2026-11', NOW),
    createdAt: NOW.toISOString(),
    period: '2026-11',
    createdBy: 'scheduler',
    thresholds: DEFAULT_ACCESS_REVIEW_THRESHOLDS,
    sheets: [{ sheetId: 7, sheetName: 'Crew North', shareCount: 2, problem: null }],
    subjects,
  };
}

function decision(overrides: Partial<AccessReviewDecisionEntry> = {}): AccessReviewDecisionEntry {
  return {
    decisionId: 'd1',
    reviewId: 'ar-2026-11-20261101T060000Z',
    subjectKey: 'smartsheet:fran@example.com',
    decision: 'revoke',
    comment: 'Left the crew',
    reviewer: 'ann@example.com',
    decidedAt: '2026-11-02T09:00:00.000Z',
    ...overrides,
  };
}

describe('access review records', () => {
  it('names the month in the organisation time zone and makes a sortable id', () => {
    expect(accessReviewPeriod(new Date('2026-11-01T03:00:00Z'), 'America/Chicago')).toBe('2026-10');
    expect(accessReviewPeriod(new Date('2026-11-01T06:00:00Z'), 'America/Chicago')).toBe('2026-11');
    expect(accessReviewId('2026-11', NOW)).toBe('ar-2026-11-20261101T060000Z');
    expect(accessReviewFileName({ id: 'ar-2026-11-20261101T060000Z' }, 'xlsx')).toBe(
      'ledgerline-access-review-2026-11-20261101T060000Z.xlsx',
    );
  });

  it('keeps the newest decision per subject in force', () => {
    const inForce = decisionsInForce([
      decision({ decisionId: 'd1', decision: 'keep', decidedAt: '2026-11-02T09:00:00.000Z' }),
      decision({ decisionId: 'd2', decision: 'revoke', decidedAt: '2026-11-03T09:00:00.000Z' }),
    ]);
    expect(inForce.get('smartsheet:fran@example.com')?.decisionId).toBe('d2');
  });

  it('counts subjects, flags, recommendations and decisions', () => {
    const summary = summariseAccessReview(review(), [decision()]);
    expect(summary).toMatchObject({
      subjects: 2,
      accounts: 1,
      smartsheetSubjects: 1,
      decided: 1,
      undecided: 1,
      byDecision: { revoke: 1, keep: 0 },
      byRecommendation: { revoke: 1, review: 1 },
      byFlag: { inactive: 1, 'review-overdue': 2 },
    });
  });

  it('writes one table row per subject with its decision, matching the columns', () => {
    const rows = accessReviewRows(review(), [decision()]);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toHaveLength(ACCESS_REVIEW_COLUMNS.length);
    const header = ACCESS_REVIEW_COLUMNS.map((c) => c.header);
    const fran = rows[1]!;
    expect(fran[header.indexOf('Sheets')]).toBe('Crew North (EDITOR)');
    expect(fran[header.indexOf('Decision')]).toBe('revoke');
    expect(fran[header.indexOf('Comment')]).toBe('Left the crew');
    expect(rows[0]![header.indexOf('Decision')]).toBeNull();
  });
});

describe('accessReviewDecisionEvent', () => {
  it('records who decided what, from where, against the recommendation', () => {
    const r = review();
    const subject = r.subjects[1]!;
    const event = accessReviewDecisionEvent(decision(), {
      review: r,
      subject,
      previous: decision({ decision: 'keep', decisionId: 'd0' }),
      origin: {
        ipAddress: '203.0.113.9',
        userAgent: 'Firefox',
        deviceInfo: 'Firefox on Linux',
        sessionId: 's1',
      },
    });
    expect(event).toMatchObject({
      violationType: ACCESS_REVIEW_DECISION,
      severity: 'INFO',
      changedBy: 'ann@example.com',
      changedAt: '2026-11-02T09:00:00.000Z',
      oldValue: 'keep',
      newValue: 'revoke',
      ipAddress: '203.0.113.9',
      sessionId: 's1',
      columnName: 'smartsheet:fran@example.com',
    });
    expect(event.issueDescription).toContain('recommended "revoke"');
    expect(event.issueDescription).toContain('Left the crew');
    expect(normalizeInstant(event.timestamp)).toBe(event.timestamp);
    // The same decision gives the same event id; another decision another one.
    const again = accessReviewDecisionEvent(decision(), {
      review: r,
      subject,
      previous: undefined,
      origin: event,
    });
    expect(again.eventId).toBe(event.eventId);
    const other = accessReviewDecisionEvent(decision({ decisionId: 'd9' }), {
      review: r,
      subject,
      previous: undefined,
      origin: event,
    });
    expect(other.eventId).not.toBe(event.eventId);
  });
});
