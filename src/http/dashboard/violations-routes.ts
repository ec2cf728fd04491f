// The Violations API (issue #7): the filtered, sorted, paged list; its CSV export (recorded in the
// trail); the drill-down of one event; acknowledge/resolve with a comment; an admin's revert.
// Handlers parse, take the signed-in user and the request's origin, and call one service.
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseViolationQuery } from '../../domain/dashboard/violation-query.js';
import { parseReviewRequest, parseRevertRequest } from '../../domain/dashboard/review-request.js';
import type { BillingSheets } from '../../ports/billing-sheets.js';
import type { SheetRowWriter } from '../../ports/sheet-row-writer.js';
import type { AuditStore, EventReviewStore, SheetStore } from '../../ports/store.js';
import { exportViolations } from '../../services/dashboard-export.js';
import type { DashboardActor } from '../../services/dashboard-review.js';
import { reviewViolation } from '../../services/dashboard-review.js';
import { revertViolation } from '../../services/dashboard-revert.js';
import { queryViolations, violationDetail } from '../../services/dashboard-violations.js';
import { requestOrigin } from '../auth/request-origin.js';
import type { RevertResult, ViolationDetail, ViolationPage, ViolationReview } from './api-contract.js';

export interface ViolationsRouteDeps {
  readonly audit: AuditStore;
  readonly reviews: EventReviewStore;
  readonly sheets: SheetStore;
  readonly source: BillingSheets;
  readonly writer: SheetRowWriter;
  readonly timeZone: string;
  readonly now: () => Date;
  readonly newId: () => string;
}

/** The signed-in user and the origin; enforcePermissions guarantees a user on these routes. */
function actorOf(request: FastifyRequest): DashboardActor {
  const user = request.auth?.user;
  if (!user) throw new Error('dashboard route reached without a signed-in user');
  return { email: user.email, origin: requestOrigin(request) };
}

type EventParams = { Params: { eventId: string } };

export function violationsRoutes(server: FastifyInstance, deps: ViolationsRouteDeps): void {
  const query = (request: FastifyRequest) =>
    parseViolationQuery(request.query as Record<string, unknown>, { timeZone: deps.timeZone });

  server.get('/api/violations', { config: { permission: 'dashboard.read' } }, async (request) => {
    const page: ViolationPage = await queryViolations(deps, query(request));
    return page;
  });

  server.get(
    '/api/violations/export.csv',
    { config: { permission: 'audit.review' } },
    async (request, reply) => {
      const { filter, sort } = query(request);
      const csv = await exportViolations(deps, { filter, sort }, actorOf(request));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${csv.fileName}"`)
        .header('x-row-count', String(csv.rowCount))
        .send(Readable.from(csv.chunks));
    },
  );

  server.get<EventParams>(
    '/api/violations/:eventId',
    { config: { permission: 'dashboard.read' } },
    async (request) => {
      const detail: ViolationDetail = await violationDetail(deps, request.params.eventId);
      return detail;
    },
  );

  server.post<EventParams>(
    '/api/violations/:eventId/review',
    { config: { permission: 'audit.review' } },
    async (request, reply) => {
      const review: ViolationReview = await reviewViolation(
        deps,
        request.params.eventId,
        parseReviewRequest(request.body),
        actorOf(request),
      );
      return reply.code(201).send(review);
    },
  );

  server.post<EventParams>(
    '/api/violations/:eventId/revert',
    { config: { permission: 'admin' } },
    async (request) => {
      const result: RevertResult = await revertViolation(
        deps,
        request.params.eventId,
        parseRevertRequest(request.body),
        actorOf(request),
      );
      return result;
    },
  );
}
