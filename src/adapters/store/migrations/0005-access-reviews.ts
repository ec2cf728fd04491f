/**
 * Monthly access reviews (issue #7, billing-domain.md §4): each review with its subjects frozen as
 * JSON, and the reviewers' decisions. Both are evidence, so the database refuses to change them,
 * as it does for the audit log and the risk verdicts.
 */
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';
import type { StoreMigration } from './store-migration.js';

const APPEND_ONLY = ['access_reviews', 'access_review_decisions'] as const;

export const accessReviews: StoreMigration = {
  async up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
    const pg = dialect === 'postgres';
    const json = pg ? 'jsonb' : 'text';
    const instant = pg ? 'timestamptz' : 'text';
    const table = (name: string) =>
      db.schema
        .createTable(name)
        .$call((builder: CreateTableBuilder<string, never>) =>
          pg ? builder : builder.modifyEnd(sql`strict`),
        );

    await table('access_reviews')
      .addColumn('id', 'text', (c) => c.notNull().primaryKey())
      .addColumn('created_at', instant, (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('subject_count', 'integer', (c) => c.notNull())
      .addColumn('subjects', json, (c) => c.notNull())
      // Thresholds and the sheets read (with any that could not be).
      .addColumn('details', json, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('access_reviews_created_idx')
      .on('access_reviews')
      .columns(['created_at', 'id'])
      .execute();

    await table('access_review_decisions')
      .addColumn('decision_id', 'text', (c) => c.notNull().primaryKey())
      .addColumn('review_id', 'text', (c) => c.notNull().references('access_reviews.id'))
      .addColumn('subject_key', 'text', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('reviewer', 'text', (c) => c.notNull())
      .addColumn('decided_at', instant, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('access_review_decisions_review_idx')
      .on('access_review_decisions')
      .columns(['review_id', 'decided_at'])
      .execute();
    await db.schema
      .createIndex('access_review_decisions_subject_idx')
      .on('access_review_decisions')
      .columns(['subject_key', 'decided_at'])
      .execute();

    // reject_append_only_change() was created with the audit tables in 0001.
    for (const name of APPEND_ONLY) {
      if (pg) {
        await sql`
          create trigger ${sql.id(`${name}_append_only`)}
          before update or delete or truncate on ${sql.table(name)}
          for each statement execute function reject_append_only_change()`.execute(db);
      } else {
        for (const operation of ['update', 'delete'] as const) {
          await sql`
            create trigger ${sql.id(`${name}_append_only_${operation}`)}
            before ${sql.raw(operation)} on ${sql.table(name)}
            begin select raise(abort, ${sql.lit(`${name} is append-only`)}); end`.execute(db);
        }
      }
    }
  },
};
