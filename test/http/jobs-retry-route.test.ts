// POST /api/jobs/:kind/:id/retry against the dashboard composed as `serve` composes it (real
// sign-in, CSRF check and permission check, a Postgres store) with a real pg-boss queue on Postgres
// in which jobs really failed: an admin's retry puts the job back, a worker then completes it, and the
// trail records who did it from where; everyone else, and every job that is not failed, is refused.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import type { JobRetried, JobsResponse } from '../../src/http/dashboard/jobs-contract.js';
import type { JobQueue } from '../../src/ports/job-queue.js';
import { composeDashboard, signInRoles } from '../support/composed-dashboard.js';
import { openFailingJobQueue, type TestJobQueue } from '../support/failing-job-queue.js';
import { backends, createTestStore, type TestStore } from '../support/test-databases.js';

const postgres = backends.find((b) => b.dialect === 'postgres')!;
const sqlite = backends.find((b) => b.dialect === 'sqlite')!;
const PASSWORD = 'jobs-retry-password-1';
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
type Role = 'admin' | 'auditor';

let dataDir: string | undefined;
let store: TestStore | undefined;
let server: FastifyInstance | undefined;
let queue: TestJobQueue | undefined;
const sessions = new Map<Role, { cookie: string; csrf: string }>();

afterEach(async () => {
  await server?.close();
  await store?.cleanup();
  await queue?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  server = store = queue = dataDir = undefined;
  sessions.clear();
});

/** The dashboard over a fresh store with a signed-in admin and auditor. */
async function startDashboard(jobs: JobQueue | undefined, backend = postgres): Promise<void> {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'll-jobs-retry-'));
  store = await createTestStore(backend);
  const config = loadConfig({
    envFile: false,
    env: {
      // Nothing here calls Smartsheet: the client only has to exist.
      SMARTSHEET_API_TOKEN: 'jobs-retry-unused-token',
      LEDGERLINE_SMARTSHEET_BASE_URL: 'http://127.0.0.1:1',
      LEDGERLINE_DATA_DIR: dataDir,
      // Roles and CSRF are under test here; MFA enforcement for admins has its own tests.
      LEDGERLINE_MFA_REQUIRED_FOR_ADMINS: 'false',
    },
  });
  server = await composeDashboard({
    store: store.store,
    config,
    webRoot: path.join(dataDir, 'no-web-build'),
    ...(jobs ? { jobs } : {}),
  });
  for (const [role, session] of await signInRoles(
    server,
    { store: store.store, config },
    ['admin', 'auditor'],
    PASSWORD,
  ))
    sessions.set(role, session);
}

function retry(kind: string, id: string, role?: Role, options: { csrf?: boolean } = {}) {
  const session = role ? sessions.get(role) : undefined;
  const headers: Record<string, string> = { 'user-agent': USER_AGENT };
  if (session) headers.cookie = session.cookie;
  if (session && options.csrf !== false) headers['x-csrf-token'] = session.csrf;
  return server!.inject({ method: 'POST', url: `/api/jobs/${kind}/${id}/retry`, headers, payload: {} });
}

async function jobs(): Promise<JobsResponse> {
  const reply = await server!.inject({
    method: 'GET',
    url: '/api/jobs',
    headers: { cookie: sessions.get('admin')!.cookie },
  });
  expect(reply.statusCode, reply.body).toBe(200);
  return reply.json<JobsResponse>();
}

describe('POST /api/jobs/:kind/:id/retry in in-process mode', () => {
  it('says there is no queue, after checking the input', async () => {
    await startDashboard(undefined, sqlite);
    const id = '6f1c2a9e-4b7d-4e21-9c3a-8d5f0b2e1a77';
    const reply = await retry('cycle', id, 'admin');
    expect(reply.statusCode).toBe(409);
    expect(reply.json()).toMatchObject({ error: 'CONFLICT', message: expect.stringMatching(/in-process/) });
    expect((await retry('cycle', 'not-a-uuid', 'admin')).statusCode).toBe(400);
    expect((await retry('cycle', id, 'auditor')).statusCode).toBe(403);
  }, 30_000);
});

