// A WorkLock across processes: a session-level Postgres advisory lock on a connection held for the
// work. A process that dies drops its connection and with it the lock, so a killed worker never
// leaves a sheet locked. The other side of that: a holder whose connection alone is lost (a killed
// backend, a server restart) loses the lock while its work goes on, and another process may take it
// at once. The lease tells the work so: `confirm()`, called before a commit, fails once the
// connection has reported the loss, and otherwise asks the server whether this session still holds
// the lock.
import type pg from 'pg';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import type { LockLease, WorkLock } from '../../ports/work-lock.js';

/** How long `confirm()` waits on the lock's connection before taking it for lost. */
const CONFIRM_TIMEOUT_MS = 10_000;

const HOLDS_LOCK = `SELECT EXISTS (
  SELECT 1 FROM pg_locks
   WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND pid = pg_backend_pid()
     AND ((classid::bigint << 32) | objid::bigint) = hashtextextended($1, 0)
) AS held`;

function lockLost(key: string, cause?: unknown): AppError {
  return new AppError(
    ErrorCode.DATABASE_UNAVAILABLE,
    `The cluster lock on ${key} was lost with its database connection; the work stopped before committing`,
    {
      hint: 'The job is retried; check the database connection if this repeats',
      details: { lock: key },
      ...(cause === undefined ? {} : { cause }),
    },
  );
}

export class PostgresWorkLock implements WorkLock {
  /** `namespace` keeps two clusters on one database (or two test schemas) out of each other's way. */
  constructor(
    private readonly pool: pg.Pool,
    private readonly namespace: string,
  ) {}

  async withLock<T>(key: string, work: (lease: LockLease) => Promise<T>): Promise<T> {
    const lockKey = `${this.namespace}:${key}`;
    const client = await this.pool.connect();
    let broken = false;
    /** Set once the lock is known to be lost; every later confirm() throws it. */
    let lost: AppError | undefined;
    const markLost = (cause?: unknown) => {
      broken = true;
      lost ??= lockLost(key, cause);
    };
    // The pool stops listening for errors on a client it has lent out: a connection lost while the
    // work runs would be an uncaught 'error' that ends the process. Here it marks the lock lost.
    const onLost = (error: unknown) => markLost(error);
    client.on('error', onLost);
    const lease: LockLease = {
      confirm: async () => {
        if (lost) throw lost;
        let timer: NodeJS.Timeout | undefined;
        try {
          const result = await Promise.race([
            client.query<{ held: boolean }>(HOLDS_LOCK, [lockKey]),
            new Promise<never>((_, reject) => {
              timer = setTimeout(() => {
                reject(new Error(`no answer on the lock's connection in ${CONFIRM_TIMEOUT_MS} ms`));
              }, CONFIRM_TIMEOUT_MS);
            }),
          ]);
          if (result.rows[0]?.held !== true) markLost();
        } catch (error) {
          markLost(error);
        } finally {
          clearTimeout(timer);
        }
        if (lost) throw lost;
      },
    };
    try {
      await client
        .query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [lockKey])
        .catch((error: unknown) => {
          // Whatever stopped the wait (a lost connection, a timeout), this client is not reused.
          broken = true;
          throw error;
        });
      try {
        return await work(lease);
      } finally {
        try {
          if (!broken) await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [lockKey]);
        } catch {
          // The connection is gone, and the lock with it; do not hand it back to the pool.
          broken = true;
        }
      }
    } finally {
      client.removeListener('error', onLost);
      client.release(broken);
    }
  }
}
