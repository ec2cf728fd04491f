// The access-review API (issue #7): the latest (or a chosen) review with its decisions, a
// reviewer's decision, and the review as CSV or xlsx. Handlers parse, take the signed-in user and
// the request's origin, and call one service.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decisionsInForce } from '../../domain/access-review/access-review.js';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import type { AccessReviewRenderer } from '../../ports/access-review-renderer.js';
import type { AccessReviewStore } from '../../ports/access-review-store.js';
import type { AuditStore } from '../../ports/audit-store.js';
import { recordAccessReviewDecision } from '../../services/access-review-decide.js';
import type { AccessReviewExportFormat } from '../../services/access-review-export.js';
import { exportAccessReview, loadAccessReview } from '../../services/access-review-export.js';
import type { RequestOrigin } from '../access-control.js';
import { requestOrigin } from '../auth/request-origin.js';
import type {
  AccessReviewDecisionRequest,
  AccessReviewDecisionView,
  AccessReviewView,
} from './access-review-contract.js';

export interface AccessReviewRouteDeps {
  readonly accessReviews: AccessReviewStore;
  readonly audit: Pick<AuditStore, 'appendEvents'>;
  readonly renderer: AccessReviewRenderer;
  readonly now: () => Date;
  /** Decision ids; random UUIDs unless a test fixes them. */
  readonly newId?: () => string;
  /** Where a request came from; default requestOrigin (src/http/auth/request-origin.ts). */
  readonly originOf?: (request: FastifyRequest) => RequestOrigin;
}

type IdQuery = { Querystring: { id?: unknown } };

/** `?id=` when given as one non-empty string; anything else is a bad request. */
function reviewIdOf(request: FastifyRequest<IdQuery>): string | undefined {
  const { id } = request.query;
  if (id === undefined || id === '') return undefined;
  if (typeof id !== 'string' || id.length > 200)
    throw new AppError(ErrorCode.INPUT_INVALID, 'id must be one review id');
  return id;
}

/** The body of POST /decisions; the service checks the decision, subject and comment. */
function decisionRequestOf(body: unknown): AccessReviewDecisionRequest {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  for (const name of ['reviewId', 'subjectKey', 'decision'] as const) {
    if (typeof fields[name] !== 'string' || fields[name] === '') {
      throw new AppError(ErrorCode.INPUT_INVALID, `${name} is required (a string)`);
    }
  }
  if (fields.comment !== undefined && fields.comment !== null && typeof fields.comment !== 'string') {
    throw new AppError(ErrorCode.INPUT_INVALID, 'comment must be a string');
  }
  return fields as unknown as AccessReviewDecisionRequest;
}

/** The signed-in user; enforcePermissions guarantees one on these routes. */
function userOf(request: FastifyRequest) {
  const user = request.auth?.user;
  if (!user) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in first.');
  return user;
}

export function registerAccessReviewRoutes(server: FastifyInstance, deps: AccessReviewRouteDeps): void {
  const originOf = deps.originOf ?? requestOrigin;
  const newId = deps.newId ?? randomUUID;

  server.get<IdQuery>(
    '/api/access-review',
    { config: { permission: 'audit.review' } },
    async (request, reply) => {
      const id = reviewIdOf(request);
      let loaded;
      try {
        loaded = await loadAccessReview(deps, id);
      } catch (error) {
        // The hint is the point of this 404: the page tells the reviewer how to make the first review.
        if (error instanceof AppError && error.code === ErrorCode.NOT_FOUND) {
          return reply
            .code(404)
            .send({ error: error.code, message: `${error.message}. ${error.hint ?? ''}`.trim() });
        }
        throw error;
      }
      const { review, decisions, summary } = loaded;
      const inForce = decisionsInForce(decisions);
      const history = await deps.accessReviews.listReviews({ limit: 24 });
      const view: AccessReviewView = {
        review: {
          id: review.id,
          createdAt: review.createdAt,
          period: review.period,
          createdBy: review.createdBy,
          thresholds: review.thresholds,
          sheets: review.sheets,
        },
        subjects: review.subjects.map((subject) => ({
          ...subject,
          decision: inForce.get(subject.key) ?? null,
        })),
        decisions,
        summary,
        history: history.map((r) => ({ id: r.id, period: r.period, createdAt: r.createdAt })),
      };
      return view;
    },
  );

  server.post(
    '/api/access-review/decisions',
    { config: { permission: 'audit.review' } },
    async (request, reply) => {
      const user = userOf(request);
      const body = decisionRequestOf(request.body);
      const decision: AccessReviewDecisionView = await recordAccessReviewDecision(
        { accessReviews: deps.accessReviews, audit: deps.audit, newId },
        {
          reviewId: body.reviewId,
          subjectKey: body.subjectKey,
          decision: body.decision,
          comment: body.comment ?? null,
          reviewer: user.email,
          reviewerMayDecideOnAdmins: user.role === 'admin',
          origin: originOf(request),
          now: deps.now(),
        },
      );
      return reply.code(201).send(decision);
    },
  );

  const exportRoute =
    (format: AccessReviewExportFormat) => async (request: FastifyRequest<IdQuery>, reply: FastifyReply) => {
      const file = await exportAccessReview(deps, { format, ...withId(reviewIdOf(request)) });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(file.bytes));
    };
  server.get<IdQuery>(
    '/api/access-review/export.csv',
    { config: { permission: 'audit.review' } },
    exportRoute('csv'),
  );
  server.get<IdQuery>(
    '/api/access-review/export.xlsx',
    { config: { permission: 'audit.review' } },
    exportRoute('xlsx'),
  );
}

function withId(id: string | undefined): { id?: string } {
  return id === undefined ? {} : { id };
}
