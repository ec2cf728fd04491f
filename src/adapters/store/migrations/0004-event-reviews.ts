/**
 * Reviews of audit events (issue #7): acknowledgements, resolutions and reverts with the
 * reviewer's comment. They are evidence, so the database refuses to change them, as it does for the
 * audit log. Also indexes for the dashboard's Violations filters and sorts.
 */
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';
import type { StoreMigration } from './store-migration.js';

export const eventReviews: StoreMigration = {
  async up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
    const pg = dialect === 'postgres';
    await db.schema
      .createTable('event_reviews')
      .$call((builder: CreateTableBuilder<string, never>) => (pg ? builder : builder.modifyEnd(sql`strict`)))
      // The order reviews were made in: the latest one is the event's status.
      .addColumn('review_seq', pg ? 'bigint' : 'integer', (c) =>
        pg ? c.notNull().primaryKey().generatedAlwaysAsIdentity() : c.notNull().primaryKey().autoIncrement(),
      )
      // No foreign key: backups load tables in any order; the service checks the event exists.
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('comment', 'text', (c) => c.notNull())
      .addColumn('reviewer', 'text', (c) => c.notNull())
      .addColumn('reviewed_at', pg ? 'timestamptz' : 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('event_reviews_event_idx')
      .on('event_reviews')
      .columns(['event_id', 'review_seq'])
      .execute();

    // The Violations page filters by editor (case-insensitive) and week, and sorts by these keys.
    await sql`create index audit_events_changed_by_idx on audit_events (lower(changed_by))`.execute(db);
    await db.schema
      .createIndex('audit_events_week_idx')
      .on('audit_events')
      .columns(['week_ending'])
      .execute();
    await db.schema
      .createIndex('audit_events_risk_idx')
      .on('audit_events')
      .columns(['risk_score', 'seq'])
      .execute();
    await db.schema
      .createIndex('audit_events_delta_idx')
      .on('audit_events')
      .columns(['delta', 'seq'])
      .execute();

    // reject_append_only_change() was created with the audit tables in 0001.
    if (pg) {
      await sql`
        create trigger event_reviews_append_only
        before update or delete or truncate on event_reviews
        for each statement execute function reject_append_only_change()`.execute(db);
    } else {
      for (const operation of ['update', 'delete'] as const) {
        await sql`
          create trigger ${sql.id(`event_reviews_append_only_${operation}`)}
          before ${sql.raw(operation)} on event_reviews
          begin select raise(abort, 'event_reviews is append-only'); end`.execute(db);
      }
    }
  },
};
