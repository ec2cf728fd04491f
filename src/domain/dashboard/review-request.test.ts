import { describe, expect, it } from 'vitest';
import { parseReviewRequest, parseRevertRequest } from './review-request.js';

describe('review and revert requests', () => {
  it('accepts a status with a trimmed comment', () => {
    expect(parseReviewRequest({ status: 'resolved', comment: '  fixed in sheet  ' })).toEqual({
      status: 'resolved',
      comment: 'fixed in sheet',
    });
  });

  it.each([
    [null, 'must be a JSON object'],
    [{ status: 'resolved' }, 'comment is required'],
    [{ status: 'resolved', comment: '   ' }, 'comment is required'],
    [{ status: 'resolved', comment: 'x'.repeat(2001) }, '2001 characters'],
    [{ status: 'reverted', comment: 'x' }, 'Invalid status "reverted"'],
  ])('refuses %j', (body, message) => {
    expect(() => parseReviewRequest(body)).toThrow(message);
  });

  it('keeps a comment of exactly 2000 characters', () => {
    expect(parseReviewRequest({ status: 'acknowledged', comment: 'x'.repeat(2000) }).comment).toHaveLength(
      2000,
    );
  });

  it('needs an explicit confirmation to revert', () => {
    expect(parseRevertRequest({ confirm: true })).toEqual({ comment: null });
    expect(parseRevertRequest({ confirm: true, comment: 'wrong price' })).toEqual({ comment: 'wrong price' });
    expect(() => parseRevertRequest({ confirm: 'yes' })).toThrow('"confirm": true');
    expect(() => parseRevertRequest(undefined)).toThrow('"confirm": true');
  });
});
