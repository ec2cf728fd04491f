import { sql, type Insertable, type Selectable } from 'kysely';
import type { CellValue, RowSnapshot, SnapshotStore } from '../../../ports/store.js';
import { batchesWithinParameterLimit } from '../bind-parameter-limits.js';
import {
  booleanFromDb,
  booleanToDb,
  instantToDb,
  instantToDbNullable,
  jsonFromDb,
  jsonToDb,
} from '../column-codecs.js';
import type { RowSnapshotsTable } from '../database-schema.js';
import type { SqlContext } from '../sql-context.js';
import { liveRowStates } from './dashboard-figure-queries.js';

const SNAPSHOT_COLUMNS = 9;

/** The row_snapshots table behind SnapshotStore. */
export function createSnapshotRepository(context: SqlContext): SnapshotStore {
  const { db, dialect } = context;
  const toRow = (snapshot: RowSnapshot): Insertable<RowSnapshotsTable> => ({
    sheet_id: snapshot.sheetId,
    row_id: snapshot.rowId,
    row_number: snapshot.rowNumber,
    modified_at: instantToDbNullable(snapshot.modifiedAt),
    content_hash: snapshot.contentHash,
    cell_values: jsonToDb(snapshot.values),
    billable: booleanToDb(dialect, snapshot.billable),
    deleted_at: instantToDbNullable(snapshot.deletedAt),
    last_run_id: snapshot.lastRunId,
  });

  const fromRow = (row: Selectable<RowSnapshotsTable>): RowSnapshot => ({
    sheetId: row.sheet_id,
    rowId: row.row_id,
    rowNumber: row.row_number,
    modifiedAt: row.modified_at,
    contentHash: row.content_hash,
    values: jsonFromDb<Record<string, CellValue>>(dialect, row.cell_values),
    billable: booleanFromDb(row.billable),
    deletedAt: row.deleted_at,
    lastRunId: row.last_run_id,
  });

  return {
    async upsertSnapshots(snapshots) {
      if (snapshots.length === 0) return;
      const rows = snapshots.map(toRow);
      await db.transaction().execute(async (trx) => {
        for (const batch of batchesWithinParameterLimit(dialect, rows, SNAPSHOT_COLUMNS)) {
          await trx
            .insertInto('row_snapshots')
            .values(batch)
            .onConflict((conflict) =>
              conflict.columns(['sheet_id', 'row_id']).doUpdateSet((eb) => ({
                row_number: eb.ref('excluded.row_number'),
                modified_at: eb.ref('excluded.modified_at'),
                content_hash: eb.ref('excluded.content_hash'),
                cell_values: eb.ref('excluded.cell_values'),
                billable: eb.ref('excluded.billable'),
                deleted_at: eb.ref('excluded.deleted_at'),
                last_run_id: eb.ref('excluded.last_run_id'),
              })),
            )
            .execute();
        }
      });
    },

    async listSnapshots(sheetId, options = {}) {
      const rows = await db
        .selectFrom('row_snapshots')
        .selectAll()
        .where('sheet_id', '=', sheetId)
        .$if(!options.includeDeleted, (query) => query.where('deleted_at', 'is', null))
        .orderBy('row_number')
        .orderBy('row_id')
        .execute();
      return rows.map(fromRow);
    },

    async listRowIds(sheetId, options = {}) {
      const rows = await db
        .selectFrom('row_snapshots')
        .select('row_id')
        .where('sheet_id', '=', sheetId)
        .$if(!options.includeDeleted, (query) => query.where('deleted_at', 'is', null))
        .orderBy('row_id')
        .execute();
      return rows.map((row) => row.row_id);
    },

    async markRowsDeleted(sheetId, rowIds, deletedAt, runId) {
      if (rowIds.length === 0) return 0;
      const at = instantToDb(deletedAt);
      return db.transaction().execute(async (trx) => {
        let marked = 0;
        for (const batch of batchesWithinParameterLimit(dialect, rowIds, 1, 3)) {
          const result = await trx
            .updateTable('row_snapshots')
            .set({ deleted_at: at, last_run_id: runId })
            .where('sheet_id', '=', sheetId)
            .where('row_id', 'in', batch)
            .where('deleted_at', 'is', null)
            .executeTakeFirst();
          marked += Number(result.numUpdatedRows);
        }
        return marked;
      });
    },

    liveRowStates: () => liveRowStates(context),

    async countSnapshots(filter = {}) {
      const row = await db
        .selectFrom('row_snapshots')
        .select(sql<number>`count(*)`.as('count'))
        .$if(filter.sheetId !== undefined, (query) => query.where('sheet_id', '=', filter.sheetId as number))
        .$if(filter.billable !== undefined, (query) =>
          query.where('billable', '=', booleanToDb(dialect, filter.billable as boolean)),
        )
        .$if(!filter.includeDeleted, (query) => query.where('deleted_at', 'is', null))
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
  };
}
