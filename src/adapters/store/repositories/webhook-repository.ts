import type { Selectable } from 'kysely';
import type { WebhookRecord, WebhookStore } from '../../../ports/store.js';
import { instantToDb, instantToDbNullable } from '../column-codecs.js';
import type { WebhooksTable } from '../database-schema.js';
import type { SqlContext } from '../sql-context.js';

function fromRow(row: Selectable<WebhooksTable>): WebhookRecord {
  return {
    id: row.id,
    sheetId: row.sheet_id,
    callbackUrl: row.callback_url,
    sharedSecret: row.shared_secret,
    status: row.status,
    lastCallbackAt: row.last_callback_at,
  };
}

/** The webhooks table behind WebhookStore. */
export function createWebhookRepository({ db }: SqlContext): WebhookStore {
  return {
    async upsertWebhook(webhook) {
      const fields = {
        sheet_id: webhook.sheetId,
        callback_url: webhook.callbackUrl,
        shared_secret: webhook.sharedSecret,
        status: webhook.status,
        last_callback_at: instantToDbNullable(webhook.lastCallbackAt),
      };
      await db
        .insertInto('webhooks')
        .values({ id: webhook.id, ...fields })
        .onConflict((conflict) => conflict.column('id').doUpdateSet(fields))
        .execute();
    },

    async getWebhook(id) {
      const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
      return row && fromRow(row);
    },

    async listWebhooks(filter = {}) {
      const rows = await db
        .selectFrom('webhooks')
        .selectAll()
        .$if(filter.sheetId !== undefined, (query) => query.where('sheet_id', '=', filter.sheetId as number))
        .orderBy('id')
        .execute();
      return rows.map(fromRow);
    },

    async recordWebhookCallback(id, at) {
      const result = await db
        .updateTable('webhooks')
        .set({ last_callback_at: instantToDb(at) })
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}
