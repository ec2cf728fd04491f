/**
 * Indexes for the dashboard at a million audit events (issue #10, bench/dashboard-api-p95.ts): the
 * Violations page filters by rule code, usually newest first, and shows how many events match —
 * without an index leading with the code both the page and its count read the whole table (0.9 s at
 * 1,000,000 events on Postgres). The other figures read through indexes that already exist (see
 * dashboard-figure-queries.ts).
 */
import type { Kysely } from 'kysely';
import type { StoreMigration } from './store-migration.js';

export const dashboardScaleIndexes: StoreMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createIndex('audit_events_type_seq_idx')
      .on('audit_events')
      .columns(['violation_type', 'seq'])
      .execute();
  },
};
