// Overview, reports, runs, editors, settings and the trail's status over a real store on both engines.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { localReportFiles } from '../../adapters/report-folder/local-report-files.js';
import { localReportFolder } from '../../adapters/report-folder/local-report-folder.js';
import { ed25519SignerFromPrivateKey, generateSigningKey } from '../../adapters/signing/ed25519-signer.js';
import { loadConfig } from '../../config/load-config.js';
import { redactedConfig } from '../../config/redacted-config.js';
import { buildChangeObservation } from '../../domain/risk/testing/build-change-observation.js';
import type { ChangeObservation } from '../../domain/risk/change-observation.js';
import type { PublishedReport, ScoredChange } from '../../ports/store.js';
import { signAuditCheckpoint } from '../../services/sign-audit-checkpoint.js';
import type { DashboardDeps } from './register-dashboard.js';
import type {
  EditorsResponse,
  Overview,
  ReportList,
  RunItem,
  RunList,
  SettingsResponse,
  TrailStatus,
  TrailVerification,
} from './api-contract.js';
import { buildAuditEvent, buildSheet, buildSnapshot } from '../../../test/support/store-records.js';
import { backends, useTestStore } from '../../../test/support/test-databases.js';
import { as, startDashboardTestServer } from '../../../test/support/dashboard-test-server.js';

// Wednesday 2025-08-20, noon in Chicago: the billing week ending Sunday 2025-08-24.
const NOW = new Date('2025-08-20T17:00:00.000Z');

function scored(overrides: Partial<ChangeObservation>, riskScore: number): ScoredChange {
  return {
    observation: buildChangeObservation(overrides),
    anomalyScore: null,
    riskScore,
    category: 'correction',
    signature: 'correction|',
    modelId: null,
    explanation: {},
    flagRank: null,
    flagPriority: null,
  };
}

