import { sql, type Selectable } from 'kysely';
import type { JsonObject } from '../../../domain/audit-chain.js';
import type { AlertRecord, AlertStatus, AlertStore } from '../../../ports/store.js';
import { instantToDb, instantToDbNullable, jsonFromDb, jsonToDb } from '../column-codecs.js';
import type { AlertsTable } from '../database-schema.js';
import type { SqlContext } from '../sql-context.js';
import { batchesWithinParameterLimit } from '../bind-parameter-limits.js';

/** The alerts table behind AlertStore. */
export function createAlertRepository({ db, dialect }: SqlContext): AlertStore {
  const fromRow = (row: Selectable<AlertsTable>): AlertRecord => ({
    id: row.id,
    dedupeKey: row.dedupe_key,
    rule: row.rule,
    channel: row.channel,
    recipients: jsonFromDb<string[]>(dialect, row.recipients),
    subject: row.subject,
    payload: jsonFromDb<JsonObject>(dialect, row.payload),
    status: row.status as AlertStatus,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    sentAt: row.sent_at,
    error: row.error,
    createdAt: row.created_at,
  });

  return {
    async recordAlert(alert) {
      const result = await db
        .insertInto('alerts')
        .values({
          id: alert.id,
          dedupe_key: alert.dedupeKey,
          rule: alert.rule,
          channel: alert.channel,
          recipients: jsonToDb(alert.recipients),
          subject: alert.subject,
          payload: jsonToDb(alert.payload),
          status: 'pending',
          attempts: 0,
          next_attempt_at: instantToDbNullable(alert.nextAttemptAt),
          sent_at: null,
          error: null,
          created_at: instantToDb(alert.createdAt),
        })
        .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },

    async markAlertSent(id, sentAt) {
      await db
        .updateTable('alerts')
        .set((eb) => ({
          status: 'sent',
          attempts: eb('attempts', '+', 1),
          sent_at: instantToDb(sentAt),
          next_attempt_at: null,
          error: null,
        }))
        .where('id', '=', id)
        .execute();
    },

    async markAlertFailed(id, failure) {
      await db
        .updateTable('alerts')
        .set((eb) => ({
          status: 'failed',
          attempts: eb('attempts', '+', 1),
          error: failure.error,
          next_attempt_at: instantToDbNullable(failure.nextAttemptAt),
        }))
        .where('id', '=', id)
        .execute();
    },

    async alertedEventIds({ rule, channel, eventIds }) {
      if (eventIds.length === 0) return [];
      const found = new Set<string>();
      // The covered ids live in the payload's JSON array; each engine expands it with its own
      // table function, so the intersection happens in the database rather than over every payload.
      for (const batch of batchesWithinParameterLimit(dialect, eventIds, 1, 2)) {
        const wanted = sql.join(batch);
        const query =
          dialect === 'postgres'
            ? sql<{ event_id: string }>`
                select distinct covered.event_id from alerts
                cross join lateral jsonb_array_elements_text(alerts.payload -> 'eventIds') as covered(event_id)
                where alerts.rule = ${rule} and alerts.channel = ${channel} and covered.event_id in (${wanted})`
            : sql<{ event_id: string }>`
                select distinct covered.value as event_id from alerts, json_each(alerts.payload, '$.eventIds') as covered
                where alerts.rule = ${rule} and alerts.channel = ${channel} and covered.value in (${wanted})`;
        const { rows } = await query.execute(db);
        for (const row of rows) found.add(row.event_id);
      }
      return eventIds.filter((id) => found.has(id));
    },

    async listPendingAlerts({ now, limit }) {
      const at = instantToDb(now);
      const rows = await db
        .selectFrom('alerts')
        .selectAll()
        .where((eb) =>
          eb.or([
            // A new alert is due at once unless it was given a later send time.
            eb.and([
              eb('status', '=', 'pending'),
              eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', at)]),
            ]),
            eb.and([eb('status', '=', 'failed'), eb('next_attempt_at', '<=', at)]),
          ]),
        )
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(fromRow);
    },
  };
}
