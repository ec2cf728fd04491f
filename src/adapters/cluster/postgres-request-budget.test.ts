// The cluster's Smartsheet request budget against the real Postgres (DESIGN.md invariant 6), each
// test in a fresh schema dropped afterwards. Several PostgresRequestBudget instances on pools of their
// own stand in for the processes of a cluster, all spending from one bucket.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { backends, TEST_DATABASE_URL } from '../../../test/support/test-databases.js';
import { PostgresRequestBudget, ensureBudgetTable } from './postgres-request-budget.js';

const postgres = backends.find((b) => b.dialect === 'postgres')!;
/** Fast enough that a run of a couple of seconds drains and refills the bucket many times. */
const PER_MINUTE = 6_000;
const BURST = 20;
const REFILL_PER_MS = (PER_MINUTE - BURST) / 60_000;

let schema: string | undefined;
const pools: pg.Pool[] = [];

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.end()));
  if (schema) {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => client.end());
  }
  schema = undefined;
});

const realSleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

type Sleep = (ms: number) => Promise<void>;

/** `count` budgets on one bucket, each on its own pool (a process of the cluster) and sleeping with `sleepOf(its index)`. */
async function openBudgets(
  count: number,
  sleepOf: (index: number) => Sleep = () => realSleep,
): Promise<PostgresRequestBudget[]> {
  schema = `t_budget_${randomBytes(6).toString('hex')}`;
  const quoted = `"${schema}"`;
  const budgets: PostgresRequestBudget[] = [];
  for (let i = 0; i < count; i += 1) {
    const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 3 });
    pools.push(pool);
    if (i === 0) {
      await pool.query(`CREATE SCHEMA ${quoted}`);
      await ensureBudgetTable(pool, quoted);
    }
    budgets.push(
      new PostgresRequestBudget({
        pool,
        schema: quoted,
        name: 'smartsheet:test-token',
        perMinute: PER_MINUTE,
        burst: BURST,
        sleep: sleepOf(i),
        onError: (error) => {
          throw error;
        },
      }),
    );
  }
  return budgets;
}

async function bucketTokens(): Promise<number> {
  const [row] = (await pools[0]!.query<{ tokens: number }>(`SELECT tokens FROM "${schema}".request_budget`))
    .rows;
  return Number(row?.tokens);
}

