import { sql, type Selectable } from 'kysely';
import { AppError, ErrorCode } from '../../../domain/app-error.js';
import type { JsonObject } from '../../../domain/audit-chain.js';
import type { CorrectableField } from '../../../domain/corrections/correction-request.js';
import {
  correctionStatusOf,
  type ApprovedCorrection,
  type CorrectionRecord,
  type CorrectionRequest,
  type CorrectionStep,
  type CorrectionStepKind,
} from '../../../domain/corrections/correction-state.js';
import type { CorrectionStore } from '../../../ports/correction-store.js';
import { batchesWithinParameterLimit } from '../bind-parameter-limits.js';
import { instantToDb, jsonFromDb, jsonToDb } from '../column-codecs.js';
import { isUniqueViolation } from '../constraint-errors.js';
import type { CorrectionRequestsTable, CorrectionStepsTable } from '../database-schema.js';
import type { SqlContext } from '../sql-context.js';

/** Instants come back as ISO text from SQLite and as parsed ISO strings (or Dates) from Postgres. */
function isoOf(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : instantToDb(value);
}

function requestOf(row: Selectable<CorrectionRequestsTable>): CorrectionRequest {
  return {
    id: row.id,
    requestedAt: isoOf(row.requested_at),
    requestedBy: row.requested_by,
    sheetId: Number(row.sheet_id),
    rowId: Number(row.row_id),
    field: row.field as CorrectableField,
    newValue: row.new_value,
    reason: row.reason,
    currentValue: row.current_value,
    sheetName: row.sheet_name,
    workRequest: row.work_request,
    weekEnding: row.week_ending,
    eventId: row.event_id,
  };
}

const DEFAULT_LIMIT = 200;

/** The append-only correction_requests and correction_steps tables behind CorrectionStore. */
export function createCorrectionRepository({ db, dialect }: SqlContext): CorrectionStore {
  const stepOf = (row: Selectable<CorrectionStepsTable>): CorrectionStep => ({
    requestId: row.request_id,
    stepNo: Number(row.step_no),
    kind: row.kind as CorrectionStepKind,
    actor: row.actor,
    at: isoOf(row.at),
    comment: row.comment,
    details: jsonFromDb<JsonObject>(dialect, row.details),
  });

  /** The steps of these requests, oldest first per request. */
  async function stepsOf(ids: readonly string[]): Promise<Map<string, CorrectionStep[]>> {
    const steps = new Map<string, CorrectionStep[]>(ids.map((id) => [id, []]));
    for (const batch of batchesWithinParameterLimit(dialect, [...new Set(ids)], 1)) {
      const rows = await db
        .selectFrom('correction_steps')
        .selectAll()
        .where('request_id', 'in', batch)
        .orderBy('request_id')
        .orderBy('step_no')
        .execute();
      for (const row of rows) steps.get(row.request_id)?.push(stepOf(row));
    }
    return steps;
  }

  async function withSteps(
    rows: readonly Selectable<CorrectionRequestsTable>[],
  ): Promise<CorrectionRecord[]> {
    const steps = await stepsOf(rows.map((row) => row.id));
    return rows.map((row) => ({ request: requestOf(row), steps: steps.get(row.id) ?? [] }));
  }

  return {
    async saveRequest(request) {
      try {
        await db
          .insertInto('correction_requests')
          .values({
            id: request.id,
            requested_at: instantToDb(request.requestedAt),
            requested_by: request.requestedBy,
            sheet_id: request.sheetId,
            row_id: request.rowId,
            field: request.field,
            new_value: request.newValue,
            reason: request.reason,
            current_value: request.currentValue,
            sheet_name: request.sheetName,
            work_request: request.workRequest,
            week_ending: request.weekEnding,
            event_id: request.eventId,
          })
          .execute();
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw new AppError(ErrorCode.CONFLICT, `A correction request with id ${request.id} already exists`, {
          cause: error,
        });
      }
    },

    async appendStep(step) {
      const exists = await db
        .selectFrom('correction_requests')
        .select('id')
        .where('id', '=', step.requestId)
        .executeTakeFirst();
      if (!exists)
        throw new AppError(ErrorCode.NOT_FOUND, `No correction request has the id ${step.requestId}`);
      try {
        await db
          .insertInto('correction_steps')
          .values({
            request_id: step.requestId,
            step_no: step.stepNo,
            kind: step.kind,
            actor: step.actor,
            at: instantToDb(step.at),
            comment: step.comment,
            details: jsonToDb(step.details),
          })
          .execute();
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw new AppError(
          ErrorCode.CONFLICT,
          `Correction request ${step.requestId} was changed by someone else meanwhile; reload it.`,
          { cause: error },
        );
      }
    },

    async getCorrection(id) {
      const row = await db
        .selectFrom('correction_requests')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      const [record] = await withSteps([row]);
      return record;
    },

    async listCorrections(filter = {}) {
      const limit = filter.limit ?? DEFAULT_LIMIT;
      let query = db.selectFrom('correction_requests').selectAll();
      if (filter.requestedBy !== undefined)
        query = query.where(sql<string>`lower(requested_by)`, '=', filter.requestedBy.trim().toLowerCase());
      query = query.orderBy('requested_at', 'desc').orderBy('id', 'desc');
      // The status is the latest step, so a status filter is applied after the steps are read.
      const rows = await (filter.status === undefined ? query.limit(limit) : query).execute();
      const records = await withSteps(rows);
      return filter.status === undefined
        ? records
        : records.filter((record) => correctionStatusOf(record.steps) === filter.status).slice(0, limit);
    },

    async listApprovedSince(since) {
      const rows = await db
        .selectFrom('correction_steps')
        .innerJoin('correction_requests', 'correction_requests.id', 'correction_steps.request_id')
        .selectAll('correction_requests')
        .select(['correction_steps.actor as approved_by', 'correction_steps.at as approved_at'])
        .where('correction_steps.kind', '=', 'approved')
        .where('correction_steps.at', '>=', instantToDb(since))
        .orderBy('correction_steps.at')
        .execute();
      return rows.map((row): ApprovedCorrection => {
        const request = requestOf(row);
        return {
          requestId: request.id,
          sheetId: request.sheetId,
          rowId: request.rowId,
          field: request.field,
          newValue: request.newValue,
          requestedBy: request.requestedBy,
          approvedBy: row.approved_by,
          approvedAt: new Date(isoOf(row.approved_at)),
        };
      });
    },
  };
}
