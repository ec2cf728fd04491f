// The correction API (issue #12): any signed-in user asks for a correction of a closed week's cell;
// auditors and admins other than the requester approve or reject it; an approval is applied at once
// (unlock → write → re-lock) and a cycle republishes the report. Handlers parse, take the signed-in
// user and the request's origin, and call one service.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import type { CorrectionActor } from '../../domain/corrections/correction-events.js';
import { CORRECTABLE_FIELDS, correctionValueLabel } from '../../domain/corrections/correction-request.js';
import { correctionStatusOf, type CorrectionRecord } from '../../domain/corrections/correction-state.js';
import type { CorrectionStatus } from '../../domain/corrections/correction-state.js';
import type { LockingScope } from '../../domain/locking/locking-scope.js';
import type { AuditStore } from '../../ports/audit-store.js';
import type { BillingSheets } from '../../ports/billing-sheets.js';
import type { CorrectionStore } from '../../ports/correction-store.js';
import type { RowLocker } from '../../ports/row-locker.js';
import type { SheetRowWriter } from '../../ports/sheet-row-writer.js';
import type { SheetStore } from '../../ports/sheet-store.js';
import {
  decideCorrection,
  retryCorrection,
  type DecideCorrectionDeps,
} from '../../services/correction-decide.js';
import { requestCorrection } from '../../services/correction-request.js';
import { roleGrants, type RequestOrigin } from '../access-control.js';
import { requestOrigin } from '../auth/request-origin.js';
import type {
  CorrectionCreateRequest,
  CorrectionDecisionReply,
  CorrectionList,
  CorrectionView,
} from './corrections-contract.js';

export interface CorrectionRouteDeps {
  readonly corrections: CorrectionStore;
  readonly audit: Pick<AuditStore, 'appendEvents' | 'getEvent'>;
  readonly sheets: Pick<SheetStore, 'getSheet'>;
  readonly source: Pick<BillingSheets, 'readSheet'>;
  readonly writer: SheetRowWriter;
  /** Row locking (issue #12); undefined when the process has no locker (nothing is unlocked). */
  readonly locking?: { readonly locker: RowLocker; readonly scope: LockingScope } | undefined;
  /** Asks for a cycle soon, so the corrected report is republished; absent: the next scheduled one does. */
  readonly requestCycle?: (() => void) | undefined;
  readonly now: () => Date;
  readonly newId?: () => string;
  readonly originOf?: (request: FastifyRequest) => RequestOrigin;
}

const STATUSES: readonly CorrectionStatus[] = ['requested', 'approved', 'rejected', 'applied', 'failed'];

type IdParams = { Params: { id: string } };

/** The signed-in user; enforcePermissions guarantees one on these routes. */
function userOf(request: FastifyRequest) {
  const user = request.auth?.user;
  if (!user) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in first.');
  return user;
}

function invalid(message: string): AppError {
  return new AppError(ErrorCode.INPUT_INVALID, message);
}

function positiveId(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const id = typeof value === 'string' ? Number(value) : value;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0)
    throw invalid(`${name} must be a positive integer`);
  return id;
}

/** The body of POST /api/corrections; the service validates field, value and reason. */
function createRequestOf(body: unknown): CorrectionCreateRequest & { sheetId?: number; rowId?: number } {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  for (const name of ['field', 'newValue', 'reason'] as const) {
    if (typeof fields[name] !== 'string') throw invalid(`${name} is required (a string)`);
  }
  if (fields.eventId !== undefined && (typeof fields.eventId !== 'string' || fields.eventId.length > 100))
    throw invalid('eventId must be an event id');
  const sheetId = positiveId(fields.sheetId, 'sheetId');
  const rowId = positiveId(fields.rowId, 'rowId');
  return {
    field: fields.field as CorrectionCreateRequest['field'],
    newValue: fields.newValue as string,
    reason: fields.reason as string,
    ...(typeof fields.eventId === 'string' ? { eventId: fields.eventId } : {}),
    ...(sheetId === undefined ? {} : { sheetId }),
    ...(rowId === undefined ? {} : { rowId }),
  };
}

