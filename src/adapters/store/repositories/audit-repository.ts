import {
  sql,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type RawBuilder,
  type Selectable,
  type SelectQueryBuilder,
  type SqlBool,
} from 'kysely';
import { AppError, ErrorCode } from '../../../domain/app-error.js';
import {
  auditNaturalKey,
  chainHash,
  normalizeInstant,
  type AuditEventRecord,
  type AuditSeverity,
  type ChainedAuditEvent,
  type JsonObject,
} from '../../../domain/audit-chain.js';
import type { ViolationFilter, ViolationSort } from '../../../domain/dashboard/violation-query.js';
import type { ReviewKind } from '../../../domain/dashboard/violation-view.js';
import type { AuditCheckpoint, AuditEventFilter, AuditStore } from '../../../ports/store.js';
import { batchesWithinParameterLimit } from '../bind-parameter-limits.js';
import { booleanFromDb, booleanToDb, instantToDb, jsonFromDb, jsonToDb } from '../column-codecs.js';
import { isUniqueViolation } from '../constraint-errors.js';
import type { AuditEventsTable, Database } from '../database-schema.js';
import type { SqlContext } from '../sql-context.js';
import { countRunEventsBySeverity, tallyRunEventsByEditor } from './dashboard-figure-queries.js';

/** The single row of audit_chain_head. */
const HEAD_ID = 1;

type AuditEventsWhere = ExpressionBuilder<Database, 'audit_events'>;

