import type { Selectable } from 'kysely';
import type { JsonObject } from '../../../domain/audit-chain.js';
import type { RunRecord, RunStatus, RunStore } from '../../../ports/store.js';
import { instantToDb, jsonFromDbNullable, jsonToDbNullable } from '../column-codecs.js';
import type { RunsTable } from '../database-schema.js';
import type { SqlContext } from '../sql-context.js';

/** The runs table behind RunStore. */
export function createRunRepository({ db, dialect }: SqlContext): RunStore {
  const fromRow = (row: Selectable<RunsTable>): RunRecord => ({
    id: row.id,
    kind: row.kind,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    status: row.status as RunStatus,
    summary: jsonFromDbNullable<JsonObject>(dialect, row.summary),
    error: row.error,
  });

  return {
    async startRun(run) {
      await db
        .insertInto('runs')
        .values({
          id: run.id,
          kind: run.kind,
          started_at: instantToDb(run.startedAt),
          finished_at: null,
          status: 'running',
          summary: null,
          error: null,
        })
        .execute();
    },

    async finishRun(id, outcome) {
      const result = await db
        .updateTable('runs')
        .set({
          finished_at: instantToDb(outcome.finishedAt),
          status: outcome.status,
          summary: jsonToDbNullable(outcome.summary),
          error: outcome.error,
        })
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async getRun(id) {
      const row = await db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
      return row && fromRow(row);
    },

    async listRecentRuns({ limit, kind }) {
      const rows = await db
        .selectFrom('runs')
        .selectAll()
        .$if(kind !== undefined, (query) => query.where('kind', '=', kind as string))
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(fromRow);
    },
  };
}
