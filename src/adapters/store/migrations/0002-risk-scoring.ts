/**
 * Risk scoring (issue #8): every watched change with its observation and scores, the trained models
 * and the auditors' verdicts. Verdicts are evidence, so the database refuses to change them, as it
 * does for the audit log.
 */
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';
import type { StoreMigration } from './store-migration.js';

export const riskScoring: StoreMigration = {
  async up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
    const pg = dialect === 'postgres';
    const t = {
      id: pg ? 'bigint' : 'integer',
      integer: 'integer',
      json: pg ? 'jsonb' : 'text',
      instant: pg ? 'timestamptz' : 'text',
      score: pg ? 'double precision' : 'real',
    } as const;
    const table = (name: string) =>
      db.schema
        .createTable(name)
        .$call((builder: CreateTableBuilder<string, never>) =>
          pg ? builder : builder.modifyEnd(sql`strict`),
        );

    await table('risk_changes')
      .addColumn('change_id', 'text', (c) => c.notNull().primaryKey())
      .addColumn('run_id', 'text', (c) => c.notNull())
      .addColumn('sheet_id', t.id, (c) => c.notNull())
      .addColumn('row_id', t.id, (c) => c.notNull())
      .addColumn('changed_at', t.instant, (c) => c.notNull())
      .addColumn('editor', 'text')
      .addColumn('delta_cents', t.id)
      .addColumn('observation', t.json, (c) => c.notNull())
      .addColumn('anomaly_score', t.score)
      .addColumn('risk_score', t.score, (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('signature', 'text', (c) => c.notNull())
      .addColumn('model_id', 'text')
      .addColumn('explanation', t.json, (c) => c.notNull())
      .addColumn('flag_rank', t.integer)
      .addColumn('flag_priority', t.score)
      .execute();
    await db.schema
      .createIndex('risk_changes_changed_idx')
      .on('risk_changes')
      .columns(['changed_at', 'change_id'])
      .execute();
    await db.schema
      .createIndex('risk_changes_run_idx')
      .on('risk_changes')
      .columns(['run_id', 'flag_rank'])
      .execute();

    await table('risk_models')
      .addColumn('id', 'text', (c) => c.notNull().primaryKey())
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('trained_from', t.instant, (c) => c.notNull())
      .addColumn('trained_to', t.instant, (c) => c.notNull())
      .addColumn('sample_count', t.integer, (c) => c.notNull())
      .addColumn('parameters', 'text', (c) => c.notNull())
      .addColumn('metrics', t.json, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('risk_models_created_idx')
      .on('risk_models')
      .columns(['created_at', 'id'])
      .execute();

    await table('risk_verdicts')
      .addColumn('change_id', 'text', (c) => c.notNull())
      .addColumn('decided_at', t.instant, (c) => c.notNull())
      .addColumn('verdict', 'text', (c) => c.notNull())
      .addColumn('reviewer', 'text', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('signature', 'text', (c) => c.notNull())
      .addColumn('run_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('risk_verdicts_pk', ['change_id', 'decided_at'])
      .execute();

    // reject_append_only_change() was created with the audit tables in 0001.
    if (pg) {
      await sql`
        create trigger risk_verdicts_append_only
        before update or delete or truncate on risk_verdicts
        for each statement execute function reject_append_only_change()`.execute(db);
    } else {
      for (const operation of ['update', 'delete'] as const) {
        await sql`
          create trigger ${sql.id(`risk_verdicts_append_only_${operation}`)}
          before ${sql.raw(operation)} on risk_verdicts
          begin select raise(abort, 'risk_verdicts is append-only'); end`.execute(db);
      }
    }
  },
};
