/**
 * The first schema: sync state, audit log, publishing, webhooks, access and operations tables.
 * Column types differ by engine only where the engines differ (see database-schema.ts); SQLite
 * tables are STRICT so a wrongly typed value fails on SQLite as it would on Postgres.
 */
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';
import type { StoreMigration } from './store-migration.js';

function columnTypes(dialect: StoreDialect) {
  return dialect === 'postgres'
    ? ({
        id: 'bigint',
        integer: 'integer',
        json: 'jsonb',
        boolean: 'boolean',
        instant: 'timestamptz',
        date: 'date',
        score: 'double precision',
      } as const)
    : ({
        id: 'integer',
        integer: 'integer',
        json: 'text',
        boolean: 'integer',
        instant: 'text',
        date: 'text',
        score: 'real',
      } as const);
}

export const initialSchema: StoreMigration = {
  async up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
    const t = columnTypes(dialect);
    const table = (name: string) =>
      db.schema
        .createTable(name)
        .$call((builder: CreateTableBuilder<string, never>) =>
          dialect === 'sqlite' ? builder.modifyEnd(sql`strict`) : builder,
        );
    const index = (name: string, on: string, columns: string[]) =>
      db.schema.createIndex(name).on(on).columns(columns).execute();

    await table('sheets')
      .addColumn('id', t.id, (c) => c.notNull().primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('location_path', 'text')
      .addColumn('version', t.id)
      .addColumn('column_map', t.json, (c) => c.notNull())
      .addColumn('missing_columns', t.json, (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('last_synced_at', t.instant)
      .addColumn('last_seen_at', t.instant)
      .execute();

    await table('row_snapshots')
      .addColumn('sheet_id', t.id, (c) => c.notNull().references('sheets.id'))
      .addColumn('row_id', t.id, (c) => c.notNull())
      .addColumn('row_number', t.integer, (c) => c.notNull())
      .addColumn('modified_at', t.instant)
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('cell_values', t.json, (c) => c.notNull())
      .addColumn('billable', t.boolean, (c) => c.notNull())
      .addColumn('deleted_at', t.instant)
      .addColumn('last_run_id', 'text')
      .addPrimaryKeyConstraint('row_snapshots_pk', ['sheet_id', 'row_id'])
      .execute();

    await table('runs')
      .addColumn('id', 'text', (c) => c.notNull().primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('started_at', t.instant, (c) => c.notNull())
      .addColumn('finished_at', t.instant)
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('summary', t.json)
      .addColumn('error', 'text')
      .execute();
    await index('runs_started_at_idx', 'runs', ['started_at']);

    await table('audit_events')
      // AUTOINCREMENT (SQLite) and identity (Postgres) never reuse a seq, even after the tail is deleted.
      .addColumn('seq', t.id, (c) =>
        dialect === 'postgres'
          ? c.notNull().primaryKey().generatedAlwaysAsIdentity()
          : c.notNull().primaryKey().autoIncrement(),
      )
      .addColumn('event_id', 'text', (c) => c.notNull().unique())
      .addColumn('natural_key', 'text', (c) => c.notNull().unique())
      .addColumn('revision', 'text', (c) => c.notNull())
      .addColumn('run_id', 'text')
      .addColumn('timestamp', t.instant, (c) => c.notNull())
      .addColumn('sheet_id', t.id)
      .addColumn('row_id', t.id)
      .addColumn('work_request', 'text')
      .addColumn('column_name', 'text')
      .addColumn('violation_type', 'text', (c) => c.notNull())
      .addColumn('old_value', 'text')
      .addColumn('new_value', 'text')
      .addColumn('delta', t.id)
      .addColumn('changed_by', 'text')
      .addColumn('changed_at', t.instant)
      .addColumn('week_ending', t.date)
      .addColumn('is_historical', t.boolean, (c) => c.notNull())
      .addColumn('audit_run_id', 'text')
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('issue_description', 'text', (c) => c.notNull())
      .addColumn('suggested_fix', 'text')
      .addColumn('sheet_reference', 'text')
      .addColumn('ip_address', 'text')
      .addColumn('device_info', 'text')
      .addColumn('session_id', 'text')
      .addColumn('user_agent', 'text')
      .addColumn('risk_score', t.score)
      .addColumn('anomaly_score', t.score)
      .addColumn('predicted_category', 'text')
      .addColumn('details', t.json, (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await index('audit_events_run_id_idx', 'audit_events', ['run_id']);
    await index('audit_events_changed_at_idx', 'audit_events', ['changed_at']);
    await index('audit_events_work_request_idx', 'audit_events', ['work_request']);
    await index('audit_events_severity_type_idx', 'audit_events', ['severity', 'violation_type']);
    await index('audit_events_sheet_row_idx', 'audit_events', ['sheet_id', 'row_id']);

    // The single row every appender updates first: the lock that serialises appends, and the head
    // a verifier compares against to notice a truncated tail.
    await table('audit_chain_head')
      .addColumn('id', t.integer, (c) => c.notNull().primaryKey())
      .addColumn('event_count', t.id, (c) => c.notNull())
      .addColumn('head_seq', t.id)
      .addColumn('head_hash', 'text', (c) => c.notNull())
      .execute();
    await sql`insert into audit_chain_head (id, event_count, head_seq, head_hash) values (1, 0, null, ${'0'.repeat(64)})`.execute(
      db,
    );

    await table('audit_checkpoints')
      .addColumn('seq', t.id, (c) => c.notNull())
      .addColumn('event_count', t.id, (c) => c.notNull())
      .addColumn('head_hash', 'text', (c) => c.notNull())
      .addColumn('signature', 'text', (c) => c.notNull())
      .addColumn('key_id', 'text', (c) => c.notNull())
      .addColumn('run_id', 'text')
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addPrimaryKeyConstraint('audit_checkpoints_pk', ['seq', 'key_id'])
      .execute();

    await rejectChangesToAppendOnlyTables(db, dialect, ['audit_events', 'audit_checkpoints']);

    await table('published_reports')
      .addColumn('identity_key', 'text', (c) => c.notNull().primaryKey())
      .addColumn('work_request', 'text', (c) => c.notNull())
      .addColumn('week_ending', t.date, (c) => c.notNull())
      .addColumn('variant', 'text', (c) => c.notNull())
      .addColumn('claimer', 'text')
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('target_row_id', t.id, (c) => c.notNull())
      .addColumn('attachment_id', t.id, (c) => c.notNull())
      .addColumn('published_at', t.instant, (c) => c.notNull())
      .addColumn('run_id', 'text')
      .execute();
    await index('published_reports_wr_week_idx', 'published_reports', ['work_request', 'week_ending']);

    await table('webhooks')
      .addColumn('id', t.id, (c) => c.notNull().primaryKey())
      .addColumn('sheet_id', t.id, (c) => c.notNull())
      .addColumn('callback_url', 'text', (c) => c.notNull())
      .addColumn('shared_secret', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('last_callback_at', t.instant)
      .execute();

    await table('webhook_inbox')
      .addColumn('key', 'text', (c) => c.notNull().primaryKey())
      .addColumn('webhook_id', t.id, (c) => c.notNull())
      .addColumn('received_at', t.instant, (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', t.integer, (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', t.instant)
      .addColumn('processed_at', t.instant)
      .addColumn('error', 'text')
      .execute();
    await index('webhook_inbox_status_next_idx', 'webhook_inbox', ['status', 'next_attempt_at']);

    await table('users')
      .addColumn('id', 'text', (c) => c.notNull().primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('totp_secret', 'text')
      .addColumn('mfa_enabled', t.boolean, (c) => c.notNull())
      .addColumn('recovery_codes', t.json, (c) => c.notNull())
      .addColumn('failed_logins', t.integer, (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', t.instant)
      .addColumn('disabled_at', t.instant)
      .addColumn('last_login_at', t.instant)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();

    await table('sessions')
      .addColumn('id', 'text', (c) => c.notNull().primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('last_seen_at', t.instant, (c) => c.notNull())
      .addColumn('absolute_expires_at', t.instant, (c) => c.notNull())
      .addColumn('ip', 'text')
      .addColumn('user_agent', 'text')
      .addColumn('revoked_at', t.instant)
      .execute();
    await index('sessions_user_id_idx', 'sessions', ['user_id']);

    await table('permissions')
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('permission', 'text', (c) => c.notNull())
      .addColumn('granted_by', 'text', (c) => c.notNull())
      .addColumn('granted_at', t.instant, (c) => c.notNull())
      .addPrimaryKeyConstraint('permissions_pk', ['email', 'permission'])
      .execute();

    await table('backups')
      .addColumn('id', 'text', (c) => c.notNull().primaryKey())
      .addColumn('started_at', t.instant, (c) => c.notNull())
      .addColumn('finished_at', t.instant)
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('location', 'text')
      .addColumn('size_bytes', t.id)
      .addColumn('checksum', 'text')
      .addColumn('duration_ms', t.id)
      .addColumn('drill_result', t.json)
      .addColumn('error', 'text')
      .addColumn('manifest', t.json)
      .execute();
    await index('backups_status_finished_idx', 'backups', ['status', 'finished_at']);

    await table('alerts')
      .addColumn('id', 'text', (c) => c.notNull().primaryKey())
      .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
      .addColumn('rule', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('recipients', t.json, (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('payload', t.json, (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', t.integer, (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', t.instant)
      .addColumn('sent_at', t.instant)
      .addColumn('error', 'text')
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .execute();
    await index('alerts_status_next_idx', 'alerts', ['status', 'next_attempt_at']);
  },
};

/**
 * Makes the database itself refuse UPDATE, DELETE (and on Postgres TRUNCATE) on the audit tables,
 * so the append-only rule (DESIGN.md invariant 4) does not rest on application code alone. Tampering
 * then needs DDL first, and the hash chain still catches it.
 */
async function rejectChangesToAppendOnlyTables(
  db: Kysely<unknown>,
  dialect: StoreDialect,
  tables: readonly string[],
): Promise<void> {
  if (dialect === 'postgres') {
    await sql`
      create function reject_append_only_change() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only', tg_table_name using errcode = 'insufficient_privilege';
      end
      $$`.execute(db);
    for (const name of tables) {
      await sql`
        create trigger ${sql.id(`${name}_append_only`)}
        before update or delete or truncate on ${sql.table(name)}
        for each statement execute function reject_append_only_change()`.execute(db);
    }
  } else {
    for (const name of tables) {
      for (const operation of ['update', 'delete'] as const) {
        await sql`
          create trigger ${sql.id(`${name}_append_only_${operation}`)}
          before ${sql.raw(operation)} on ${sql.table(name)}
          begin select raise(abort, ${sql.lit(`${name} is append-only`)}); end`.execute(db);
      }
    }
  }
}
