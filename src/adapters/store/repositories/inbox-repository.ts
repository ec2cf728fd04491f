import type { Selectable } from 'kysely';
import type { InboxItem, InboxStatus, InboxStore } from '../../../ports/store.js';
import { instantToDb, instantToDbNullable } from '../column-codecs.js';
import type { WebhookInboxTable } from '../database-schema.js';
import type { SqlContext } from '../sql-context.js';

/**
 * Statuses that can be claimed once due: new and retrying items, and processing items whose lease
 * ran out because their worker died. A failed item with no retry time has next_attempt_at null
 * and is never due again.
 */
const CLAIMABLE: readonly InboxStatus[] = ['pending', 'failed', 'processing'];

function fromRow(row: Selectable<WebhookInboxTable>): InboxItem {
  return {
    key: row.key,
    webhookId: row.webhook_id,
    receivedAt: row.received_at,
    body: row.body,
    status: row.status as InboxStatus,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    processedAt: row.processed_at,
    error: row.error,
  };
}

/** The webhook_inbox table behind InboxStore. */
export function createInboxRepository({ db, dialect }: SqlContext): InboxStore {
  return {
    async enqueueCallback(callback) {
      const receivedAt = instantToDb(callback.receivedAt);
      const result = await db
        .insertInto('webhook_inbox')
        .values({
          key: `${callback.webhookId}:${callback.nonce}`,
          webhook_id: callback.webhookId,
          received_at: receivedAt,
          body: callback.body,
          status: 'pending',
          attempts: 0,
          next_attempt_at: receivedAt,
          processed_at: null,
          error: null,
        })
        .onConflict((conflict) => conflict.column('key').doNothing())
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },

    async claimNextBatch({ now, leaseUntil, limit }) {
      // One UPDATE … WHERE key IN (SELECT …) is atomic on both engines. On Postgres the inner
      // SELECT also skips rows another claimer has locked, so concurrent workers split the
      // backlog instead of queueing behind each other; SQLite has one writer at a time anyway.
      const due = db
        .selectFrom('webhook_inbox')
        .select('key')
        .where('status', 'in', CLAIMABLE)
        .where('next_attempt_at', '<=', instantToDb(now))
        .orderBy('next_attempt_at')
        .orderBy('key')
        .limit(limit)
        .$if(dialect === 'postgres', (query) => query.forUpdate().skipLocked());
      const rows = await db
        .updateTable('webhook_inbox')
        .set((eb) => ({
          status: 'processing',
          attempts: eb('attempts', '+', 1),
          next_attempt_at: instantToDb(leaseUntil),
        }))
        .where('key', 'in', due)
        .returningAll()
        .execute();
      // RETURNING order is unspecified on both engines.
      return rows
        .map(fromRow)
        .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.key.localeCompare(b.key));
    },

    async markDone(key, processedAt) {
      await db
        .updateTable('webhook_inbox')
        .set({ status: 'done', processed_at: instantToDb(processedAt), next_attempt_at: null, error: null })
        .where('key', '=', key)
        .execute();
    },

    async markFailed(key, failure) {
      await db
        .updateTable('webhook_inbox')
        .set({
          status: 'failed',
          error: failure.error,
          next_attempt_at: instantToDbNullable(failure.nextAttemptAt),
        })
        .where('key', '=', key)
        .execute();
    },

    async countDue(now) {
      const row = await db
        .selectFrom('webhook_inbox')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('status', 'in', CLAIMABLE)
        .where('next_attempt_at', '<=', instantToDb(now))
        .executeTakeFirst();
      return Number(row?.count ?? 0);
    },

    async depth() {
      const rows = await db
        .selectFrom('webhook_inbox')
        .select((eb) => ['status', eb.fn.countAll<number>().as('count')])
        .groupBy('status')
        .execute();
      const depth: Record<InboxStatus, number> = { pending: 0, processing: 0, done: 0, failed: 0 };
      for (const row of rows) depth[row.status as InboxStatus] = Number(row.count);
      return depth;
    },
  };
}
