import ExcelJS from 'exceljs';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { backends, useTestStore } from '../../../test/support/test-databases.js';
import { accessReviewRenderer } from '../../adapters/access-review/access-review-renderer.js';
import type { AccessReview } from '../../domain/access-review/access-review.js';
import { ACCESS_REVIEW_DECISION } from '../../domain/access-review/access-review-decision-event.js';
import { DEFAULT_ACCESS_REVIEW_THRESHOLDS } from '../../domain/access-review/access-review-subject.js';
import { buildAccessReviewSubjects } from '../../domain/access-review/build-access-review.js';
import { parseCsv } from '../../domain/csv.js';
import type { UserRole } from '../../ports/access-store.js';
import type { Store } from '../../ports/store.js';
import { enforcePermissions } from '../access-control.js';
import { installErrorReplies } from '../error-replies.js';
import type { AccessReviewView } from './access-review-contract.js';
import { registerAccessReviewRoutes } from './access-review-routes.js';

const NOW = new Date('2026-11-03T10:00:00.000Z');
const silent = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, fatal() {}, child: () => silent };

function review(id: string, createdAt: string): AccessReview {
  return {
    id,
    createdAt,
    period: createdAt.slice(0, 7),
    createdBy: 'scheduler',
    thresholds: DEFAULT_ACCESS_REVIEW_THRESHOLDS,
    sheets: [{ sheetId: 7, sheetName: 'Crew North', shareCount: 2, problem: null }],
    subjects: buildAccessReviewSubjects(
      {
        accounts: [
          {
            email: 'root@example.com',
            name: 'Root Admin',
            role: 'admin',
            disabled: false,
            mfaEnabled: true,
            lastLoginAt: createdAt,
          },
          {
            email: 'auditor@example.com',
            name: 'Ada',
            role: 'auditor',
            disabled: false,
            mfaEnabled: true,
            lastLoginAt: createdAt,
          },
        ],
        shares: [
          {
            sheetId: 7,
            sheetName: 'Crew North',
            type: 'USER',
            email: 'fran@example.com',
            name: 'Fran',
            accessLevel: 'EDITOR',
            scope: 'ITEM',
          },
        ],
        sheetActivity: new Map(),
        pastDecisions: new Map(),
      },
      { now: new Date(createdAt) },
    ),
  };
}

let server: FastifyInstance | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The routes behind the real permission check; `x-test-user: <role>:<email>` signs a request in. */
async function start(store: Store): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  installErrorReplies(app, silent);
  app.addHook('onRequest', async (request) => {
    const header = request.headers['x-test-user'];
    if (typeof header !== 'string') return;
    const [role, email] = header.split(':') as [UserRole, string];
    request.auth = {
      user: { id: email, email, displayName: email, role, mfaEnabled: true },
      sessionId: `session-of-${email}`,
    };
  });
  enforcePermissions(app);
  let n = 0;
  registerAccessReviewRoutes(app, {
    accessReviews: store.accessReviews,
    audit: store.audit,
    renderer: accessReviewRenderer(),
    now: () => NOW,
    newId: () => `dec-${++n}`,
  });
  await app.ready();
  return app;
}

