/**
 * Correction requests for closed weeks (issue #12): the request as made, and its steps (approval,
 * rejection, applied, failed) numbered per request. Both are evidence, so the database refuses to
 * change or delete them; the status is the latest step. The (request_id, step_no) key makes two
 * people deciding at once collide instead of both winning.
 */
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';
import type { StoreMigration } from './store-migration.js';

const APPEND_ONLY = ['correction_requests', 'correction_steps'] as const;

export const corrections: StoreMigration = {
  async up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
    const pg = dialect === 'postgres';
    const id = pg ? 'bigint' : 'integer';
    const instant = pg ? 'timestamptz' : 'text';
    const table = (name: string) =>
      db.schema
        .createTable(name)
        .$call((builder: CreateTableBuilder<string, never>) =>
          pg ? builder : builder.modifyEnd(sql`strict`),
        );

    await table('correction_requests')
      .addColumn('id', 'text', (c) => c.notNull().primaryKey())
      .addColumn('requested_at', instant, (c) => c.notNull())
      .addColumn('requested_by', 'text', (c) => c.notNull())
      .addColumn('sheet_id', id, (c) => c.notNull())
      .addColumn('row_id', id, (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('new_value', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('current_value', 'text')
      .addColumn('sheet_name', 'text')
      .addColumn('work_request', 'text')
      .addColumn('week_ending', 'text')
      .addColumn('event_id', 'text')
      .execute();
    await db.schema
      .createIndex('correction_requests_requested_idx')
      .on('correction_requests')
      .columns(['requested_at', 'id'])
      .execute();
    await sql`create index correction_requests_requester_idx on correction_requests (lower(requested_by))`.execute(
      db,
    );

    await table('correction_steps')
      .addColumn('request_id', 'text', (c) => c.notNull().references('correction_requests.id'))
      .addColumn('step_no', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('at', instant, (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('details', pg ? 'jsonb' : 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('correction_steps_pk', ['request_id', 'step_no'])
      .execute();
    await db.schema
      .createIndex('correction_steps_kind_idx')
      .on('correction_steps')
      .columns(['kind', 'at'])
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
