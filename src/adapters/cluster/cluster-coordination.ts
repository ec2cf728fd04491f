// What processes of one Ledgerline cluster share besides the job queue: the Smartsheet request budget
// and the work locks (per sheet, alert delivery), both in the queue's Postgres schema (not the store's, so backups and
// restores of the store never carry them).
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Logger } from '../../ports/logger.js';
import type { RequestBudget } from '../../ports/request-budget.js';
import type { WorkLock } from '../../ports/work-lock.js';
import { PostgresRequestBudget, ensureBudgetTable } from './postgres-request-budget.js';
import { PostgresWorkLock } from './postgres-work-lock.js';

export interface ClusterCoordinationOptions {
  connectionString: string;
  /** The queue schema, e.g. `ledgerline_queue`. */
  schema: string;
  /** The Smartsheet token: the budget is per token, so its name is derived from it (hashed). */
  token: string;
  perMinute: number;
  burst?: number;
  logger: Logger;
  sleep?: (ms: number) => Promise<void>;
  /** Connections for sheet locks held during work. Default 8. */
  poolSize?: number;
}

export interface ClusterCoordination {
  readonly budget: RequestBudget;
  readonly lock: WorkLock;
  close(): Promise<void>;
}

const defaultSleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

export async function openClusterCoordination(
  options: ClusterCoordinationOptions,
): Promise<ClusterCoordination> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 8,
    application_name: 'ledgerline-cluster',
  });
  pool.on('error', (error) => options.logger.warn({ err: error }, 'cluster connection lost'));
  const schema = `"${options.schema.replace(/"/g, '""')}"`;
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (error) {
    // Several processes starting at once race on CREATE SCHEMA; the loser sees a duplicate.
    if ((error as { code?: string }).code !== '23505') throw error;
  }
  try {
    await ensureBudgetTable(pool, schema);
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
  }
  const burst = options.burst ?? Math.max(10, Math.floor(options.perMinute * 0.2));
  const name = `smartsheet:${createHash('sha256').update(options.token).digest('hex').slice(0, 16)}`;
  return {
    budget: new PostgresRequestBudget({
      pool,
      schema,
      name,
      perMinute: options.perMinute,
      burst,
      sleep: options.sleep ?? defaultSleep,
      onError: (error) => options.logger.warn({ err: error }, 'could not pause the cluster budget'),
    }),
    lock: new PostgresWorkLock(pool, options.schema),
    close: () => pool.end(),
  };
}
