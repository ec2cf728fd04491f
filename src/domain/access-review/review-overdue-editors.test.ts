import { describe, expect, it } from 'vitest';
import type { AccessReview } from './access-review.js';
import { buildAccessReviewSubjects } from './build-access-review.js';
import { reviewOverdueEditors } from './review-overdue-editors.js';

const NOW = new Date('2026-11-01T06:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

function review(subjects: AccessReview['subjects']): AccessReview {
  return {
    id: 'r1',
    createdAt: NOW.toISOString(),
    period: '2026-11',
    createdBy: 'scheduler',
    thresholds: { inactiveDays: 90, reviewIntervalDays: 90, privilegedUnusedDays: 30 },
    sheets: [],
    subjects,
  };
}

describe('reviewOverdueEditors', () => {
  it('is undefined before any review, so the risk input stays unknown', () => {
    expect(reviewOverdueEditors(undefined)).toBeUndefined();
  });

  it('lists the Smartsheet editors whose review is overdue, not the accounts nor the reviewed', () => {
    const subjects = buildAccessReviewSubjects(
      {
        accounts: [
          {
            email: 'Ada@Example.com',
            name: 'Ada',
            role: 'auditor',
            disabled: false,
            mfaEnabled: true,
            lastLoginAt: daysAgo(2),
          },
        ],
        shares: [
          {
            sheetId: 1,
            sheetName: 'Crew',
            type: 'USER',
            email: 'Fran@Example.com',
            name: 'Fran',
            accessLevel: 'EDITOR',
            scope: 'ITEM',
          },
          {
            sheetId: 1,
            sheetName: 'Crew',
            type: 'USER',
            email: 'gus@example.com',
            name: 'Gus',
            accessLevel: 'EDITOR',
            scope: 'ITEM',
          },
        ],
        sheetActivity: new Map([
          ['fran@example.com', daysAgo(1)],
          ['gus@example.com', daysAgo(1)],
        ]),
        pastDecisions: new Map([
          ['smartsheet:gus@example.com', { decision: 'keep', decidedAt: daysAgo(10) }],
        ]),
      },
      { now: NOW },
    );
    expect([...(reviewOverdueEditors(review(subjects)) ?? [])]).toEqual(['fran@example.com']);
  });
});
