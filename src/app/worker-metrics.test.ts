import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { registerWorkerMetrics } from './worker-metrics.js';

async function series(registry: Registry, name: string): Promise<number | undefined> {
  const text = await registry.metrics();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe('worker metrics', () => {
  it('counts each attempt by outcome and keeps the running gauge while a job runs', async () => {
    const registry = new Registry();
    const metrics = registerWorkerMetrics(registry, () => ({ total: 0, units: 0, rateLimited: 0 }));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = metrics.instrument('sheet-sync', async () => {
      await held;
      return { ok: true };
    });
    const failing = metrics.instrument('sheet-sync', async () => {
      throw new Error('boom');
    });
    const job = { id: 'j', kind: 'sheet-sync' as const, data: {}, retryCount: 0 };

    const running = slow(job);
    expect(await series(registry, 'ledgerline_jobs_running{kind="sheet-sync"}')).toBe(1);
    release();
    expect(await running).toEqual({ ok: true });
    await expect(failing(job)).rejects.toThrow('boom');

    expect(await series(registry, 'ledgerline_jobs_running{kind="sheet-sync"}')).toBe(0);
    expect(await series(registry, 'ledgerline_jobs_total{kind="sheet-sync",outcome="completed"}')).toBe(1);
    expect(await series(registry, 'ledgerline_jobs_total{kind="sheet-sync",outcome="failed"}')).toBe(1);
    expect(await series(registry, 'ledgerline_jobs_total{kind="alerts",outcome="completed"}')).toBe(0);
    expect(await series(registry, 'ledgerline_job_duration_seconds_count{kind="sheet-sync"}')).toBe(2);
  });

  it('reports finished jobs’ requests plus the live clients’', async () => {
    const registry = new Registry();
    const live = { total: 3, units: 12, rateLimited: 0 };
    const metrics = registerWorkerMetrics(registry, () => live);
    metrics.addRequests({ total: 5, units: 50, rateLimited: 1 });
    metrics.addRequests({ total: 2, units: 2, rateLimited: 0 });
    live.total = 4;
    expect(await series(registry, 'ledgerline_smartsheet_requests_total')).toBe(11);
    expect(await series(registry, 'ledgerline_smartsheet_budget_units_total')).toBe(64);
    expect(await series(registry, 'ledgerline_smartsheet_rate_limited_total')).toBe(1);
  });
});
