// The bodies of the review and revert requests (issue #7), checked with messages that name the
// field at fault.
import { AppError, ErrorCode } from '../app-error.js';

export const MAX_REVIEW_COMMENT_LENGTH = 2000;

export interface ReviewRequest {
  readonly status: 'acknowledged' | 'resolved';
  readonly comment: string;
}

export interface RevertRequest {
  readonly comment: string | null;
}

function invalid(message: string, field: string): AppError {
  return new AppError(ErrorCode.INPUT_INVALID, message, { details: { parameter: field } });
}

function objectOf(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw invalid('The request body must be a JSON object.', 'body');
  return body as Record<string, unknown>;
}

function commentOf(value: unknown, required: boolean): string | null {
  if (value === undefined || value === null) {
    if (required) throw invalid('A comment is required: say why.', 'comment');
    return null;
  }
  if (typeof value !== 'string') throw invalid('comment must be text.', 'comment');
  const comment = value.trim();
  if (comment === '') {
    if (required) throw invalid('A comment is required: say why.', 'comment');
    return null;
  }
  if (comment.length > MAX_REVIEW_COMMENT_LENGTH)
    throw invalid(
      `comment is ${comment.length} characters long; at most ${MAX_REVIEW_COMMENT_LENGTH} are kept.`,
      'comment',
    );
  return comment;
}

/** `{ status: 'acknowledged' | 'resolved', comment }`, the comment required and at most 2000 characters. */
export function parseReviewRequest(body: unknown): ReviewRequest {
  const fields = objectOf(body);
  const status = fields.status;
  if (status !== 'acknowledged' && status !== 'resolved')
    throw invalid(
      `Invalid status ${JSON.stringify(status ?? null)}: expected acknowledged or resolved.`,
      'status',
    );
  return { status, comment: commentOf(fields.comment, true) ?? '' };
}

/** `{ confirm: true, comment? }`: a revert writes to Smartsheet, so it must be confirmed explicitly. */
export function parseRevertRequest(body: unknown): RevertRequest {
  const fields = objectOf(body ?? {});
  if (fields.confirm !== true)
    throw invalid('A revert writes the old value back into Smartsheet: send { "confirm": true }.', 'confirm');
  return { comment: commentOf(fields.comment, false) };
}
