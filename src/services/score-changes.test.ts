import { describe, expect, it } from 'vitest';
import type { AccessReview } from '../domain/access-review/access-review.js';
import type { AccessReviewSubject } from '../domain/access-review/access-review-subject.js';
import { loadReviewOverdue } from './score-changes.js';

const subject = (email: string, kind: AccessReviewSubject['kind'], flags: AccessReviewSubject['flags']) =>
  ({ key: `${kind}:${email}`, kind, email, flags }) as unknown as AccessReviewSubject;

describe('loadReviewOverdue', () => {
  it('is unknown without an access review store or before the first review', async () => {
    expect(await loadReviewOverdue(undefined)).toBeUndefined();
    expect(await loadReviewOverdue({ latestReview: async () => undefined })).toBeUndefined();
  });

  it("takes the latest review's overdue Smartsheet editors", async () => {
    const review = {
      subjects: [
        subject('fran@example.com', 'smartsheet', ['review-overdue']),
        subject('gus@example.com', 'smartsheet', []),
        subject('ada@example.com', 'account', ['review-overdue']),
      ],
    } as unknown as AccessReview;
    expect([...((await loadReviewOverdue({ latestReview: async () => review })) ?? [])]).toEqual([
      'fran@example.com',
    ]);
  });
});
