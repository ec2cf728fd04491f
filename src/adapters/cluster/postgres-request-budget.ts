// One Smartsheet request budget for the whole cluster (DESIGN.md invariant 6): a token bucket in a
// Postgres row that every process reserves from with one atomic UPDATE. A reservation may take the
// bucket below zero; the caller then waits until the refill would have covered it. That keeps callers
// in arrival order (a heavy call is never starved by light ones) and keeps the bucket's guarantee:
// burst + one minute of refill never exceeds perMinute in any 60-second window, cluster-wide. Time is
// the database's clock, so machines whose clocks differ still share one timeline.
import type pg from 'pg';
import type { RequestBudget } from '../../ports/request-budget.js';

export interface PostgresBudgetOptions {
  pool: pg.Pool;
  /** Quoted schema the budget table lives in (the queue's schema, never the store's). */
  schema: string;
  /** One bucket per Smartsheet token: its rate limit is per token. */
  name: string;
  perMinute: number;
  burst: number;
  sleep: (ms: number) => Promise<void>;
  onError: (error: unknown) => void;
}

const WINDOW_MS = 60_000;

export async function ensureBudgetTable(pool: pg.Pool, schema: string): Promise<void> {
  await pool.query(`CREATE TABLE IF NOT EXISTS ${schema}.request_budget (
    name text PRIMARY KEY,
    tokens double precision NOT NULL,
    refilled_at timestamptz NOT NULL
  )`);
}

export class PostgresRequestBudget implements RequestBudget {
  private readonly refillPerMs: number;
  private pending: Promise<void> = Promise.resolve();

  constructor(private readonly options: PostgresBudgetOptions) {
    this.refillPerMs = (options.perMinute - options.burst) / WINDOW_MS;
  }

  async acquire(weight: number): Promise<void> {
    if (!(weight > 0 && weight <= this.options.burst)) {
      throw new RangeError(`Request weight ${weight} is outside 1..${this.options.burst}`);
    }
    await this.pending;
    const waitMs = await this.reserve(weight);
    if (waitMs > 0) await this.options.sleep(Math.ceil(waitMs));
  }

  pauseFor(ms: number): void {
    // Pushing the bucket down by ms of refill delays every later reservation in the cluster by ms.
    // The refill since the last reservation is settled first (and the clock moved on with it): left
    // pending, the next reservation would add it on top and cancel a pause shorter than the gap,
    // which is the usual case since a 429 arrives a whole request after its reservation.
    const pause = this.options.pool
      .query(
        `UPDATE ${this.options.schema}.request_budget
            SET tokens = LEAST(0::double precision,
                               tokens + EXTRACT(EPOCH FROM (clock_timestamp() - refilled_at)) * 1000 * $3::double precision)
                         - $2::double precision,
                refilled_at = clock_timestamp()
          WHERE name = $1`,
        [this.options.name, ms * this.refillPerMs, this.refillPerMs],
      )
      .then(
        () => undefined,
        (error: unknown) => this.options.onError(error),
      );
    this.pending = pause;
  }

  /** Reserves `weight` units; how long to wait before spending them. */
  private async reserve(weight: number): Promise<number> {
    const { pool, schema, name, burst } = this.options;
    const result = await pool.query<{ tokens: number }>(
      `INSERT INTO ${schema}.request_budget AS b (name, tokens, refilled_at)
       VALUES ($1, $2::double precision - $4::double precision, clock_timestamp())
       ON CONFLICT (name) DO UPDATE SET
         tokens = LEAST($2::double precision,
                        b.tokens + EXTRACT(EPOCH FROM (clock_timestamp() - b.refilled_at)) * 1000 * $3::double precision)
                  - $4::double precision,
         refilled_at = clock_timestamp()
       RETURNING tokens`,
      [name, burst, this.refillPerMs, weight],
    );
    const tokens = Number(result.rows[0]?.tokens ?? 0);
    return tokens >= 0 ? 0 : -tokens / this.refillPerMs;
  }
}
