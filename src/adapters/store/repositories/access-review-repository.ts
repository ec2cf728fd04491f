import type { Selectable } from 'kysely';
import type {
  AccessReview,
  AccessReviewDecisionEntry,
  ReviewedSheet,
} from '../../../domain/access-review/access-review.js';
import type {
  AccessDecision,
  AccessReviewSubject,
  AccessReviewThresholds,
} from '../../../domain/access-review/access-review-subject.js';
import { AppError, ErrorCode } from '../../../domain/app-error.js';
import type { AccessReviewStore } from '../../../ports/access-review-store.js';
import { instantToDb, jsonFromDb, jsonToDb } from '../column-codecs.js';
import { isUniqueViolation } from '../constraint-errors.js';
import type { AccessReviewDecisionsTable, AccessReviewsTable } from '../database-schema.js';
import type { SqlContext } from '../sql-context.js';

interface ReviewDetails {
  readonly thresholds: AccessReviewThresholds;
  readonly sheets: readonly ReviewedSheet[];
}

/** Instants come back as ISO text from SQLite and as parsed ISO strings from the Postgres pool. */
function isoOf(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : instantToDb(value);
}

/** The access_reviews and access_review_decisions tables behind AccessReviewStore. */
export function createAccessReviewRepository({ db, dialect }: SqlContext): AccessReviewStore {
  const reviewOf = (row: Selectable<AccessReviewsTable>): AccessReview => {
    const details = jsonFromDb<ReviewDetails>(dialect, row.details);
    return {
      id: row.id,
      createdAt: isoOf(row.created_at),
      period: row.period,
      createdBy: row.created_by,
      thresholds: details.thresholds,
      sheets: details.sheets,
      subjects: jsonFromDb<AccessReviewSubject[]>(dialect, row.subjects),
    };
  };
  const decisionOf = (row: Selectable<AccessReviewDecisionsTable>): AccessReviewDecisionEntry => ({
    decisionId: row.decision_id,
    reviewId: row.review_id,
    subjectKey: row.subject_key,
    decision: row.decision as AccessDecision,
    comment: row.comment,
    reviewer: row.reviewer,
    decidedAt: isoOf(row.decided_at),
  });

  return {
    async saveReview(review) {
      try {
        await db
          .insertInto('access_reviews')
          .values({
            id: review.id,
            created_at: instantToDb(review.createdAt),
            period: review.period,
            created_by: review.createdBy,
            subject_count: review.subjects.length,
            subjects: jsonToDb(review.subjects),
            details: jsonToDb({
              thresholds: review.thresholds,
              sheets: review.sheets,
            } satisfies ReviewDetails),
          })
          .execute();
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw new AppError(ErrorCode.CONFLICT, `An access review with id ${review.id} already exists`, {
          cause: error,
        });
      }
    },

    async getReview(id) {
      const row = await db.selectFrom('access_reviews').selectAll().where('id', '=', id).executeTakeFirst();
      return row && reviewOf(row);
    },

    async latestReview() {
      const row = await db
        .selectFrom('access_reviews')
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && reviewOf(row);
    },

    async listReviews({ limit }) {
      const rows = await db
        .selectFrom('access_reviews')
        .select(['id', 'created_at', 'period', 'created_by', 'subject_count'])
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        createdAt: isoOf(row.created_at),
        period: row.period,
        createdBy: row.created_by,
        subjectCount: row.subject_count,
      }));
    },

    async recordDecision(decision) {
      await db
        .insertInto('access_review_decisions')
        .values({
          decision_id: decision.decisionId,
          review_id: decision.reviewId,
          subject_key: decision.subjectKey,
          decision: decision.decision,
          comment: decision.comment,
          reviewer: decision.reviewer,
          decided_at: instantToDb(decision.decidedAt),
        })
        .execute();
    },

    async listDecisions(reviewId) {
      const rows = await db
        .selectFrom('access_review_decisions')
        .selectAll()
        .where('review_id', '=', reviewId)
        .orderBy('decided_at')
        .orderBy('decision_id')
        .execute();
      return rows.map(decisionOf);
    },

    async latestDecisionPerSubject() {
      // Few rows (people × months): read them in order and keep the newest per subject.
      const rows = await db
        .selectFrom('access_review_decisions')
        .selectAll()
        .orderBy('decided_at')
        .orderBy('decision_id')
        .execute();
      const latest = new Map<string, AccessReviewDecisionEntry>();
      for (const row of rows) latest.set(row.subject_key, decisionOf(row));
      return latest;
    },

    async lastSheetActivityPerEditor() {
      const edits = await db
        .selectFrom('audit_events')
        .select((eb) => [
          eb.fn<string>('lower', ['changed_by']).as('editor'),
          eb.fn.max('changed_at').as('last'),
        ])
        .where('changed_by', 'is not', null)
        .where('changed_at', 'is not', null)
        .where('sheet_id', 'is not', null)
        .groupBy((eb) => eb.fn('lower', ['changed_by']))
        .execute();
      const scored = await db
        .selectFrom('risk_changes')
        .select((eb) => [eb.fn<string>('lower', ['editor']).as('editor'), eb.fn.max('changed_at').as('last')])
        .where('editor', 'is not', null)
        .groupBy((eb) => eb.fn('lower', ['editor']))
        .execute();
      const activity = new Map<string, string>();
      for (const row of [...edits, ...scored]) {
        if (row.editor === null || row.last === null) continue;
        const editor = row.editor.trim();
        const last = isoOf(row.last as string | Date);
        const held = activity.get(editor);
        if (held === undefined || held < last) activity.set(editor, last);
      }
      return activity;
    },
  };
}
