import type { Selectable } from 'kysely';
import type { SheetRecord, SheetRole, SheetStatus, SheetStore } from '../../../ports/store.js';
import { instantToDbNullable, jsonFromDb, jsonToDb } from '../column-codecs.js';
import type { SheetsTable } from '../database-schema.js';
import type { SqlContext } from '../sql-context.js';

/** The sheets table behind SheetStore. */
export function createSheetRepository({ db, dialect }: SqlContext): SheetStore {
  const fromRow = (row: Selectable<SheetsTable>): SheetRecord => ({
    id: row.id,
    name: row.name,
    role: row.role as SheetRole,
    locationPath: row.location_path,
    version: row.version,
    columnMap: jsonFromDb<Record<string, number>>(dialect, row.column_map),
    missingColumns: jsonFromDb<string[]>(dialect, row.missing_columns),
    status: row.status as SheetStatus,
    lastSyncedAt: row.last_synced_at,
    lastSeenAt: row.last_seen_at,
  });

  return {
    async upsertSheet(sheet) {
      const { id, ...fields } = {
        id: sheet.id,
        name: sheet.name,
        role: sheet.role,
        location_path: sheet.locationPath,
        version: sheet.version,
        column_map: jsonToDb(sheet.columnMap),
        missing_columns: jsonToDb(sheet.missingColumns),
        status: sheet.status,
        last_synced_at: instantToDbNullable(sheet.lastSyncedAt),
        last_seen_at: instantToDbNullable(sheet.lastSeenAt),
      };
      await db
        .insertInto('sheets')
        .values({ id, ...fields })
        .onConflict((conflict) => conflict.column('id').doUpdateSet(fields))
        .execute();
    },

    async getSheet(id) {
      const row = await db.selectFrom('sheets').selectAll().where('id', '=', id).executeTakeFirst();
      return row && fromRow(row);
    },

    async listSheets(filter = {}) {
      const rows = await db
        .selectFrom('sheets')
        .selectAll()
        .$if(filter.role !== undefined, (query) => query.where('role', '=', filter.role as SheetRole))
        .$if(filter.status !== undefined, (query) => query.where('status', '=', filter.status as SheetStatus))
        .orderBy('id')
        .execute();
      return rows.map(fromRow);
    },

    async markSheetStatus(id, status) {
      const result = await db.updateTable('sheets').set({ status }).where('id', '=', id).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}
