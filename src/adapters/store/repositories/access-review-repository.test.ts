import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { backends, useTestStore } from '../../../../test/support/test-databases.js';
import { buildAuditEvent } from '../../../../test/support/store-records.js';
import type { AccessReview, AccessReviewDecisionEntry } from '../../../domain/access-review/access-review.js';
import { DEFAULT_ACCESS_REVIEW_THRESHOLDS } from '../../../domain/access-review/access-review-subject.js';
import { buildAccessReviewSubjects } from '../../../domain/access-review/build-access-review.js';
import type { ChangeObservation } from '../../../domain/risk/change-observation.js';
import { AppError } from '../../../domain/app-error.js';
import type { ScoredChange } from '../../../ports/store.js';
import { storeInternals } from '../store-internals.js';

function review(id: string, createdAt: string): AccessReview {
  return {
    id,
    createdAt,
    period: createdAt.slice(0, 7),
    createdBy: 'scheduler',
    thresholds: DEFAULT_ACCESS_REVIEW_THRESHOLDS,
    sheets: [{ sheetId: 7, sheetName: 'Crew North', shareCount: 1, problem: null }],
    subjects: buildAccessReviewSubjects(
      {
        accounts: [],
        shares: [
          {
            sheetId: 7,
            sheetName: 'Crew North',
            type: 'USER',
            email: 'fran@example.com',
            name: 'Fran Ödegaard',
            accessLevel: 'EDITOR',
            scope: 'ITEM',
          },
        ],
        sheetActivity: new Map(),
        pastDecisions: new Map(),
      },
      { now: new Date(createdAt) },
    ),
  };
}

function decision(overrides: Partial<AccessReviewDecisionEntry> = {}): AccessReviewDecisionEntry {
  return {
    decisionId: 'd-1',
    reviewId: 'ar-1',
    subjectKey: 'smartsheet:fran@example.com',
    decision: 'keep',
    comment: null,
    reviewer: 'ann@example.com',
    decidedAt: '2026-11-02T09:00:00.000Z',
    ...overrides,
  };
}

function scoredChange(editor: string, changedAt: string, id: string): ScoredChange {
  const observation = {
    changeId: id,
    runId: 'run-1',
    sheetId: 7,
    rowId: 1,
    editor,
    changedAt,
    deltaCents: 100,
  };
  return {
    observation: observation as unknown as ChangeObservation,
    anomalyScore: null,
    riskScore: 0.1,
    category: 'correction',
    signature: 'correction',
    modelId: null,
    explanation: {},
    flagRank: null,
    flagPriority: null,
  };
}

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`access review repository (${backend.dialect})`, () => {
    const store = useTestStore(backend);

    it('stores reviews with their subjects and finds the latest', async () => {
      const reviews = store().accessReviews;
      const october = review('ar-2026-10', '2026-10-01T06:00:00.000Z');
      const november = review('ar-2026-11', '2026-11-01T06:00:00.000Z');
      await reviews.saveReview(november);
      await reviews.saveReview(october);

      expect(await reviews.getReview('ar-2026-10')).toEqual(october);
      expect(await reviews.latestReview()).toEqual(november);
      expect(await reviews.getReview('nope')).toBeUndefined();
      expect(await reviews.listReviews({ limit: 10 })).toEqual([
        {
          id: 'ar-2026-11',
          createdAt: '2026-11-01T06:00:00.000Z',
          period: '2026-11',
          createdBy: 'scheduler',
          subjectCount: 1,
        },
        {
          id: 'ar-2026-10',
          createdAt: '2026-10-01T06:00:00.000Z',
          period: '2026-10',
          createdBy: 'scheduler',
          subjectCount: 1,
        },
      ]);
      await expect(reviews.saveReview(october)).rejects.toBeInstanceOf(AppError);
    });

    it('appends decisions and gives the newest per subject across reviews', async () => {
      const reviews = store().accessReviews;
      await reviews.saveReview(review('ar-1', '2026-10-01T06:00:00.000Z'));
      await reviews.saveReview(review('ar-2', '2026-11-01T06:00:00.000Z'));
      await reviews.recordDecision(
        decision({
          decisionId: 'd-2',
          decidedAt: '2026-10-03T09:00:00.000Z',
          decision: 'revoke',
          comment: 'left',
        }),
      );
      await reviews.recordDecision(decision({ decisionId: 'd-1', decidedAt: '2026-10-02T09:00:00.000Z' }));
      await reviews.recordDecision(
        decision({
          decisionId: 'd-3',
          reviewId: 'ar-2',
          decidedAt: '2026-11-02T09:00:00.000Z',
          decision: 'accept-risk',
        }),
      );

      expect((await reviews.listDecisions('ar-1')).map((d) => [d.decisionId, d.decision, d.comment])).toEqual(
        [
          ['d-1', 'keep', null],
          ['d-2', 'revoke', 'left'],
        ],
      );
      const latest = await reviews.latestDecisionPerSubject();
      expect(latest.get('smartsheet:fran@example.com')).toEqual(
        decision({
          decisionId: 'd-3',
          reviewId: 'ar-2',
          decidedAt: '2026-11-02T09:00:00.000Z',
          decision: 'accept-risk',
        }),
      );
    });

    it('refuses to change or delete a decision or a review', async () => {
      const reviews = store().accessReviews;
      await reviews.saveReview(review('ar-1', '2026-10-01T06:00:00.000Z'));
      await reviews.recordDecision(decision());
      const { db } = storeInternals(store());
      await expect(sql`update access_review_decisions set decision = 'revoke'`.execute(db)).rejects.toThrow(
        /append-only/,
      );
      await expect(sql`delete from access_review_decisions`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`update access_reviews set created_by = 'someone'`.execute(db)).rejects.toThrow(
        /append-only/,
      );
      await expect(sql`delete from access_reviews`.execute(db)).rejects.toThrow(/append-only/);
      expect(await reviews.listDecisions('ar-1')).toHaveLength(1);
    });

    it('refuses a decision on a review that does not exist', async () => {
      await expect(store().accessReviews.recordDecision(decision({ reviewId: 'missing' }))).rejects.toThrow();
    });

    it("finds each editor's newest sheet edit in audit events and scored changes, any case", async () => {
      const s = store();
      await s.audit.appendEvents([
        buildAuditEvent({ changedBy: 'Fran@Example.com', changedAt: '2026-09-01T10:00:00.000Z' }),
        buildAuditEvent({ changedBy: 'fran@example.com', changedAt: '2026-09-05T10:00:00.000Z' }),
        buildAuditEvent({ changedBy: 'sam@example.com', changedAt: '2026-08-01T10:00:00.000Z' }),
        // A Ledgerline action (no sheet) is not sheet activity.
        buildAuditEvent({
          changedBy: 'sam@example.com',
          changedAt: '2026-10-30T10:00:00.000Z',
          sheetId: null,
          rowId: null,
        }),
      ]);
      await s.risk.recordChanges([scoredChange('sam@example.com', '2026-09-20T10:00:00.000Z', 'c1')]);

      const activity = await s.accessReviews.lastSheetActivityPerEditor();
      expect(Object.fromEntries(activity)).toEqual({
        'fran@example.com': '2026-09-05T10:00:00.000Z',
        'sam@example.com': '2026-09-20T10:00:00.000Z',
      });
    });
  });
}