describe.skipIf(postgres.skipReason)('POST /api/jobs/:kind/:id/retry with a pg-boss queue', () => {
  it("puts an admin's failed job back, a worker completes it, and the trail records the retry", async () => {
    queue = await openFailingJobQueue();
    const id = await queue.failJob(
      'sheet-sync',
      { runId: 'run-9', sheet: { id: 4211, name: 'Crew A billing' } },
      'Smartsheet answered 503 for sheet 4211',
    );
    await queue.stopFailing();
    await startDashboard(queue.queue);

    const reply = await retry('sheet-sync', id, 'admin');
    expect(reply.statusCode, reply.body).toBe(200);
    const body = reply.json<JobRetried>();
    expect(body).toMatchObject({ id, kind: 'sheet-sync', state: 'retry', eventSeq: expect.any(Number) });
    const listed = await jobs();
    expect(listed.failed).toEqual([]);
    expect(listed.kinds.find((k) => k.kind === 'sheet-sync')).toMatchObject({ failed: 0, queued: 1 });

    const [event] = (await store!.store.audit.listEvents({ violationTypes: ['JOB_RETRIED'], limit: 5 }))
      .events;
    expect(event).toMatchObject({
      seq: body.eventSeq,
      severity: 'INFO',
      changedBy: 'admin@example.com',
      oldValue: 'failed',
      newValue: 'retry',
      ipAddress: '127.0.0.1',
      userAgent: USER_AGENT,
      deviceInfo: 'Firefox on Linux',
      sessionId: expect.any(String),
      details: { jobKind: 'sheet-sync', jobId: id, lastError: 'Smartsheet answered 503 for sheet 4211' },
    });

    // Another worker, whose handler succeeds, takes the requeued job.
    const deliveries: number[] = [];
    await queue.queue.work('sheet-sync', { concurrency: 1 }, async (job) => {
      deliveries.push(job.retryCount);
      return { synced: job.id };
    });
    await queue.waitForState('sheet-sync', id, ['completed']);
    expect(deliveries).toHaveLength(1);
    expect((await queue.queue.status('sheet-sync', id))?.output).toEqual({ synced: id });

    const again = await retry('sheet-sync', id, 'admin');
    expect(again.statusCode).toBe(409);
    expect(again.json<{ message: string }>().message).toMatch(/is completed, not failed/);
  }, 60_000);

  it('refuses anonymous users, auditors, a missing CSRF token and malformed input', async () => {
    queue = await openFailingJobQueue();
    const id = await queue.failJob('alerts', { runId: 'run-3' }, 'SMTP refused the digest');
    await queue.stopFailing();
    await startDashboard(queue.queue);

    expect((await retry('alerts', id)).statusCode).toBe(401);
    const auditor = await retry('alerts', id, 'auditor');
    expect(auditor.statusCode).toBe(403);
    expect(auditor.json()).toMatchObject({ error: 'FORBIDDEN' });
    const noCsrf = await retry('alerts', id, 'admin', { csrf: false });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json()).toMatchObject({ error: 'CSRF' });
    const unknownKind = await retry('reports', id, 'admin');
    expect(unknownKind.statusCode).toBe(400);
    expect(unknownKind.json<{ message: string }>().message).toMatch(/Unknown job kind "reports"/);
    const badId = await retry('alerts', 'x1; drop table job', 'admin');
    expect(badId.statusCode).toBe(400);
    expect(badId.json<{ message: string }>().message).toMatch(/expected a UUID/);

    expect((await queue.queue.status('alerts', id))?.state).toBe('failed');
    expect(await store!.store.audit.countEvents({ violationTypes: ['JOB_RETRIED'] })).toBe(0);
  }, 60_000);

  it('answers 409 for a job that is not failed and 404 for one the queue does not hold', async () => {
    queue = await openFailingJobQueue();
    await startDashboard(queue.queue);
    // No worker takes alerts here: the job stays created.
    const waiting = (await queue.queue.send('alerts', { runId: 'run-4' }))!;

    const notFailed = await retry('alerts', waiting, 'admin');
    expect(notFailed.statusCode).toBe(409);
    expect(notFailed.json()).toMatchObject({
      error: 'CONFLICT',
      message: `The alerts job ${waiting} is created, not failed: only a failed job can be retried.`,
    });
    const missing = await retry('alerts', '0b7d6a8e-3c1f-4a52-9f0e-5d2c8b1a7e44', 'admin');
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ message: string }>().message).toMatch(/holds no alerts job/);
    // The right id under another kind is not that job.
    expect((await retry('cycle', waiting, 'admin')).statusCode).toBe(404);
    expect(await store!.store.audit.countEvents({ violationTypes: ['JOB_RETRIED'] })).toBe(0);
  }, 60_000);

  it('keeps a second failed cycle failed while another waits for its retry (one cycle at a time)', async () => {
    queue = await openFailingJobQueue();
    const first = await queue.failJob('cycle', { runId: 'run-1' }, 'Smartsheet is down');
    const second = await queue.failJob('cycle', { runId: 'run-2' }, 'Smartsheet is down');
    await queue.stopFailing();
    await startDashboard(queue.queue);

    expect((await retry('cycle', first, 'admin')).statusCode).toBe(200);
    const refused = await retry('cycle', second, 'admin');
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ message: string }>().message).toMatch(/already waiting for a retry/);
    expect((await queue.queue.status('cycle', second))?.state).toBe('failed');
  }, 60_000);
});
