// GET /api/jobs over a real pg-boss queue on Postgres (a fresh schema per test): a job that really
// failed is listed for auditors and admins and refused to viewers; without a queue the route says
// the mode instead of failing.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../adapters/log/pino-logger.js';
import type { UserRole } from '../../ports/access-store.js';
import { JOB_RETENTION_DAYS, type JobQueue } from '../../ports/job-queue.js';
import { openFailingJobQueue, type TestJobQueue } from '../../../test/support/failing-job-queue.js';
import { backends } from '../../../test/support/test-databases.js';
import { enforcePermissions } from '../access-control.js';
import { installErrorReplies } from '../error-replies.js';
import type { JobsResponse } from './jobs-contract.js';
import { jobsRoutes } from './jobs-routes.js';

const postgres = backends.find((b) => b.dialect === 'postgres')!;
let server: FastifyInstance | undefined;
let queue: TestJobQueue | undefined;

afterEach(async () => {
  await server?.close();
  await queue?.close();
  server = undefined;
  queue = undefined;
});

/** The real permission check, with a header that signs in a user of the given role. */
async function startServer(jobs: JobQueue | undefined): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  installErrorReplies(app, createLogger({ level: 'silent', format: 'json' }));
  app.addHook('onRequest', async (request) => {
    const role = request.headers['x-test-role'] as UserRole | undefined;
    if (role)
      request.auth = {
        user: {
          id: `user-${role}`,
          email: `${role}@example.com`,
          displayName: role,
          role,
          mfaEnabled: false,
        },
        sessionId: `session-${role}`,
      };
  });
  enforcePermissions(app);
  jobsRoutes(app, {
    jobs,
    // Listing never writes to the trail; the retry route has its own tests with a real store
    // (test/http/jobs-retry-route.test.ts).
    audit: {
      appendEvents: () => Promise.reject(new Error('GET /api/jobs must not append audit events')),
    },
    scrub: (text) => text.replaceAll('s3cret-token', '[redacted]'),
    now: () => new Date(),
    newId: randomUUID,
  });
  await app.ready();
  return app;
}

const getJobs = (role: UserRole | undefined, query = '') =>
  server!.inject({ method: 'GET', url: `/api/jobs${query}`, headers: role ? { 'x-test-role': role } : {} });

describe('GET /api/jobs in in-process mode', () => {
  it('answers the mode and an explanation instead of an error', async () => {
    server = await startServer(undefined);
    const reply = await getJobs('auditor');
    expect(reply.statusCode).toBe(200);
    const body = reply.json<JobsResponse>();
    expect(body).toMatchObject({ mode: 'in-process', kinds: [], failed: [] });
    expect(body.mode === 'in-process' && body.message).toMatch(/LEDGERLINE_QUEUE=in-process/);
    expect((await getJobs('viewer')).statusCode).toBe(403);
    expect((await getJobs(undefined)).statusCode).toBe(401);
    expect((await getJobs('admin', '?limit=0')).statusCode).toBe(400);
  });
});

describe.skipIf(postgres.skipReason)('GET /api/jobs with a pg-boss queue on Postgres', () => {
  it('lists a failed job for admins and auditors, described and scrubbed, and refuses viewers', async () => {
    queue = await openFailingJobQueue();
    const id = await queue.failJob(
      'sheet-sync',
      {
        runId: 'run-7',
        sheet: { id: 4211, name: 'Crew A billing', location: 'Workspace/Crews' },
        token: 's3cret-token',
      },
      'Smartsheet answered 404 for sheet 4211 (token s3cret-token)',
    );
    server = await startServer(queue.queue);

    const reply = await getJobs('admin');
    expect(reply.statusCode, reply.body).toBe(200);
    const body = reply.json<JobsResponse>();
    expect(body).toMatchObject({ mode: 'pg-boss', retentionDays: JOB_RETENTION_DAYS });
    expect(body.kinds.map((k) => k.kind)).toEqual(['cycle', 'sheet-sync', 'webhook-batch', 'alerts']);
    expect(body.kinds.find((k) => k.kind === 'sheet-sync')?.failed).toBe(1);
    expect(body.failed).toEqual([
      {
        id,
        kind: 'sheet-sync',
        description: 'sync of sheet Crew A billing (#4211) of run run-7',
        attempts: 1,
        createdAt: expect.any(String),
        failedAt: expect.any(String),
        error: 'Smartsheet answered 404 for sheet 4211 (token [redacted])',
      },
    ]);
    expect(reply.body).not.toContain('s3cret-token');

    expect((await getJobs('auditor')).statusCode).toBe(200);
    const viewer = await getJobs('viewer');
    expect(viewer.statusCode).toBe(403);
    expect(viewer.body).not.toContain(id);
  }, 60_000);
});
