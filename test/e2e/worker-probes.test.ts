// A worker started with a probe port answers the platform running it: /health while it lives,
// /ready with its store and queue checked, and /metrics with its jobs by kind and outcome — a real
// `ledgerline worker` subprocess against Postgres, its pg-boss queue and the emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSeed } from '../../emulator/seed/generate-seed.js';
import { startClusterHarness, waitFor } from '../support/cluster-harness.js';
import type { ClusterHarness, ClusterProcess } from '../support/cluster-harness.js';
import { backends } from '../support/test-databases.js';

const postgres = backends.find((b) => b.dialect === 'postgres')!;

function metricValue(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe.skipIf(postgres.skipReason)('a worker’s probes', () => {
  let h: ClusterHarness;
  let worker: ClusterProcess;
  let url: string;

  beforeAll(async () => {
    h = await startClusterHarness({ seed: generateSeed('tiny'), perMinute: 6_000 });
    worker = await h.startWorker('worker-probes', ['--port', '0']);
    url = /Probes: (http:\/\/\S+)\/health/.exec(worker.output())![1]!;
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  it('answers /health and /ready with the store and the queue checked', async () => {
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, checks: { database: 'ok', queue: 'ok' } });
    expect(ready.headers.get('cache-control')).toBe('no-store');
  });

  it('serves nothing but the probes', async () => {
    const other = await fetch(`${url}/api/overview`);
    expect(other.status).toBe(404);
    expect(other.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('counts its jobs by kind and outcome on /metrics', async () => {
    const metrics = async () => (await fetch(`${url}/metrics`)).text();
    const before = await metrics();
    expect(metricValue(before, 'ledgerline_jobs_total{kind="webhook-batch",outcome="completed"}')).toBe(0);
    expect(metricValue(before, 'ledgerline_jobs_running{kind="sheet-sync"}')).toBe(0);
    expect(before).toContain('process_cpu_seconds_total');

    await h.queue.send('webhook-batch', {});
    // Data no sheet-sync handler accepts: the attempt fails (and the queue retries it later).
    await h.queue.send('sheet-sync', { runId: 'run-bad', sheet: 'not a sheet' });
    const after = await waitFor('both jobs to end on the worker', async () => {
      const text = await metrics();
      const done = metricValue(text, 'ledgerline_jobs_total{kind="webhook-batch",outcome="completed"}');
      const failed = metricValue(text, 'ledgerline_jobs_total{kind="sheet-sync",outcome="failed"}');
      return done === 1 && (failed ?? 0) >= 1 ? text : undefined;
    });
    expect(metricValue(after, 'ledgerline_job_duration_seconds_count{kind="webhook-batch"}')).toBe(1);
    expect(metricValue(after, 'ledgerline_jobs_running{kind="webhook-batch"}')).toBe(0);
    expect(metricValue(after, 'ledgerline_jobs_total{kind="cycle",outcome="failed"}')).toBe(0);
    expect(after).toContain('ledgerline_smartsheet_requests_total');
  });

  it('stops on SIGTERM and its probes go with it', async () => {
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });
});
