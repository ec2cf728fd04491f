import type { Selectable } from 'kysely';
import type { JsonObject } from '../../../domain/audit-chain.js';
import type { AlertRecord, AlertStatus, AlertStore } from '../../../ports/store.js';
import { instantToDb, instantToDbNullable, jsonFromDb, jsonToDb } from '../column-codecs.js';
import type { AlertsTable } from '../database-schema.js';
import type { SqlContext } from '../sql-context.js';

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
