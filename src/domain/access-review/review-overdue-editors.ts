// What risk scoring asks of the access review (billing-domain.md §3.5 "editor context: access
// review overdue"): the Smartsheet editors the latest review flagged as overdue for review.
import type { AccessReview } from './access-review.js';

/**
 * E-mails (lower-cased) of the latest review's Smartsheet editors flagged `review-overdue`;
 * undefined when no review exists yet, so risk scoring records "unknown" rather than "not overdue".
 */
export function reviewOverdueEditors(review: AccessReview | undefined): ReadonlySet<string> | undefined {
  if (!review) return undefined;
  return new Set(
    review.subjects
      .filter((subject) => subject.kind === 'smartsheet' && subject.flags.includes('review-overdue'))
      .map((subject) => subject.email.toLowerCase()),
  );
}