function publishedReport(overrides: Partial<PublishedReport> = {}): PublishedReport {
  return {
    identityKey: '89708709|2025-08-17|primary|',
    workRequest: '89708709',
    weekEnding: '2025-08-17',
    variant: 'primary',
    claimer: null,
    contentHash: 'a'.repeat(64),
    fileName: 'WR_89708709_WeekEnding_081725.xlsx',
    targetRowId: 1,
    attachmentId: 2,
    publishedAt: '2025-08-18T06:00:00.000Z',
    runId: 'run-1',
    ...overrides,
  };
}

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`dashboard data API on ${backend.dialect}`, () => {
    const store = useTestStore(backend);
    let server: FastifyInstance | undefined;
    afterEach(async () => {
      await server?.close();
      server = undefined;
    });
    const start = async (overrides: Partial<DashboardDeps> = {}) => {
      ({ server } = await startDashboardTestServer(store(), { now: () => NOW, ...overrides }));
      return server;
    };

    it('gives the overview of the current week, the risk trend, the last run and the model state', async () => {
      const sheet = buildSheet();
      await store().sheets.upsertSheet(sheet);
      const row = (rowId: number, weekEnding: string, price: number, billable = true) =>
        buildSnapshot(sheet.id, {
          rowId,
          rowNumber: rowId,
          billable,
          values: { ...buildSnapshot(sheet.id).values, weekEnding, price },
        });
      await store().snapshots.upsertSnapshots([
        row(1, '2025-08-24', 100.25),
        row(2, '2025-08-24', 50),
        row(3, '2025-08-17', 999),
        row(4, '2025-08-24', 75, false),
      ]);
      await store().audit.appendEvents([
        buildAuditEvent({ severity: 'HIGH', changedAt: '2025-08-19T15:00:00.000Z' }),
        buildAuditEvent({ severity: 'HIGH', changedAt: '2025-08-20T15:00:00.000Z' }),
        buildAuditEvent({ severity: 'LOW', changedAt: '2025-08-17T15:00:00.000Z' }),
        // A dashboard action is not a violation of the week.
        buildAuditEvent({ severity: 'INFO', runId: null, changedAt: '2025-08-20T16:00:00.000Z' }),
      ]);
      await store().risk.recordChanges([
        scored({ changedAt: '2025-08-19T15:00:00.000Z', deltaCents: 2_000 }, 0.5),
        scored({ changedAt: '2025-08-20T15:00:00.000Z', deltaCents: -500 }, 0.9),
        scored({ changedAt: '2025-08-10T15:00:00.000Z', deltaCents: 7 }, 0.1),
      ]);
      await store().runs.startRun({ id: 'run-9', kind: 'cycle', startedAt: '2025-08-20T16:00:00.000Z' });

      const response = await (await start()).inject({ url: '/api/overview', headers: as('viewer') });

      expect(response.statusCode).toBe(200);
      const overview = response.json<Overview>();
      expect(overview).toMatchObject({
        weekEnding: '2025-08-24',
        billedThisWeekCents: 15_025,
        changesThisWeek: 2,
        violationsBySeverity: { INFO: 0, LOW: 0, MEDIUM: 0, HIGH: 2, CRITICAL: 0 },
        netImpactCents: 1_500,
        lastRun: { id: 'run-9', status: 'running', finishedAt: null },
        model: { coldStart: true, modelId: null },
        trail: { eventCount: 4, headSeq: 4, lastVerifiedAt: null, ok: null, problem: null },
      });
      expect(overview.riskTrend).toHaveLength(30);
      expect(overview.riskTrend.at(-1)).toEqual({
        date: '2025-08-20',
        averageRisk: 0.9,
        maxRisk: 0.9,
        events: 1,
      });
      expect(overview.riskTrend.find((day) => day.date === '2025-08-10')?.events).toBe(1);
    });

    it('lists published reports by Work Request and week and streams one by its id only', async () => {
      const root = mkdtempSync(path.join(os.tmpdir(), 'll-dashboard-reports-'));
      await localReportFolder(root).save(
        'WR_89708709_WeekEnding_081725.xlsx',
        new TextEncoder().encode('PK-xlsx'),
      );
      await store().reports.recordPublished(publishedReport());
      await store().reports.recordPublished(
        publishedReport({
          identityKey: '111|2025-08-24|primary|',
          workRequest: '111',
          weekEnding: '2025-08-24',
          fileName: 'WR_111_WeekEnding_082425.xlsx',
        }),
      );
      const api = await start({ reportFiles: localReportFiles(root) });

      const all = (await api.inject({ url: '/api/reports', headers: as('viewer') })).json<ReportList>();
      expect(all.reports.map((r) => r.workRequest)).toEqual(['111', '89708709']);
      const filtered = await api.inject({
        url: '/api/reports?workRequest=89708709&week=2025-08-17',
        headers: as('viewer'),
      });
      expect(filtered.json<ReportList>().reports.map((r) => r.reportId)).toEqual([
        '89708709|2025-08-17|primary|',
      ]);

      const download = await api.inject({
        url: `/api/reports/${encodeURIComponent('89708709|2025-08-17|primary|')}/download`,
        headers: as('viewer'),
      });
      expect(download.statusCode).toBe(200);
      expect(download.body).toBe('PK-xlsx');
      expect(download.headers['content-disposition']).toBe(
        'attachment; filename="WR_89708709_WeekEnding_081725.xlsx"',
      );

      const notLocal = await api.inject({
        url: `/api/reports/${encodeURIComponent('111|2025-08-24|primary|')}/download`,
        headers: as('viewer'),
      });
      expect(notLocal.statusCode).toBe(404);
      expect(notLocal.json().message).toContain('neither the report folder nor Smartsheet has it');
      const traversal = await api.inject({
        url: `/api/reports/${encodeURIComponent('../../etc/passwd')}/download`,
        headers: as('viewer'),
      });
      expect(traversal.statusCode).toBe(404);
      const badWeek = await api.inject({ url: '/api/reports?week=last', headers: as('viewer') });
      expect(badWeek.statusCode).toBe(400);
    });

    it('pages published reports, newest week first, with the total the filter matches', async () => {
      // Three weeks × three Work Requests, recorded out of order.
      const weeks = ['2025-08-10', '2025-08-24', '2025-08-17'];
      const workRequests = ['300', '100', '200'];
      for (const weekEnding of weeks)
        for (const workRequest of workRequests)
          await store().reports.recordPublished(
            publishedReport({
              identityKey: `${workRequest}|${weekEnding}|primary|`,
              workRequest,
              weekEnding,
              fileName: `WR_${workRequest}_${weekEnding}.xlsx`,
            }),
          );
      const api = await start();
      const page = async (query: string) => {
        const response = await api.inject({ url: `/api/reports?${query}`, headers: as('viewer') });
        expect(response.statusCode).toBe(200);
        return response.json<ReportList>();
      };
      const pages = [
        await page('pageSize=4'),
        await page('pageSize=4&page=2'),
        await page('pageSize=4&page=3'),
      ];
      expect(pages.map((p) => [p.page, p.pageSize, p.total, p.reports.length])).toEqual([
        [1, 4, 9, 4],
        [2, 4, 9, 4],
        [3, 4, 9, 1],
      ]);
      expect(pages.flatMap((p) => p.reports.map((r) => `${r.weekEnding} ${r.workRequest}`))).toEqual([
        '2025-08-24 100',
        '2025-08-24 200',
        '2025-08-24 300',
        '2025-08-17 100',
        '2025-08-17 200',
        '2025-08-17 300',
        '2025-08-10 100',
        '2025-08-10 200',
        '2025-08-10 300',
      ]);
      expect((await page('pageSize=4&page=9')).reports).toEqual([]);
      const oneWr = await page('workRequest=200&pageSize=2');
      expect([oneWr.total, oneWr.reports.map((r) => r.weekEnding)]).toEqual([
        3,
        ['2025-08-24', '2025-08-17'],
      ]);
      const defaults = await page('week=2025-08-17');
      expect([defaults.page, defaults.pageSize, defaults.total]).toEqual([1, 100, 3]);

      for (const [query, message] of [
        ['pageSize=501', 'Invalid pageSize "501": expected a whole number from 1 to 500.'],
        ['page=0', 'Invalid page "0": expected a whole number from 1 to'],
        ['sort=week', 'Invalid parameter "sort": expected one of workRequest, week, page, pageSize.'],
      ] as const) {
        const refused = await api.inject({ url: `/api/reports?${query}`, headers: as('viewer') });
        expect(refused.statusCode).toBe(400);
        expect(refused.json().message).toContain(message);
      }
    });

    it('lists recent runs with their summaries and shows one', async () => {
      await store().runs.startRun({ id: 'run-1', kind: 'cycle', startedAt: '2025-08-19T10:00:00.000Z' });
      await store().runs.finishRun('run-1', {
        finishedAt: '2025-08-19T10:05:00.000Z',
        status: 'succeeded',
        summary: { reports: { published: 3 } },
        error: null,
      });
      await store().runs.startRun({ id: 'run-2', kind: 'cycle', startedAt: '2025-08-20T10:00:00.000Z' });
      const api = await start();

      const list = (await api.inject({ url: '/api/runs?limit=5', headers: as('viewer') })).json<RunList>();
      expect(list.runs.map((run) => run.id)).toEqual(['run-2', 'run-1']);
      const one = (await api.inject({ url: '/api/runs/run-1', headers: as('viewer') })).json<RunItem>();
      expect(one).toMatchObject({ status: 'succeeded', summary: { reports: { published: 3 } } });
      expect((await api.inject({ url: '/api/runs/nope', headers: as('viewer') })).statusCode).toBe(404);
      expect((await api.inject({ url: '/api/runs?limit=0', headers: as('viewer') })).statusCode).toBe(400);
    });

    it('shows each editor’s violations, impact and changes by local hour', async () => {
      await store().audit.appendEvents([
        buildAuditEvent({
          changedBy: 'jane@example.com',
          severity: 'HIGH',
          changedAt: '2025-08-19T15:00:00.000Z',
        }),
        buildAuditEvent({
          changedBy: 'jane@example.com',
          severity: 'LOW',
          changedAt: '2025-08-19T16:00:00.000Z',
        }),
        buildAuditEvent({
          changedBy: 'jane@example.com',
          runId: null,
          changedAt: '2025-08-19T16:00:00.000Z',
        }),
      ]);
      await store().risk.recordChanges([
        scored(
          {
            editor: 'jane@example.com',
            changedAt: '2025-08-19T15:00:00.000Z',
            localHour: 10,
            localWeekday: 1,
            deltaCents: 2_000,
          },
          0.4,
        ),
        scored(
          {
            editor: 'jane@example.com',
            changedAt: '2025-08-19T16:00:00.000Z',
            localHour: 11,
            localWeekday: 1,
            deltaCents: -500,
          },
          0.8,
        ),
        scored(
          {
            editor: 'sam@example.com',
            changedAt: '2025-08-18T13:00:00.000Z',
            localHour: 8,
            localWeekday: 0,
            deltaCents: 100,
          },
          0.1,
        ),
      ]);

      const response = await (await start()).inject({ url: '/api/editors?days=30', headers: as('viewer') });

      const { editors } = response.json<EditorsResponse>();
      expect(editors.map((e) => e.editor)).toEqual(['jane@example.com', 'sam@example.com']);
      expect(editors[0]).toMatchObject({
        changes: 2,
        violations: 2,
        violationsBySeverity: { HIGH: 1, LOW: 1 },
        netImpactCents: 1_500,
        absoluteImpactCents: 2_500,
        averageRisk: 0.6,
        maxRisk: 0.8,
        lastChangeAt: '2025-08-19T16:00:00.000Z',
      });
      expect(editors[0]?.byHour[10]).toBe(1);
      expect(editors[0]?.byHour[11]).toBe(1);
      expect(editors[0]?.byWeekdayHour[1]?.[11]).toBe(1);
      expect(editors[0]?.byWeekday).toEqual([0, 2, 0, 0, 0, 0, 0]);
    });

    it('shows settings without any secret, webhook secrets included', async () => {
      const secrets = {
        SMARTSHEET_API_TOKEN: 'tok-SECRET-1234567890',
        LEDGERLINE_SMTP_PASSWORD: 'smtp-SECRET-pass',
        LEDGERLINE_SESSION_SECRET: 'session-SECRET-0123456789abcdef0123456789',
        LEDGERLINE_ALERT_CHAT_WEBHOOK_URL: 'https://hooks.example.com/services/SECRET-chat',
        LEDGERLINE_DATABASE_URL: 'postgres://ledger:db-SECRET-pw@db.example.com:5432/ledger',
      };
      const config = loadConfig({ env: secrets, envFile: false });
      await store().webhooks.upsertWebhook({
        id: 77,
        sheetId: 5,
        callbackUrl: 'https://ledgerline.example.com/webhooks/smartsheet',
        sharedSecret: 'hook-SECRET-shared',
        status: 'ENABLED',
        lastCallbackAt: null,
      });
      const api = await start({ configView: () => redactedConfig(config) });

      const response = await api.inject({ url: '/api/settings', headers: as('auditor') });

      expect(response.statusCode).toBe(200);
      expect(response.body).not.toMatch(/SECRET/);
      const settings = response.json<SettingsResponse>();
      expect(settings.webhooks).toEqual([
        {
          id: 77,
          sheetId: 5,
          callbackUrl: 'https://ledgerline.example.com/webhooks/smartsheet',
          status: 'ENABLED',
          lastCallbackAt: null,
        },
      ]);
      expect(settings.model).toMatchObject({ coldStart: true, modelId: null, problem: null });
      expect(JSON.stringify(settings.config)).toContain('(set)');
    });

    it('verifies the trail on demand and keeps the outcome for the status', async () => {
      const signer = ed25519SignerFromPrivateKey(generateSigningKey().privateKeyPem);
      await store().audit.appendEvents([buildAuditEvent(), buildAuditEvent()]);
      await signAuditCheckpoint(store().audit, signer, { runId: 'run-1', now: NOW });
      const api = await start({ checkpointVerifiers: () => Promise.resolve(signer) });

      const before = (await api.inject({ url: '/api/trail', headers: as('viewer') })).json<TrailStatus>();
      expect(before).toEqual({ eventCount: 2, headSeq: 2, lastVerifiedAt: null, ok: null, problem: null });

      const verified = await api.inject({ method: 'POST', url: '/api/trail/verify', headers: as('auditor') });
      expect(verified.statusCode).toBe(200);
      expect(verified.json<TrailVerification>()).toMatchObject({
        ok: true,
        checkpointsChecked: 1,
        firstBadSeq: null,
        problem: null,
      });

      const after = (await api.inject({ url: '/api/trail', headers: as('viewer') })).json<TrailStatus>();
      expect(after).toMatchObject({ ok: true, lastVerifiedAt: NOW.toISOString() });
    });

    it('reports a trail it cannot verify (no key) as not verified, with the reason', async () => {
      const api = await start({ checkpointVerifiers: () => Promise.reject(new Error('No audit key found')) });
      const verified = await api.inject({ method: 'POST', url: '/api/trail/verify', headers: as('admin') });
      expect(verified.json<TrailVerification>()).toMatchObject({
        ok: false,
        problem: expect.stringContaining('No audit key found'),
      });
    });
  });
}
