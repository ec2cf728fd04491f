// A WorkLock across processes: a session-level Postgres advisory lock on a connection held for the
// work. A process that dies drops its connection and with it the lock, so a killed worker never
// leaves a sheet locked.
import type pg from 'pg';
import type { WorkLock } from '../../ports/work-lock.js';

export class PostgresWorkLock implements WorkLock {
  /** `namespace` keeps two clusters on one database (or two test schemas) out of each other's way. */
  constructor(
    private readonly pool: pg.Pool,
    private readonly namespace: string,
  ) {}

  async withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const lockKey = `${this.namespace}:${key}`;
    const client = await this.pool.connect();
    let broken = false;
    // The pool stops listening for errors on a client it has lent out: a connection lost while the
    // work runs (server restart, a killed backend) would be an uncaught 'error' that ends the process.
    // Losing it also loses the lock, which is the documented outcome; the client is not reused.
    const onLost = () => {
      broken = true;
    };
    client.on('error', onLost);
    try {
      await client
        .query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [lockKey])
        .catch((error: unknown) => {
          // Whatever stopped the wait (a lost connection, a timeout), this client is not reused.
          broken = true;
          throw error;
        });
      try {
        return await work();
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
