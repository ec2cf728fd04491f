// The Postgres copy when pg_dump is not installed: every row as JSON (`to_jsonb`, exact for every
// column type), read inside the caller's snapshot transaction, one line per row, tables in foreign-key
// order. Loading is the mirror image: `jsonb_populate_recordset` into the freshly migrated schema,
// keeping identity values, then each identity sequence moved past the highest value.
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { sql, type QueryExecutorProvider } from 'kysely';

const PAGE_ROWS = 5_000;
const INSERT_ROWS = 2_000;

interface ExportLine {
  readonly table: string;
  readonly row: Record<string, unknown>;
}

/** The tables ordered so that every table comes after the tables its foreign keys point to. */
export async function tablesInForeignKeyOrder(
  db: QueryExecutorProvider,
  tables: readonly string[],
): Promise<string[]> {
  const edges = await sql<{ child: string; parent: string }>`
    select cl.relname as child, pl.relname as parent
    from pg_catalog.pg_constraint c
    join pg_catalog.pg_class cl on cl.oid = c.conrelid
    join pg_catalog.pg_class pl on pl.oid = c.confrelid
    join pg_catalog.pg_namespace n on n.oid = cl.relnamespace
    where c.contype = 'f' and n.nspname = current_schema()`.execute(db);
  const parents = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const { child, parent } of edges.rows) if (child !== parent) parents.get(child)?.add(parent);
  const ordered: string[] = [];
  const remaining = [...tables].sort();
  while (remaining.length > 0) {
    const index = remaining.findIndex((table) =>
      [...(parents.get(table) ?? [])].every((parent) => ordered.includes(parent) || !tables.includes(parent)),
    );
    // A cycle cannot be ordered; take the first table and let the load report the violation.
    const [next] = remaining.splice(index === -1 ? 0 : index, 1);
    if (next !== undefined) ordered.push(next);
  }
  return ordered;
}

async function keyColumns(db: QueryExecutorProvider, table: string): Promise<string[]> {
  const result = await sql<{ column: string }>`
    select a.attname as column
    from pg_catalog.pg_index i
    join pg_catalog.pg_class c on c.oid = i.indrelid
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
    where i.indisprimary and n.nspname = current_schema() and c.relname = ${table}
    order by array_position(i.indkey::int2[], a.attnum)`.execute(db);
  return result.rows.map((row) => row.column);
}

/** Writes every row of `tables` (already in foreign-key order) as JSON lines into `file`; needs a transaction. */
export async function exportRows(
  db: QueryExecutorProvider,
  tables: readonly string[],
  file: string,
): Promise<void> {
  const out = createWriteStream(file, { mode: 0o600 });
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  try {
    for (const table of tables) {
      const keys = await keyColumns(db, table);
      const order = keys.length > 0 ? sql.join(keys.map((key) => sql.ref(key))) : sql`ctid`;
      // A cursor inside the caller's transaction reads the snapshot in one pass (OFFSET paging
      // would re-scan the table for every page).
      await sql`declare ledgerline_export no scroll cursor for
        select to_jsonb(t) as row from ${sql.table(table)} t order by ${order}`.execute(db);
      for (;;) {
        const page = await sql<{ row: Record<string, unknown> }>`
          fetch forward ${sql.raw(String(PAGE_ROWS))} from ledgerline_export`.execute(db);
        for (const { row } of page.rows)
          await write(`${JSON.stringify({ table, row } satisfies ExportLine)}\n`);
        if (page.rows.length < PAGE_ROWS) break;
      }
      await sql`close ledgerline_export`.execute(db);
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
}

async function insertBatch(
  db: QueryExecutorProvider,
  table: string,
  rows: readonly Record<string, unknown>[],
) {
  if (rows.length === 0) return;
  await sql`
    insert into ${sql.table(table)} overriding system value
    select * from jsonb_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::jsonb)`.execute(
    db,
  );
}

/** Loads an export into the current schema (migrated, empty) and moves identity sequences on. */
export async function importRows(db: QueryExecutorProvider, file: string): Promise<void> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let table: string | undefined;
  let batch: Record<string, unknown>[] = [];
  for await (const text of lines) {
    if (text === '') continue;
    const line = JSON.parse(text) as ExportLine;
    if (line.table !== table || batch.length >= INSERT_ROWS) {
      if (table !== undefined) await insertBatch(db, table, batch);
      table = line.table;
      batch = [];
    }
    batch.push(line.row);
  }
  if (table !== undefined) await insertBatch(db, table, batch);

  const identities = await sql<{ table: string; column: string }>`
    select c.relname as table, a.attname as column
    from pg_catalog.pg_attribute a
    join pg_catalog.pg_class c on c.oid = a.attrelid
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and a.attidentity <> '' and a.attnum > 0 and not a.attisdropped`.execute(
    db,
  );
  for (const { table: name, column } of identities.rows) {
    await sql`
      select setval(pg_get_serial_sequence(${quoteIdent(name)}, ${column}),
                    coalesce(max(${sql.ref(column)}), 0) + 1, false)
      from ${sql.table(name)}`.execute(db);
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
