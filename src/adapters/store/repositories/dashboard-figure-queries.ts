/**
 * The dashboard's figures summed by the database (issue #10: a year of audit data is a million
 * events and a quarter of a million scored changes; the Overview and Editors pages used to read
 * them all into the process). Each query names exactly the columns it needs and groups in SQL; the
 * dialect branches sit side by side where the engines differ (JSON fields, epoch arithmetic).
 */
import { sql } from 'kysely';
import type { AuditSeverity } from '../../../domain/audit-chain.js';
import {
  CHANGE_SLOT_MS,
  emptySeverityCounts,
  type ChangeSlot,
  type EditorChangeTally,
  type EditorEventTally,
} from '../../../domain/dashboard/activity-figures.js';
import type { ChangedRange, LiveRowState } from '../../../ports/store.js';
import { instantToDb } from '../column-codecs.js';
import type { SqlContext } from '../sql-context.js';

const SEVERITIES: ReadonlySet<string> = new Set(Object.keys(emptySeverityCounts()));

/** Run events (runId set) in a changedAt range, by severity: AuditStore.countRunEventsBySeverity. */
export async function countRunEventsBySeverity(
  { db }: SqlContext,
  range: ChangedRange,
): Promise<Record<AuditSeverity, number>> {
  const rows = await db
    .selectFrom('audit_events')
    .select(['severity', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('changed_at', '>=', instantToDb(range.changedFrom))
    .where('changed_at', '<=', instantToDb(range.changedTo))
    .where('run_id', 'is not', null)
    .groupBy('severity')
    .execute();
  const counts = emptySeverityCounts();
  for (const row of rows)
    if (SEVERITIES.has(row.severity)) counts[row.severity as AuditSeverity] = Number(row.n);
  return counts;
}

/** Run events per lower-cased editor and severity: AuditStore.tallyRunEventsByEditor. */
export async function tallyRunEventsByEditor(
  { db }: SqlContext,
  range: ChangedRange,
): Promise<EditorEventTally[]> {
  const editor = sql<string>`lower(changed_by)`;
  const rows = await db
    .selectFrom('audit_events')
    .select([
      editor.as('editor'),
      'severity',
      (eb) => eb.fn.countAll<number | string>().as('n'),
      (eb) => eb.fn.max('changed_at').as('last_changed_at'),
    ])
    .where('changed_at', '>=', instantToDb(range.changedFrom))
    .where('changed_at', '<=', instantToDb(range.changedTo))
    .where('run_id', 'is not', null)
    .where('changed_by', 'is not', null)
    .where('changed_by', '!=', '')
    .groupBy([editor, 'severity'])
    .execute();
  return rows
    .filter((row) => SEVERITIES.has(row.severity))
    .map((row) => ({
      editor: row.editor,
      severity: row.severity as AuditSeverity,
      events: Number(row.n),
      lastChangedAt: row.last_changed_at,
    }));
}

/** Scored changes summed per 15-minute UTC slot, oldest first: RiskStore.sumChangesBySlot. */
export async function sumChangesBySlot(
  { db, dialect }: SqlContext,
  range: ChangedRange,
): Promise<ChangeSlot[]> {
  // Postgres stores instants as timestamptz, SQLite as ISO-8601 text; both give whole seconds.
  const slot =
    dialect === 'postgres'
      ? sql<string>`floor(extract(epoch from changed_at) / ${sql.lit(CHANGE_SLOT_MS / 1000)})`
      : sql<string>`(cast(strftime('%s', changed_at) as integer) / ${sql.lit(CHANGE_SLOT_MS / 1000)})`;
  const rows = await db
    .selectFrom('risk_changes')
    .select([
      slot.as('slot'),
      sql<string>`count(*)`.as('changes'),
      sql<string>`sum(risk_score)`.as('risk_sum'),
      sql<string>`max(risk_score)`.as('risk_max'),
      sql<string>`sum(coalesce(delta_cents, 0))`.as('delta_cents'),
    ])
    .where('changed_at', '>=', instantToDb(range.changedFrom))
    .where('changed_at', '<=', instantToDb(range.changedTo))
    .groupBy(slot)
    .orderBy(slot)
    .execute();
  return rows.map((row) => ({
    slotStart: new Date(Number(row.slot) * CHANGE_SLOT_MS).toISOString(),
    changes: Number(row.changes),
    riskSum: Number(row.risk_sum),
    riskMax: Number(row.risk_max),
    deltaCents: Number(row.delta_cents),
  }));
}

/** Scored changes summed per editor, local weekday and hour: RiskStore.tallyChangesByEditor. */
export async function tallyChangesByEditor(
  { db, dialect }: SqlContext,
  range: ChangedRange,
): Promise<EditorChangeTally[]> {
  // The local weekday and hour were worked out in the organisation's zone when the change was
  // observed and live only in the observation JSON.
  const field = (name: 'localWeekday' | 'localHour') =>
    dialect === 'postgres'
      ? sql<number>`cast(observation ->> ${sql.lit(name)} as integer)`
      : sql<number>`cast(json_extract(observation, ${sql.lit(`$.${name}`)}) as integer)`;
  const weekday = field('localWeekday');
  const hour = field('localHour');
  const delta = sql<number>`coalesce(delta_cents, 0)`;
  const rows = await db
    .selectFrom('risk_changes')
    .select([
      'editor',
      weekday.as('weekday'),
      hour.as('hour'),
      (eb) => eb.fn.countAll<number | string>().as('n'),
      sql<number | string>`sum(${delta})`.as('net'),
      sql<number | string>`sum(abs(${delta}))`.as('absolute'),
      sql<number | string>`sum(risk_score)`.as('risk_sum'),
      sql<number | string>`max(risk_score)`.as('risk_max'),
      (eb) => eb.fn.max('changed_at').as('last_changed_at'),
    ])
    .where('changed_at', '>=', instantToDb(range.changedFrom))
    .where('changed_at', '<=', instantToDb(range.changedTo))
    .where('editor', 'is not', null)
    .where('editor', '!=', '')
    .groupBy(['editor', weekday, hour])
    .execute();
  return rows.map((row) => ({
    editor: row.editor as string,
    localWeekday: Number(row.weekday),
    localHour: Number(row.hour),
    changes: Number(row.n),
    netCents: Number(row.net),
    absoluteCents: Number(row.absolute),
    riskSum: Number(row.risk_sum),
    riskMax: Number(row.risk_max),
    lastChangedAt: row.last_changed_at,
  }));
}

/** Per sheet: live rows, billable live rows and the sum of modifiedAt: SnapshotStore.liveRowStates. */
export async function liveRowStates({ db, dialect }: SqlContext): Promise<Map<number, LiveRowState>> {
  // Epoch milliseconds summed as integers (numeric on Postgres, 64-bit on SQLite): exact, so a row
  // stored with a later modifiedAt always changes the sum.
  const epochMs =
    dialect === 'postgres'
      ? sql<string>`coalesce(sum(cast(round(extract(epoch from modified_at) * 1000) as bigint)), 0)`
      : sql<string>`coalesce(sum(cast(round((julianday(modified_at) - 2440587.5) * 86400000) as integer)), 0)`;
  const billable = dialect === 'postgres' ? sql<number>`billable::int` : sql<number>`billable`;
  const rows = await db
    .selectFrom('row_snapshots')
    .select([
      'sheet_id',
      (eb) => eb.fn.countAll<number | string>().as('n'),
      sql<number | string>`sum(${billable})`.as('billable_rows'),
      epochMs.as('modified_sum'),
    ])
    .where('deleted_at', 'is', null)
    .groupBy('sheet_id')
    .execute();
  return new Map(
    rows.map((row) => [
      Number(row.sheet_id),
      { rows: Number(row.n), billableRows: Number(row.billable_rows), modifiedSum: String(row.modified_sum) },
    ]),
  );
}