describe.skipIf(postgres.skipReason)('the Postgres request budget', () => {
  it('never grants more than burst + refill over elapsed time across four processes', async () => {
    const budgets = await openBudgets(4);
    const grants: { at: number; weight: number }[] = [];
    const start = performance.now();
    await Promise.all(
      budgets.flatMap((budget, b) =>
        // Two callers per process, one of them with heavy calls now and then.
        [0, 1].map(async (caller) => {
          for (let call = 0; performance.now() - start < 2_000; call += 1) {
            const weight = caller === 1 && call % 5 === 0 ? 10 : 1 + ((b + call) % 2);
            await budget.acquire(weight);
            grants.push({ at: performance.now(), weight });
          }
        }),
      ),
    );

    grants.sort((x, y) => x.at - y.at);
    const total = grants.reduce((sum, g) => sum + g.weight, 0);
    // The run had to wait on the bucket, not just spend its burst.
    expect(total).toBeGreaterThan(4 * BURST);
    // Every prefix of the timeline, the whole run included, stays within the bucket. A grant is
    // timed when its caller resumes, never before the bucket allowed it, so lateness only loosens
    // the bound; the tolerance covers the millisecond rounding of the waits.
    let granted = 0;
    const excesses = grants.map((grant) => {
      granted += grant.weight;
      return granted - (BURST + REFILL_PER_MS * (grant.at - start));
    });
    expect(Math.max(...excesses)).toBeLessThanOrEqual(1);
  }, 30_000);

  it('serves a heavy request in its turn while a stream of light ones goes on', async () => {
    // The lights pass a gate before each call. The gate closes when the heavy call asks and opens
    // once the heavy call has reserved (its sleep starts) or been granted outright, so the calls that
    // go before it are exactly those already reserved or reserving: one per stream. Timing the
    // reservation itself, not the moment it was asked for, keeps a slow database round trip on a
    // loaded machine from letting extra lights in ahead and failing a correct bucket.
    let openGate = () => {};
    let gate: Promise<void> = Promise.resolve();
    const closeGate = () => {
      gate = new Promise<void>((resolve) => {
        openGate = resolve;
      });
    };
    const heavySleep = (ms: number) => {
      openGate();
      return realSleep(ms);
    };
    const [light1, light2, light3, heavy] = await openBudgets(4, (i) => (i === 3 ? heavySleep : realSleep));
    const events: string[] = [];
    let streaming = true;
    // The streams end on their own after MAX_EVENTS, so a starving bucket fails the assertions below
    // (the heavy call is granted once the lights stop) instead of the test timing out.
    const MAX_EVENTS = 200;
    const streams = [light1!, light2!, light3!].map(async (budget) => {
      while (streaming && events.length < MAX_EVENTS) {
        await gate;
        await budget.acquire(1);
        events.push('light');
      }
    });
    // Let the lights drain the burst so every grant from here on waits for refill.
    while (events.length < BURST * 2) await realSleep(5);
    closeGate();
    events.push('heavy asked');
    await heavy!.acquire(10);
    openGate();
    events.push('heavy granted');
    while (events.length - events.indexOf('heavy granted') < 20 && events.length < MAX_EVENTS) {
      await realSleep(5);
    }
    streaming = false;
    await Promise.all(streams);

    const between = events.slice(events.indexOf('heavy asked'), events.indexOf('heavy granted'));
    // Only the light calls already in flight when the heavy one asked, at most one per stream, go
    // before it. A bucket that made the heavy call wait for ten whole tokens would let the lights
    // that reserve after it take each token as it refills, so the heavy call would never come first.
    expect(between.filter((e) => e === 'light').length).toBeLessThanOrEqual(3);
    expect(events.slice(events.indexOf('heavy granted')).filter((e) => e === 'light').length).toBeGreaterThan(
      0,
    );
  }, 30_000);

  it('refuses a weight outside 1..burst', async () => {
    const [budget] = await openBudgets(1);
    for (const weight of [0, -1, BURST + 1, Number.NaN])
      await expect(budget!.acquire(weight)).rejects.toThrow(RangeError);
    await expect(budget!.acquire(BURST)).resolves.toBeUndefined();
  }, 30_000);

  it("delays another process's next grant after a pause, even after an idle spell", async () => {
    const waits: number[] = [];
    let sleptAt = Number.NaN;
    const recordingSleep = (ms: number) => {
      waits.push(ms);
      sleptAt = performance.now();
      return realSleep(ms);
    };
    const [paused, other] = await openBudgets(2, () => recordingSleep);
    await other!.acquire(1);
    expect(waits).toEqual([]);
    // The 429 comes back a while after the last reservation (the request's own duration), long
    // enough for the refill to have more than covered the pause if the pause ignored it.
    await realSleep(600);
    const pausedAt = performance.now();
    paused!.pauseFor(300);
    for (let polls = 0; (await bucketTokens()) >= 0; polls += 1) {
      if (polls > 200) throw new Error('the pause never reached the bucket');
      await realSleep(5);
    }
    await other!.acquire(1);
    expect(waits).toHaveLength(1);
    // 300 ms plus one unit's refill, less what refilled between the pause reaching the bucket and the
    // other's reservation: never more than the time from asking for the pause to the other's sleep,
    // which a loaded machine stretches, so the lower bound is measured rather than fixed.
    const unitMs = Math.ceil(1 / REFILL_PER_MS);
    expect(waits[0]).toBeGreaterThanOrEqual(300 + unitMs - (sleptAt - pausedAt) - 1);
    expect(waits[0]).toBeLessThanOrEqual(300 + unitMs);
  }, 30_000);
});
