// A stored access review and the reviewers' decisions on it (billing-domain.md §4): the review is
// a dated list of subjects, frozen when it is made; decisions are appended to it, never edited,
// and a later decision on the same subject supersedes an earlier one.
import { calendarDateIn } from '../time-zone.js';
import type {
  AccessDecision,
  AccessFlag,
  AccessReviewSubject,
  AccessReviewThresholds,
  Recommendation,
} from './access-review-subject.js';
import { ACCESS_DECISIONS, ACCESS_FLAGS, RECOMMENDATIONS } from './access-review-subject.js';

/** A source sheet whose shares the review read, or could not read. */
export interface ReviewedSheet {
  readonly sheetId: number;
  readonly sheetName: string;
  /** Shares listed; null when they could not be read (see `problem`). */
  readonly shareCount: number | null;
  readonly problem: string | null;
}

export interface AccessReview {
  readonly id: string;
  /** ISO-8601 instant it was made. */
  readonly createdAt: string;
  /** The month it reviews, `YYYY-MM` in the organisation's time zone. */
  readonly period: string;
  /** Who made it: a reviewer's e-mail, or `scheduler` for the monthly job. */
  readonly createdBy: string;
  readonly thresholds: AccessReviewThresholds;
  readonly sheets: readonly ReviewedSheet[];
  readonly subjects: readonly AccessReviewSubject[];
}

/** One reviewer decision on one subject of one review. */
export interface AccessReviewDecisionEntry {
  readonly decisionId: string;
  readonly reviewId: string;
  readonly subjectKey: string;
  readonly decision: AccessDecision;
  readonly comment: string | null;
  /** The reviewer's e-mail. */
  readonly reviewer: string;
  readonly decidedAt: string;
}

/** The month of `now` in the organisation's time zone, `YYYY-MM`. */
export function accessReviewPeriod(now: Date, timeZone: string): string {
  return calendarDateIn(now, timeZone).slice(0, 7);
}

/**
 * A review id that sorts by time and says which month it is: `ar-2026-11-20261101T060000Z`. The
 * caller adds nothing random: two reviews in the same second are one too many.
 */
export function accessReviewId(period: string, now: Date): string {
  return `ar-${period}-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')}`;
}

/** The decision in force per subject: the newest (decisions come oldest first). */
export function decisionsInForce(
  decisions: readonly AccessReviewDecisionEntry[],
): ReadonlyMap<string, AccessReviewDecisionEntry> {
  const inForce = new Map<string, AccessReviewDecisionEntry>();
  for (const decision of decisions) {
    const held = inForce.get(decision.subjectKey);
    if (!held || Date.parse(decision.decidedAt) >= Date.parse(held.decidedAt))
      inForce.set(decision.subjectKey, decision);
  }
  return inForce;
}

/** The counts a review's summary shows. */
export interface AccessReviewSummary {
  readonly subjects: number;
  readonly accounts: number;
  readonly smartsheetSubjects: number;
  readonly flagged: number;
  readonly byFlag: Readonly<Record<AccessFlag, number>>;
  readonly byRecommendation: Readonly<Record<Recommendation, number>>;
  readonly decided: number;
  readonly undecided: number;
  readonly byDecision: Readonly<Record<AccessDecision, number>>;
  /** Sheets whose shares could not be read. */
  readonly sheetProblems: number;
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** Counts of a review with its decisions in force; every count is over `review.subjects`. */
export function summariseAccessReview(
  review: AccessReview,
  decisions: readonly AccessReviewDecisionEntry[],
): AccessReviewSummary {
  const inForce = decisionsInForce(decisions);
  const byFlag = zeroes(ACCESS_FLAGS);
  const byRecommendation = zeroes(RECOMMENDATIONS);
  const byDecision = zeroes(ACCESS_DECISIONS);
  let decided = 0;
  for (const subject of review.subjects) {
    for (const flag of subject.flags) byFlag[flag] += 1;
    byRecommendation[subject.recommendation] += 1;
    const decision = inForce.get(subject.key);
    if (decision) {
      decided += 1;
      byDecision[decision.decision] += 1;
    }
  }
  return {
    subjects: review.subjects.length,
    accounts: review.subjects.filter((s) => s.kind === 'account').length,
    smartsheetSubjects: review.subjects.filter((s) => s.kind === 'smartsheet').length,
    flagged: review.subjects.filter((s) => s.flags.length > 0).length,
    byFlag,
    byRecommendation,
    decided,
    undecided: review.subjects.length - decided,
    byDecision,
    sheetProblems: review.sheets.filter((s) => s.problem !== null).length,
  };
}