export function registerCorrectionRoutes(server: FastifyInstance, deps: CorrectionRouteDeps): void {
  const originOf = deps.originOf ?? requestOrigin;
  const newId = deps.newId ?? randomUUID;
  const actorOf = (request: FastifyRequest): CorrectionActor => ({
    email: userOf(request).email.toLowerCase(),
    now: deps.now(),
    origin: originOf(request),
  });
  const decideDeps: DecideCorrectionDeps = {
    corrections: deps.corrections,
    audit: deps.audit,
    sheets: deps.sheets,
    source: deps.source,
    writer: deps.writer,
    locking: deps.locking,
    afterApplied: deps.requestCycle ? () => deps.requestCycle?.() : undefined,
  };

  const viewOf = (record: CorrectionRecord, request: FastifyRequest): CorrectionView => {
    const user = userOf(request);
    const { request: r, steps } = record;
    const status = correctionStatusOf(steps);
    const reviewer = roleGrants(user.role, 'audit.review');
    return {
      id: r.id,
      status,
      requestedAt: r.requestedAt,
      requestedBy: r.requestedBy,
      sheetId: r.sheetId,
      sheetName: r.sheetName,
      rowId: r.rowId,
      workRequest: r.workRequest,
      weekEnding: r.weekEnding,
      field: r.field,
      currentValue: r.currentValue,
      newValue: r.newValue,
      newValueLabel: correctionValueLabel(r.field, r.newValue),
      reason: r.reason,
      eventId: r.eventId,
      steps: steps.map((s) => ({
        stepNo: s.stepNo,
        kind: s.kind,
        actor: s.actor,
        at: s.at,
        comment: s.comment,
        details: { ...s.details },
      })),
      canDecide: reviewer && status === 'requested' && r.requestedBy !== user.email.toLowerCase(),
      canRetry: reviewer && status === 'failed',
    };
  };

  /** A request the signed-in user may see: their own, or any for auditors and admins. */
  const visibleRecord = async (request: FastifyRequest<IdParams>): Promise<CorrectionRecord> => {
    const user = userOf(request);
    const record = await deps.corrections.getCorrection(request.params.id);
    const mayRead =
      record !== undefined &&
      (roleGrants(user.role, 'audit.review') || record.request.requestedBy === user.email.toLowerCase());
    if (!record || !mayRead)
      throw new AppError(
        ErrorCode.NOT_FOUND,
        `No correction request has the id ${JSON.stringify(request.params.id)}.`,
      );
    return record;
  };

  server.post('/api/corrections', { config: { permission: 'dashboard.read' } }, async (request, reply) => {
    const body = createRequestOf(request.body);
    const record = await requestCorrection(
      { corrections: deps.corrections, audit: deps.audit, sheets: deps.sheets, source: deps.source, newId },
      body,
      actorOf(request),
    );
    return reply.code(201).send(viewOf(record, request));
  });

  server.get<{ Querystring: { status?: unknown } }>(
    '/api/corrections',
    { config: { permission: 'dashboard.read' } },
    async (request) => {
      const user = userOf(request);
      const { status } = request.query;
      if (status !== undefined && !STATUSES.includes(status as CorrectionStatus))
        throw invalid(`status must be one of ${STATUSES.join(', ')}`);
      const all = roleGrants(user.role, 'audit.review');
      const records = await deps.corrections.listCorrections({
        ...(all ? {} : { requestedBy: user.email }),
        ...(status === undefined ? {} : { status: status as CorrectionStatus }),
      });
      const list: CorrectionList = {
        items: records.map((record) => viewOf(record, request)),
        fields: CORRECTABLE_FIELDS,
        all,
      };
      return list;
    },
  );

  server.get<IdParams>(
    '/api/corrections/:id',
    { config: { permission: 'dashboard.read' } },
    async (request) => viewOf(await visibleRecord(request), request),
  );

  server.post<IdParams>(
    '/api/corrections/:id/decision',
    { config: { permission: 'audit.review' } },
    async (request) => {
      const fields = (
        typeof request.body === 'object' && request.body !== null ? request.body : {}
      ) as Record<string, unknown>;
      if (fields.decision !== 'approve' && fields.decision !== 'reject')
        throw invalid('decision must be approve or reject');
      if (fields.comment !== undefined && fields.comment !== null && typeof fields.comment !== 'string')
        throw invalid('comment must be a string');
      const outcome = await decideCorrection(
        decideDeps,
        request.params.id,
        { decision: fields.decision, comment: (fields.comment as string | null | undefined) ?? null },
        actorOf(request),
      );
      const last = outcome.record.steps.at(-1);
      const reply: CorrectionDecisionReply = {
        correction: viewOf(outcome.record, request),
        applied: outcome.application ? outcome.application.applied : null,
        error: outcome.application && !outcome.application.applied ? String(last?.details.error ?? '') : null,
      };
      return reply;
    },
  );

  server.post<IdParams>(
    '/api/corrections/:id/apply',
    { config: { permission: 'audit.review' } },
    async (request) => {
      const outcome = await retryCorrection(decideDeps, request.params.id, actorOf(request));
      const last = outcome.record.steps.at(-1);
      const reply: CorrectionDecisionReply = {
        correction: viewOf(outcome.record, request),
        applied: outcome.applied,
        error: outcome.applied ? null : String(last?.details.error ?? ''),
      };
      return reply;
    },
  );
}
