// The dashboard's Violations API over a real store on both engines: permissions as API_ROUTES
// declares them, the filtered list, the CSV export and its trail record, the drill-down, reviews.
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../domain/csv.js';
import type { AuditEventRecord } from '../../domain/audit-chain.js';
import { VIOLATION_CSV_COLUMNS } from '../../domain/dashboard/violations-csv.js';
import { roleGrants } from '../access-control.js';
import { API_ROUTES, type ViolationDetail, type ViolationPage } from './api-contract.js';
import { buildAuditEvent, buildSheet } from '../../../test/support/store-records.js';
import { backends, useTestStore } from '../../../test/support/test-databases.js';
import { as, startDashboardTestServer, testUserEmail } from '../../../test/support/dashboard-test-server.js';

// Routes registered by other modules (auth, users, access review, corrections) have their own tests.
const OTHER_MODULES = /^\/api\/(auth|users|access-review|corrections|jobs)/;
const MINE = API_ROUTES.filter((route) => !OTHER_MODULES.test(route.path));

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`violations API on ${backend.dialect}`, () => {
    const store = useTestStore(backend);
    let server: FastifyInstance;
    beforeEach(async () => {
      ({ server } = await startDashboardTestServer(store(), {
        now: () => new Date('2025-08-20T17:00:00.000Z'),
        newId: (() => {
          let n = 0;
          return () => `action-${++n}`;
        })(),
      }));
    });
    afterEach(() => server.close());

    const seed = (events: Partial<AuditEventRecord>[]) =>
      store().audit.appendEvents(events.map((overrides) => buildAuditEvent(overrides)));

    it('refuses every route to anonymous requests and each role what API_ROUTES does not grant it', async () => {
      const [event] = await seed([{}]);
      for (const route of MINE) {
        const url = route.path.replace(':eventId', event!.eventId).replace(/:[a-zA-Z]+/g, 'x');
        const method = route.method as 'GET' | 'POST';
        const anonymous = await server.inject({ method, url });
        expect(anonymous.statusCode, `${route.method} ${route.path} anonymous`).toBe(401);
        for (const role of ['viewer', 'auditor'] as const) {
          if (roleGrants(role, route.permission) || route.path === '/api/feed') continue;
          const refused = await server.inject({ method, url, headers: as(role) });
          expect(refused.statusCode, `${route.method} ${route.path} as ${role}`).toBe(403);
        }
      }
      // Nothing was reviewed, exported or reverted by the refused requests.
      expect(await store().audit.countEvents()).toBe(1);
    });

    it('lists the filtered view sorted by severity rank, paged, with the sheet name and total', async () => {
      const sheet = buildSheet({ name: 'North Crew 11' });
      await store().sheets.upsertSheet(sheet);
      await seed([
        { severity: 'LOW', sheetId: sheet.id, changedBy: 'ann@example.com' },
        {
          severity: 'CRITICAL',
          sheetId: sheet.id,
          changedBy: 'Ann@Example.com',
          details: { sheetName: 'Recorded' },
        },
        { severity: 'HIGH', sheetId: sheet.id, changedBy: 'bob@example.com' },
        { severity: 'MEDIUM', sheetId: sheet.id, changedBy: 'ann@example.com' },
      ]);

      const response = await server.inject({
        url: '/api/violations?editor=ANN@example.com&sort=severity&order=desc&pageSize=2&page=1',
        headers: as('viewer'),
      });

      expect(response.statusCode).toBe(200);
      const page = response.json<ViolationPage>();
      expect(page.total).toBe(3);
      expect(page.items.map((item) => [item.severity, item.sheetName, item.reviewStatus])).toEqual([
        ['CRITICAL', 'Recorded', 'open'],
        ['MEDIUM', 'North Crew 11', 'open'],
      ]);
      const second = await server.inject({
        url: '/api/violations?editor=ann@example.com&sort=severity&order=desc&pageSize=2&page=2',
        headers: as('viewer'),
      });
      expect(second.json<ViolationPage>().items.map((item) => item.severity)).toEqual(['LOW']);
    });

    it('answers 400 naming the bad parameter and its value', async () => {
      const cases = [
        ['severity=HUGE', 'severity', 'HUGE'],
        ['pageSize=500', 'pageSize', '500'],
        ['week=2025-02-30', 'week', '2025-02-30'],
        ['sort=alphabet', 'sort', 'alphabet'],
        ['sevrity=HIGH', 'parameter', 'sevrity'],
      ] as const;
      for (const [query, parameter, value] of cases) {
        const response = await server.inject({ url: `/api/violations?${query}`, headers: as('viewer') });
        expect(response.statusCode, query).toBe(400);
        expect(response.json().message).toContain(`Invalid ${parameter} "${value}"`);
      }
    });

    it('exports exactly the filtered, sorted view as CSV and records the export in the trail', async () => {
      await seed([
        { severity: 'HIGH', issueDescription: 'Price "bumped", after close\nby crew', deltaCents: 100 },
        { severity: 'LOW' },
        { severity: 'HIGH', deltaCents: 300, oldValue: '=HYPERLINK("x")' },
      ]);

      const response = await server.inject({
        url: '/api/violations/export.csv?severity=HIGH&sort=deltaCents&order=desc',
        headers: as('auditor', { 'x-forwarded-for': 'ignored' }),
      });

      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="violations-2025-08-20.csv"',
      );
      const parsed = parseCsv(response.body);
      if (!parsed.ok) throw new Error(parsed.error.message);
      const [header, ...rows] = parsed.records.map((record) => record.fields);
      expect(header).toEqual([...VIOLATION_CSV_COLUMNS]);
      const column = (name: (typeof VIOLATION_CSV_COLUMNS)[number]) => VIOLATION_CSV_COLUMNS.indexOf(name);
      expect(rows.map((row) => row[column('seq')])).toEqual(['3', '1']);
      expect(rows[1]?.[column('issueDescription')]).toBe('Price "bumped", after close\nby crew');
      expect(rows[0]?.[column('oldValue')]).toBe(`'=HYPERLINK("x")`);

      const recorded = (await store().audit.listEvents({ violationTypes: ['VIOLATIONS_EXPORTED'], limit: 5 }))
        .events;
      expect(recorded).toHaveLength(1);
      expect(recorded[0]).toMatchObject({
        severity: 'INFO',
        changedBy: testUserEmail('auditor'),
        ipAddress: '127.0.0.1',
        deviceInfo: 'Firefox on Linux',
        sessionId: 'session-auditor',
        userAgent: expect.stringContaining('Firefox/128.0'),
        details: {
          rowCount: 2,
          filter: { severities: ['HIGH'], maxSeq: 3 },
          sort: { key: 'deltaCents', order: 'desc' },
        },
      });
    });

    it('shows an event with its reasons, risk, reviews and why it has no cell history', async () => {
      const [event] = await seed([
        {
          columnName: null,
          details: { changeKind: 'row-deleted', reasons: ['Row was billed'], risk: { score: 0.7 } },
        },
      ]);

      const response = await server.inject({
        url: `/api/violations/${event!.eventId}`,
        headers: as('viewer'),
      });

      expect(response.statusCode).toBe(200);
      const detail = response.json<ViolationDetail>();
      expect(detail).toMatchObject({
        event: { eventId: event!.eventId, seq: event!.seq },
        reasons: ['Row was billed'],
        risk: { score: 0.7 },
        cellHistory: [],
        reviews: [],
        revertible: false,
      });
      expect(detail.cellHistoryNote).toContain('not about a single cell');
      const missing = await server.inject({ url: '/api/violations/no-such-event', headers: as('viewer') });
      expect(missing.statusCode).toBe(404);
    });

    it('records an acknowledgement with its comment, shows it as the status, and puts it in the trail', async () => {
      const [event] = await seed([{ severity: 'HIGH' }]);
      const url = `/api/violations/${event!.eventId}/review`;

      const reviewed = await server.inject({
        method: 'POST',
        url,
        headers: as('auditor'),
        payload: { status: 'acknowledged', comment: 'Crew lead confirmed the correction.' },
      });

      expect(reviewed.statusCode).toBe(201);
      expect(reviewed.json()).toEqual({
        status: 'acknowledged',
        comment: 'Crew lead confirmed the correction.',
        by: testUserEmail('auditor'),
        at: '2025-08-20T17:00:00.000Z',
      });
      const list = await server.inject({ url: '/api/violations?status=acknowledged', headers: as('viewer') });
      expect(list.json<ViolationPage>().items.map((item) => item.eventId)).toEqual([event!.eventId]);
      const [trail] = (await store().audit.listEvents({ violationTypes: ['VIOLATION_REVIEWED'], limit: 5 }))
        .events;
      expect(trail).toMatchObject({
        changedBy: testUserEmail('auditor'),
        sheetId: event!.sheetId,
        rowId: event!.rowId,
        newValue: 'acknowledged',
        sessionId: 'session-auditor',
        details: { reviewedEventId: event!.eventId, comment: 'Crew lead confirmed the correction.' },
      });
    });

    it('refuses a review without a comment, with a comment too long, or with an unknown status', async () => {
      const [event] = await seed([{}]);
      const url = `/api/violations/${event!.eventId}/review`;
      const bodies = [
        [{ status: 'resolved' }, 'comment is required'],
        [{ status: 'resolved', comment: 'x'.repeat(2001) }, 'at most 2000'],
        [{ status: 'ignored', comment: 'no' }, 'Invalid status "ignored"'],
      ] as const;
      for (const [payload, message] of bodies) {
        const response = await server.inject({ method: 'POST', url, headers: as('admin'), payload });
        expect(response.statusCode).toBe(400);
        expect(response.json().message).toContain(message);
      }
      expect(await store().reviews.listReviews(event!.eventId)).toEqual([]);
    });

    it('asks for confirmation before a revert and refuses events that are not a cell change', async () => {
      const [event] = await seed([{ details: { changeKind: 'row-created' } }]);
      const url = `/api/violations/${event!.eventId}/revert`;

      const unconfirmed = await server.inject({ method: 'POST', url, headers: as('admin'), payload: {} });
      expect(unconfirmed.statusCode).toBe(400);
      expect(unconfirmed.json().message).toContain('"confirm": true');

      const notACell = await server.inject({
        method: 'POST',
        url,
        headers: as('admin'),
        payload: { confirm: true },
      });
      expect(notACell.statusCode).toBe(409);
      expect(notACell.json().message).toContain('cannot be reverted');
    });
  });
}
