import type { Selectable, Updateable } from 'kysely';
import type { JsonObject } from '../../../domain/audit-chain.js';
import type { BackupRecord, BackupStatus, BackupStore } from '../../../ports/store.js';
import { instantToDb, instantToDbNullable, jsonFromDbNullable, jsonToDbNullable } from '../column-codecs.js';
import type { BackupsTable } from '../database-schema.js';
import type { SqlContext } from '../sql-context.js';

/** The backups table behind BackupStore. */
export function createBackupRepository({ db, dialect }: SqlContext): BackupStore {
  const fromRow = (row: Selectable<BackupsTable>): BackupRecord => ({
    id: row.id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    status: row.status as BackupStatus,
    location: row.location,
    sizeBytes: row.size_bytes,
    checksum: row.checksum,
    durationMs: row.duration_ms,
    drillResult: jsonFromDbNullable<JsonObject>(dialect, row.drill_result),
    error: row.error,
    manifest: jsonFromDbNullable<JsonObject>(dialect, row.manifest),
  });

  const getBackup = async (id: string) => {
    const row = await db.selectFrom('backups').selectAll().where('id', '=', id).executeTakeFirst();
    return row && fromRow(row);
  };

  return {
    async recordBackup(backup) {
      await db
        .insertInto('backups')
        .values({
          id: backup.id,
          started_at: instantToDb(backup.startedAt),
          finished_at: instantToDbNullable(backup.finishedAt),
          status: backup.status,
          location: backup.location,
          size_bytes: backup.sizeBytes,
          checksum: backup.checksum,
          duration_ms: backup.durationMs,
          drill_result: jsonToDbNullable(backup.drillResult),
          error: backup.error,
          manifest: jsonToDbNullable(backup.manifest),
        })
        .execute();
    },

    async updateBackup(id, changes) {
      const set: Updateable<BackupsTable> = {};
      if (changes.finishedAt !== undefined) set.finished_at = instantToDbNullable(changes.finishedAt);
      if (changes.status !== undefined) set.status = changes.status;
      if (changes.location !== undefined) set.location = changes.location;
      if (changes.sizeBytes !== undefined) set.size_bytes = changes.sizeBytes;
      if (changes.checksum !== undefined) set.checksum = changes.checksum;
      if (changes.durationMs !== undefined) set.duration_ms = changes.durationMs;
      if (changes.drillResult !== undefined) set.drill_result = jsonToDbNullable(changes.drillResult);
      if (changes.error !== undefined) set.error = changes.error;
      if (changes.manifest !== undefined) set.manifest = jsonToDbNullable(changes.manifest);
      if (Object.keys(set).length > 0) {
        await db.updateTable('backups').set(set).where('id', '=', id).execute();
      }
      return getBackup(id);
    },

    async listBackups({ limit }) {
      const rows = await db
        .selectFrom('backups')
        .selectAll()
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(fromRow);
    },

    async latestVerifiedBackup() {
      const row = await db
        .selectFrom('backups')
        .selectAll()
        .where('status', '=', 'verified')
        .orderBy('finished_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && fromRow(row);
    },
  };
}