const as = (role: UserRole, email = `${role}@example.com`) => ({ 'x-test-user': `${role}:${email}` });

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`access review routes (${backend.dialect})`, () => {
    const store = useTestStore(backend);

    it('needs audit.review on every route: anonymous 401, viewer 403, auditor 200', async () => {
      await store().accessReviews.saveReview(review('ar-1', '2026-11-01T06:00:00.000Z'));
      server = await start(store());
      const routes = [
        { method: 'GET' as const, url: '/api/access-review' },
        { method: 'GET' as const, url: '/api/access-review/export.csv' },
        { method: 'GET' as const, url: '/api/access-review/export.xlsx' },
        {
          method: 'POST' as const,
          url: '/api/access-review/decisions',
          payload: { reviewId: 'ar-1', subjectKey: 'smartsheet:fran@example.com', decision: 'keep' },
        },
      ];
      for (const route of routes) {
        expect((await server.inject(route)).statusCode, `${route.url} anonymous`).toBe(401);
        expect(
          (await server.inject({ ...route, headers: as('viewer') })).statusCode,
          `${route.url} viewer`,
        ).toBe(403);
        expect(
          (await server.inject({ ...route, headers: as('auditor') })).statusCode,
          `${route.url} auditor`,
        ).toBeLessThan(300);
      }
    });

    it('answers 404 with a hint before the first review', async () => {
      server = await start(store());
      const response = await server.inject({ url: '/api/access-review', headers: as('auditor') });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({
        error: 'NOT_FOUND',
        message: expect.stringContaining('ledgerline access-review run'),
      });
    });

    it('shows the latest review, or an older one by id, with decisions in force', async () => {
      await store().accessReviews.saveReview(review('ar-old', '2026-10-01T06:00:00.000Z'));
      await store().accessReviews.saveReview(review('ar-new', '2026-11-01T06:00:00.000Z'));
      server = await start(store());
      const decided = await server.inject({
        method: 'POST',
        url: '/api/access-review/decisions',
        headers: { ...as('auditor'), 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' },
        payload: {
          reviewId: 'ar-new',
          subjectKey: 'smartsheet:fran@example.com',
          decision: 'revoke',
          comment: 'Left',
        },
      });
      expect(decided.statusCode).toBe(201);

      const latest = (
        await server.inject({ url: '/api/access-review', headers: as('auditor') })
      ).json<AccessReviewView>();
      expect(latest.review.id).toBe('ar-new');
      expect(latest.history.map((h) => h.id)).toEqual(['ar-new', 'ar-old']);
      expect(latest.subjects.find((s) => s.key === 'smartsheet:fran@example.com')?.decision).toMatchObject({
        decision: 'revoke',
        reviewer: 'auditor@example.com',
        comment: 'Left',
        decidedAt: NOW.toISOString(),
      });
      expect(latest.summary).toMatchObject({ subjects: 3, decided: 1 });
      const older = (
        await server.inject({ url: '/api/access-review?id=ar-old', headers: as('auditor') })
      ).json<AccessReviewView>();
      expect(older.review.id).toBe('ar-old');
      expect(older.decisions).toEqual([]);

      const { events } = await store().audit.listEvents({
        violationTypes: [ACCESS_REVIEW_DECISION],
        limit: 5,
      });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        changedBy: 'auditor@example.com',
        ipAddress: '127.0.0.1',
        userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
        sessionId: 'session-of-auditor@example.com',
        newValue: 'revoke',
      });
      expect(events[0]?.deviceInfo).toBeTruthy();
    });

    it('refuses bad decisions: unknown subject or decision 400, admin account by an auditor 403, own access 403', async () => {
      await store().accessReviews.saveReview(review('ar-1', '2026-11-01T06:00:00.000Z'));
      server = await start(store());
      const post = (payload: unknown, headers = as('auditor')) =>
        server!.inject({
          method: 'POST',
          url: '/api/access-review/decisions',
          headers,
          payload: payload as object,
        });
      const base = { reviewId: 'ar-1', subjectKey: 'smartsheet:fran@example.com', decision: 'keep' };

      expect((await post({ ...base, subjectKey: 'smartsheet:nobody@example.com' })).statusCode).toBe(400);
      expect((await post({ ...base, decision: 'delete-everything' })).statusCode).toBe(400);
      expect((await post({ ...base, decision: 'accept-risk' })).statusCode).toBe(400);
      expect((await post({ reviewId: 'ar-1' })).statusCode).toBe(400);
      expect((await post({ ...base, reviewId: 'ar-missing' })).statusCode).toBe(404);
      expect((await post({ ...base, subjectKey: 'account:root@example.com' })).statusCode).toBe(403);
      expect((await post({ ...base, subjectKey: 'account:auditor@example.com' })).statusCode).toBe(403);
      expect((await post({ ...base, subjectKey: 'account:root@example.com' }, as('admin'))).statusCode).toBe(
        201,
      );
      expect(await store().accessReviews.listDecisions('ar-1')).toHaveLength(1);
    });

    it('exports the review as CSV and xlsx attachments', async () => {
      await store().accessReviews.saveReview(
        review('ar-2026-11-20261101T060000Z', '2026-11-01T06:00:00.000Z'),
      );
      server = await start(store());
      const csv = await server.inject({ url: '/api/access-review/export.csv', headers: as('auditor') });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe(
        'attachment; filename="ledgerline-access-review-2026-11-20261101T060000Z.csv"',
      );
      const parsed = parseCsv(csv.body);
      expect(parsed.ok && parsed.records.length).toBe(4);

      const xlsx = await server.inject({
        url: '/api/access-review/export.xlsx?id=ar-2026-11-20261101T060000Z',
        headers: as('admin'),
      });
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-disposition']).toContain('.xlsx"');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(workbook.getWorksheet('Subjects')?.getRow(2).getCell(1).value).toBe(
        'account:auditor@example.com',
      );
      expect(
        (await server.inject({ url: '/api/access-review/export.csv?id=nope', headers: as('auditor') }))
          .statusCode,
      ).toBe(404);
    });
  });
}
