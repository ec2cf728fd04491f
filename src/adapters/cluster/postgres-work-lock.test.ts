// The cluster-wide work lock against the real Postgres: two instances on pools of their own (two
// processes) serialise one key and not two, and a holder whose database session dies — as it does
// when its process is killed — gives the lock up to the other at once, and the old holder's lease
// then says the lock is lost, so its work stops before committing. Each test has a namespace of its
// own, so parallel runs on one database do not meet.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { backends, TEST_DATABASE_URL } from '../../../test/support/test-databases.js';
import type { AppError } from '../../domain/app-error.js';
import { ErrorCode } from '../../domain/app-error.js';
import type { LockLease } from '../../ports/work-lock.js';
import { PostgresWorkLock } from './postgres-work-lock.js';

const postgres = backends.find((b) => b.dialect === 'postgres')!;
const pools: pg.Pool[] = [];

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.end()));
});

/** Two processes' locks in one fresh namespace; pool `i` names its sessions `lock-test-<ns>-<i>`. */
function openLocks(): { namespace: string; locks: [PostgresWorkLock, PostgresWorkLock] } {
  const namespace = `t_lock_${randomBytes(6).toString('hex')}`;
  const [a, b] = [0, 1].map((i) => {
    const pool = new pg.Pool({
      connectionString: TEST_DATABASE_URL,
      max: 3,
      application_name: `lock-test-${namespace}-${i}`,
    });
    pools.push(pool);
    return new PostgresWorkLock(pool, namespace);
  });
  return { namespace, locks: [a!, b!] };
}

interface Gate {
  readonly opened: Promise<void>;
  open(): void;
}

function gate(): Gate {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

async function query<Row extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<Row[]> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Sessions of `application` waiting for (granted = false) or holding the advisory lock on `key`. */
function advisoryLockPids(namespace: string, key: string, application: string, granted: boolean) {
  return query<{ pid: number }>(
    `SELECT l.pid
       FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.granted = $3
        AND ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended($1, 0)
        AND a.application_name = $2
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [`${namespace}:${key}`, application, granted],
  );
}

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let polls = 0; polls < 400; polls += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting until ${what}`);
}

describe.skipIf(postgres.skipReason)('the Postgres work lock', () => {
  it('runs work under one key one at a time across processes, and different keys side by side', async () => {
    const { namespace, locks } = openLocks();
    const [a, b] = locks;
    const order: string[] = [];
    const holdA = gate();
    const first = a.withLock('sheet-sync:7', async () => {
      order.push('a starts');
      await holdA.opened;
      order.push('a ends');
    });
    await waitFor(async () => order.includes('a starts'), 'a holds the lock');
    const second = b.withLock('sheet-sync:7', async () => {
      order.push('b runs');
    });
    await waitFor(
      async () =>
        (await advisoryLockPids(namespace, 'sheet-sync:7', `lock-test-${namespace}-1`, false)).length === 1,
      'b waits for the lock',
    );
    // Another key is not held up by the held one.
    await b.withLock('sheet-sync:8', async () => {
      order.push('b other key');
    });
    expect(order).toEqual(['a starts', 'b other key']);
    holdA.open();
    await Promise.all([first, second]);
    expect(order).toEqual(['a starts', 'b other key', 'a ends', 'b runs']);
  }, 30_000);

  it("hands the lock over when the holder's database session is killed", async () => {
    const { namespace, locks } = openLocks();
    const [a, b] = locks;
    const holdA = gate();
    const aHolds = gate();
    let aLease!: LockLease;
    const first = a.withLock('sheet-write:9', async (lease) => {
      aLease = lease;
      await lease.confirm();
      aHolds.open();
      await holdA.opened;
      return 'a finished';
    });
    await aHolds.opened;
    let bRan = false;
    const second = b.withLock('sheet-write:9', async () => {
      bRan = true;
      return 'b finished';
    });
    const [holder] = await advisoryLockPids(namespace, 'sheet-write:9', `lock-test-${namespace}-0`, true);
    expect(holder).toBeDefined();
    await waitFor(
      async () =>
        (await advisoryLockPids(namespace, 'sheet-write:9', `lock-test-${namespace}-1`, false)).length === 1,
      'b waits for the lock',
    );
    expect(bRan).toBe(false);

    // What a killed worker's session amounts to on the server.
    await query('SELECT pg_terminate_backend($1)', [holder!.pid]);
    await expect(second).resolves.toBe('b finished');

    // The old holder's work goes on, but its lease now says the lock is gone: before committing, it
    // would stop. Its lost connection is not handed back to the pool.
    const refused = await aLease.confirm().then(
      () => undefined,
      (error: unknown) => error as AppError,
    );
    expect(refused?.message).toMatch(/lock on sheet-write:9 was lost/);
    expect(refused?.code).toBe(ErrorCode.DATABASE_UNAVAILABLE);
    holdA.open();
    await expect(first).resolves.toBe('a finished');
    await expect(a.withLock('sheet-write:9', async () => 'a again')).resolves.toBe('a again');
  }, 30_000);
});
