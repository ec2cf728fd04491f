/**
 * The Postgres side of the store: a pg Pool whose type parsers match the SQLite side (ids and counts
 * as JS numbers, instants as ISO strings, dates as `YYYY-MM-DD`) and whose connections all use the
 * configured schema, under a Kysely dialect that only ever looks at that schema.
 */
import {
  PostgresDialect,
  sql,
  type DatabaseIntrospector,
  type Kysely,
  type SchemaMetadata,
  type TableMetadata,
} from 'kysely';
import pg from 'pg';
import { AppError, ErrorCode } from '../../domain/app-error.js';

const INT8_OID = 20;
const DATE_OID = 1082;
const TIMESTAMPTZ_OID = 1184;

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

const parseTimestamptz = pg.types.getTypeParser(TIMESTAMPTZ_OID, 'text') as (text: string) => unknown;

/**
 * Smartsheet ids and row counts are bigint columns that fit in 2^53; anything larger is refused
 * rather than silently rounded.
 */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`int8 value ${text} does not fit a JS number`);
  return value;
}

function parseTimestamptzAsIso(text: string): unknown {
  const value = parseTimestamptz(text);
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * Parsers for this pool only: pg.types.setTypeParser would change them for every pg user in the
 * process (a job queue on the same database, for one).
 */
const storeTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format !== 'binary') {
      if (oid === INT8_OID) return parseInt8;
      if (oid === DATE_OID) return (text: string) => text;
      if (oid === TIMESTAMPTZ_OID) return parseTimestamptzAsIso;
    }
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** Where the connection goes, without credentials, for error messages. */
function describeServer(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the configured server';
  }
}

export interface PostgresPoolOptions {
  readonly url: string;
  readonly schema?: string | undefined;
  readonly onIdleError: (error: Error) => void;
}

/**
 * Opens a pool, checks that the server answers, and creates the schema when one is given. Throws
 * AppError DATABASE_UNAVAILABLE when the server cannot be reached.
 */
export async function openPostgresPool(options: PostgresPoolOptions): Promise<pg.Pool> {
  const { url, schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new AppError(ErrorCode.CONFIG_INVALID, `Invalid Postgres schema name ${JSON.stringify(schema)}`, {
      hint: 'Use letters, digits and underscores, starting with a letter or underscore.',
    });
  }
  const pool = new pg.Pool({
    connectionString: url,
    types: storeTypes,
    connectionTimeoutMillis: 10_000,
    // search_path may name a schema that does not exist yet; it is created just below.
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle client losing its connection emits on the pool; unhandled, that would end the process.
  pool.on('error', options.onIdleError);
  try {
    await pool.query('select 1');
    if (schema !== undefined) await createSchemaIfMissing(pool, schema);
  } catch (error) {
    await pool.end();
    if (error instanceof AppError) throw error;
    throw new AppError(ErrorCode.DATABASE_UNAVAILABLE, `Cannot use Postgres at ${describeServer(url)}`, {
      hint: 'Check that the server is running and the database URL, user and password are right.',
      cause: error,
    });
  }
  return pool;
}

async function createSchemaIfMissing(pool: pg.Pool, schema: string): Promise<void> {
  try {
    await pool.query(`create schema if not exists "${schema}"`);
  } catch (error) {
    // Two stores creating the same schema at once: IF NOT EXISTS can still fail on the catalog's
    // unique index. The schema exists either way.
    const exists = await pool.query('select 1 from pg_namespace where nspname = $1', [schema]);
    if (exists.rowCount === 0) throw error;
  }
}

/** The schema the store's tables live in (the first existing schema on the search path). */
export async function currentSchema(pool: pg.Pool): Promise<string> {
  const result = await pool.query<{ schema: string | null }>('select current_schema() as schema');
  const schema = result.rows[0]?.schema;
  if (!schema) {
    throw new AppError(ErrorCode.DATABASE_UNAVAILABLE, 'Postgres has no current schema for the store', {
      hint: 'Give the store a schema, or set a search_path whose first schema exists.',
    });
  }
  return schema;
}

interface CatalogColumn {
  table: string;
  kind: string;
  column: string;
  not_null: boolean;
  has_default: boolean;
  is_identity: boolean;
  type: string;
  type_schema: string;
}

/**
 * Kysely's Postgres introspector (which its Migrator uses to find its tables) reads every schema
 * and calls has_schema_privilege() by schema name, which fails when any other schema is dropped
 * meanwhile (tests drop theirs constantly; so can tenants). This one reads the store's schema
 * only, straight from the catalog, with no function that could meet a vanished schema.
 */
class StoreSchemaIntrospector implements DatabaseIntrospector {
  readonly #db: Kysely<unknown>;
  readonly #schema: string;

  constructor(db: Kysely<unknown>, schema: string) {
    this.#db = db;
    this.#schema = schema;
  }

  async getSchemas(): Promise<SchemaMetadata[]> {
    const result = await sql<{ name: string }>`select nspname as name from pg_catalog.pg_namespace`.execute(
      this.#db,
    );
    return result.rows;
  }

  async getTables(): Promise<TableMetadata[]> {
    const result = await sql<CatalogColumn>`
      select c.relname as table, c.relkind as kind, a.attname as column, a.attnotnull as not_null,
             a.atthasdef as has_default, a.attidentity <> '' as is_identity,
             t.typname as type, tns.nspname as type_schema
      from pg_catalog.pg_class c
      join pg_catalog.pg_namespace ns on ns.oid = c.relnamespace
      join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      join pg_catalog.pg_type t on t.oid = a.atttypid
      join pg_catalog.pg_namespace tns on tns.oid = t.typnamespace
      where ns.nspname = ${this.#schema} and c.relkind in ('r', 'v', 'p', 'f')
      order by c.relname, a.attnum`.execute(this.#db);
    const tables = new Map<string, TableMetadata>();
    for (const row of result.rows) {
      let table = tables.get(row.table);
      if (!table) {
        table = {
          name: row.table,
          schema: this.#schema,
          isView: row.kind === 'v',
          isForeign: row.kind === 'f',
          columns: [],
        };
        tables.set(row.table, table);
      }
      table.columns.push({
        name: row.column,
        dataType: row.type,
        dataTypeSchema: row.type_schema,
        isAutoIncrementing: row.is_identity,
        isNullable: !row.not_null,
        hasDefaultValue: row.has_default,
      });
    }
    return [...tables.values()];
  }
}

/** The Kysely dialect over the store's pool, introspecting only the store's schema. */
export class LedgerlinePostgresDialect extends PostgresDialect {
  readonly #schema: string;

  constructor(pool: pg.Pool, schema: string) {
    super({ pool });
    this.#schema = schema;
  }

  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new StoreSchemaIntrospector(db, this.#schema);
  }
}