/** The audit_events, audit_chain_head and audit_checkpoints tables behind AuditStore. */
export function createAuditRepository(context: SqlContext): AuditStore {
  const { db, dialect } = context;
  const toRow = (
    event: Omit<ChainedAuditEvent, 'seq'>,
    naturalKey: string,
  ): Insertable<AuditEventsTable> => ({
    event_id: event.eventId,
    natural_key: naturalKey,
    revision: event.revision,
    run_id: event.runId,
    timestamp: event.timestamp,
    sheet_id: event.sheetId,
    row_id: event.rowId,
    work_request: event.workRequest,
    column_name: event.columnName,
    violation_type: event.violationType,
    old_value: event.oldValue,
    new_value: event.newValue,
    delta: event.deltaCents,
    changed_by: event.changedBy,
    changed_at: event.changedAt,
    week_ending: event.weekEnding,
    is_historical: booleanToDb(dialect, event.isHistorical),
    audit_run_id: event.auditRunId,
    severity: event.severity,
    issue_description: event.issueDescription,
    suggested_fix: event.suggestedFix,
    sheet_reference: event.sheetReference,
    ip_address: event.ipAddress,
    device_info: event.deviceInfo,
    session_id: event.sessionId,
    user_agent: event.userAgent,
    risk_score: event.riskScore,
    anomaly_score: event.anomalyScore,
    predicted_category: event.predictedCategory,
    details: jsonToDb(event.details),
    prev_hash: event.prevHash,
    hash: event.hash,
  });

  const fromRow = (row: Selectable<AuditEventsTable>): ChainedAuditEvent => ({
    seq: row.seq,
    eventId: row.event_id,
    revision: row.revision,
    runId: row.run_id,
    timestamp: row.timestamp,
    sheetId: row.sheet_id,
    rowId: row.row_id,
    workRequest: row.work_request,
    columnName: row.column_name,
    violationType: row.violation_type,
    oldValue: row.old_value,
    newValue: row.new_value,
    deltaCents: row.delta,
    changedBy: row.changed_by,
    changedAt: row.changed_at,
    weekEnding: row.week_ending,
    isHistorical: booleanFromDb(row.is_historical),
    auditRunId: row.audit_run_id,
    severity: row.severity as AuditSeverity,
    issueDescription: row.issue_description,
    suggestedFix: row.suggested_fix,
    sheetReference: row.sheet_reference,
    ipAddress: row.ip_address,
    deviceInfo: row.device_info,
    sessionId: row.session_id,
    userAgent: row.user_agent,
    riskScore: row.risk_score,
    anomalyScore: row.anomaly_score,
    predictedCategory: row.predicted_category,
    details: jsonFromDb<JsonObject>(dialect, row.details),
    prevHash: row.prev_hash,
    hash: row.hash,
  });

  const matching = (filter: AuditEventFilter) => (eb: AuditEventsWhere) => {
    const conditions = [];
    if (filter.fromSeq !== undefined) conditions.push(eb('seq', '>=', filter.fromSeq));
    if (filter.toSeq !== undefined) conditions.push(eb('seq', '<=', filter.toSeq));
    if (filter.runId !== undefined) conditions.push(eb('run_id', '=', filter.runId));
    if (filter.sheetId !== undefined) conditions.push(eb('sheet_id', '=', filter.sheetId));
    if (filter.rowId !== undefined) conditions.push(eb('row_id', '=', filter.rowId));
    if (filter.workRequest !== undefined) conditions.push(eb('work_request', '=', filter.workRequest));
    if (filter.severities !== undefined) conditions.push(valueIn(eb, 'severity', filter.severities));
    if (filter.violationTypes !== undefined)
      conditions.push(valueIn(eb, 'violation_type', filter.violationTypes));
    if (filter.changedFrom !== undefined)
      conditions.push(eb('changed_at', '>=', instantToDb(filter.changedFrom)));
    if (filter.changedTo !== undefined)
      conditions.push(eb('changed_at', '<=', instantToDb(filter.changedTo)));
    return eb.and(conditions);
  };

  const readChainHead = async () => {
    const head = await db
      .selectFrom('audit_chain_head')
      .select(['event_count', 'head_seq', 'head_hash'])
      .where('id', '=', HEAD_ID)
      .executeTakeFirstOrThrow();
    return { eventCount: head.event_count, headSeq: head.head_seq, headHash: head.head_hash };
  };

  return {
    async appendEvents(events) {
      if (events.length === 0) return [];
      try {
        return await db.transaction().execute(async (trx) => {
          // The chain lock: updating the head row first makes every other appender wait here (a row
          // lock on Postgres, the write lock on SQLite) until this transaction ends, so hashes are
          // always computed from the true head.
          const head = await trx
            .updateTable('audit_chain_head')
            .set((eb) => ({ event_count: eb.ref('event_count') }))
            .where('id', '=', HEAD_ID)
            .returning(['event_count', 'head_hash'])
            .executeTakeFirstOrThrow();

          let prevHash = head.head_hash;
          const linked = (await eventsNotYetStored(trx, events)).map(({ event, naturalKey }) => {
            const normalized: AuditEventRecord = {
              ...event,
              timestamp: normalizeInstant(event.timestamp),
              changedAt: event.changedAt === null ? null : normalizeInstant(event.changedAt),
            };
            const hash = chainHash(prevHash, normalized);
            const link = { ...normalized, prevHash, hash };
            prevHash = hash;
            return { link, naturalKey };
          });
          if (linked.length === 0) return [];

          const rows = linked.map(({ link, naturalKey }) => toRow(link, naturalKey));
          const seqByEventId = new Map<string, number>();
          for (const batch of batchesWithinParameterLimit(dialect, rows, Object.keys(rows[0] ?? {}).length)) {
            const inserted = await trx
              .insertInto('audit_events')
              .values(batch)
              .returning(['seq', 'event_id'])
              .execute();
            for (const row of inserted) seqByEventId.set(row.event_id, row.seq);
          }
          const appended = linked.map(({ link }) => ({
            ...link,
            seq: seqByEventId.get(link.eventId) ?? Number.NaN,
          }));
          // The chain is walked in seq order, so seqs must rise in the order the hashes were linked.
          appended.forEach((event, index) => {
            const previous = appended[index - 1];
            if (!(event.seq > (previous?.seq ?? 0)))
              throw new Error('audit seqs were not assigned in chain order');
          });

          await trx
            .updateTable('audit_chain_head')
            .set({
              event_count: head.event_count + appended.length,
              head_seq: appended.at(-1)?.seq ?? null,
              head_hash: prevHash,
            })
            .where('id', '=', HEAD_ID)
            .execute();
          return appended;
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw new AppError(ErrorCode.CONFLICT, 'An audit event id is already used by a different change', {
          cause: error,
        });
      }
    },

    async listEvents(query) {
      const order = query.order ?? 'asc';
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where(matching(query))
        .orderBy('seq', order)
        .limit(query.limit + 1)
        .execute();
      const events = rows.slice(0, query.limit).map(fromRow);
      const last = events.at(-1);
      const nextSeq =
        rows.length > query.limit && last ? (order === 'asc' ? last.seq + 1 : last.seq - 1) : null;
      return { events, nextSeq };
    },

    async countEvents(filter = {}) {
      const row = await db
        .selectFrom('audit_events')
        .select(sql<number>`count(*)`.as('count'))
        .where(matching(filter))
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    chainHead: readChainHead,

    async appendCheckpoint(checkpoint) {
      await db
        .insertInto('audit_checkpoints')
        .values({
          seq: checkpoint.seq,
          event_count: checkpoint.eventCount,
          head_hash: checkpoint.headHash,
          signature: checkpoint.signature,
          key_id: checkpoint.keyId,
          run_id: checkpoint.runId,
          created_at: instantToDb(checkpoint.createdAt),
        })
        .execute();
    },

    async queryEvents(filter, sort, page) {
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .select((eb) => latestReviewOf(eb).as('latest_review'))
        .where(matchingView(filter))
        .$call((query) => orderedBy(query, sort))
        .offset(page.offset)
        .limit(page.limit)
        .execute();
      const count = await db.selectNoFrom(viewCount(filter).as('count')).executeTakeFirstOrThrow();
      return {
        items: rows.map((row) => ({
          event: fromRow(row),
          latestReview: (row.latest_review ?? undefined) as ReviewKind | undefined,
        })),
        total: Number(count.count),
      };
    },

    async getEvent(eventId) {
      const row = await db
        .selectFrom('audit_events')
        .selectAll()
        .select((eb) => latestReviewOf(eb).as('latest_review'))
        .where('event_id', '=', eventId)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        event: fromRow(row),
        latestReview: (row.latest_review ?? undefined) as ReviewKind | undefined,
      };
    },

    countRunEventsBySeverity: (range) => countRunEventsBySeverity(context, range),
    tallyRunEventsByEditor: (range) => tallyRunEventsByEditor(context, range),

    async listCheckpoints() {
      const rows = await db
        .selectFrom('audit_checkpoints')
        .selectAll()
        .orderBy('seq')
        .orderBy('key_id')
        .execute();
      return rows.map((row): AuditCheckpoint => ({
        seq: row.seq,
        eventCount: row.event_count,
        headHash: row.head_hash,
        signature: row.signature,
        keyId: row.key_id,
        runId: row.run_id,
        createdAt: row.created_at,
      }));
    },
  };

  /**
   * How many events a view holds, in one statement (one snapshot). Unfiltered, the chain head
   * already holds it: counting a million rows costs ~0.2 s. Open events are the view without the
   * status less its reviewed events, so the count walks the reviews (made by hand, far fewer than
   * events) instead of looking up a review for every event of the view (0.3–0.6 s at 1,000,000
   * events). Reviews naming no stored event drop out in the join.
   */
  function viewCount(filter: ViolationFilter): RawBuilder<number> {
    const { reviewStatus, ...rest } = filter;
    if (reviewStatus === 'open') {
      const reviewed = db
        .selectFrom('audit_events')
        .select(sql<number>`count(*)`.as('count'))
        .where(matchingView(rest))
        .where('event_id', 'in', db.selectFrom('event_reviews').select('event_reviews.event_id'));
      return sql<number>`(${viewCount(rest)}) - (${reviewed})`;
    }
    if (Object.values(filter).every((value) => value === undefined))
      return sql<number>`(${db.selectFrom('audit_chain_head').select('event_count').where('id', '=', HEAD_ID)})`;
    return sql<number>`(${db
      .selectFrom('audit_events')
      .select(sql<number>`count(*)`.as('count'))
      .where(matchingView(filter))})`;
  }

  /** The events whose natural key is neither stored nor earlier in the batch, in input order. */
  async function eventsNotYetStored(
    trx: Kysely<Database>,
    events: readonly AuditEventRecord[],
  ): Promise<{ event: AuditEventRecord; naturalKey: string }[]> {
    const byKey = new Map<string, AuditEventRecord>();
    for (const event of events) {
      const key = auditNaturalKey(event);
      if (!byKey.has(key)) byKey.set(key, event);
    }
    for (const batch of batchesWithinParameterLimit(dialect, [...byKey.keys()], 1)) {
      const stored = await trx
        .selectFrom('audit_events')
        .select('natural_key')
        .where('natural_key', 'in', batch)
        .execute();
      for (const row of stored) byKey.delete(row.natural_key);
    }
    return [...byKey].map(([naturalKey, event]) => ({ event, naturalKey }));
  }
}

/** The kind of an event's latest review (null when none), as a correlated subquery. */
function latestReviewOf(eb: AuditEventsWhere) {
  return eb
    .selectFrom('event_reviews')
    .select('event_reviews.status')
    .whereRef('event_reviews.event_id', '=', 'audit_events.event_id')
    .orderBy('event_reviews.review_seq', 'desc')
    .limit(1);
}

/** The conditions of a dashboard view (see ViolationFilter). */
function matchingView(filter: ViolationFilter) {
  return (eb: AuditEventsWhere) => {
    const conditions = [];
    if (filter.severities !== undefined) conditions.push(valueIn(eb, 'severity', filter.severities));
    if (filter.violationTypes !== undefined)
      conditions.push(valueIn(eb, 'violation_type', filter.violationTypes));
    if (filter.editor !== undefined)
      conditions.push(eb(eb.fn<string>('lower', ['changed_by']), '=', filter.editor.toLowerCase()));
    if (filter.workRequest !== undefined) conditions.push(eb('work_request', '=', filter.workRequest));
    if (filter.weekEnding !== undefined) conditions.push(eb('week_ending', '=', filter.weekEnding));
    if (filter.sheetId !== undefined) conditions.push(eb('sheet_id', '=', filter.sheetId));
    if (filter.changedFrom !== undefined)
      conditions.push(eb('changed_at', '>=', instantToDb(filter.changedFrom)));
    if (filter.changedTo !== undefined)
      conditions.push(eb('changed_at', '<=', instantToDb(filter.changedTo)));
    if (filter.maxSeq !== undefined) conditions.push(eb('seq', '<=', filter.maxSeq));
    if (filter.reviewStatus === 'open') conditions.push(eb.not(eb.exists(latestReviewOf(eb))));
    if (filter.reviewStatus === 'acknowledged') conditions.push(eb(latestReviewOf(eb), '=', 'acknowledged'));
    if (filter.reviewStatus === 'resolved')
      conditions.push(eb(latestReviewOf(eb), 'in', ['resolved', 'reverted']));
    return eb.and(conditions);
  };
}

/** Severity by rank (INFO lowest), not alphabetically. */
const SEVERITY_RANK = sql<number>`case severity when 'INFO' then 0 when 'LOW' then 1 when 'MEDIUM' then 2 when 'HIGH' then 3 when 'CRITICAL' then 4 else 5 end`;

/**
 * Orders a view: events without a value for the key last in either direction (the engines
 * disagree on where NULL sorts, so it is spelled out with NULLS LAST — which both engines read, and
 * which, unlike a `case` expression, an index in the same order serves), then seq as the tie-break.
 */
function orderedBy<Q extends SelectQueryBuilder<Database, 'audit_events', object>>(
  query: Q,
  sort: ViolationSort,
): Q {
  const { order } = sort;
  const column = { changedAt: 'changed_at', deltaCents: 'delta', riskScore: 'risk_score' } as const;
  if (sort.key === 'severity') return query.orderBy(SEVERITY_RANK, order).orderBy('seq', order) as Q;
  if (sort.key === 'seq') return query.orderBy('seq', order) as Q;
  const name = column[sort.key];
  return query
    .orderBy(name, (by) => (order === 'asc' ? by.asc() : by.desc()).nullsLast())
    .orderBy('seq', order) as Q;
}

/** `column IN (…)`, false for an empty list (which SQL cannot spell). */
function valueIn(eb: AuditEventsWhere, column: 'severity' | 'violation_type', values: readonly string[]) {
  return values.length === 0 ? sql<SqlBool>`1 = 0` : eb(column, 'in', values);
}
