// A stand-in for `ledgerline serve` as the browser sees it: web/dist at `/` with the index.html
// fallback and the production CSP, plus canned answers for the dashboard API (shapes from
// src/http/dashboard/api-contract.ts). It lets the web app be tested in a real browser on its
// own; the real server's routes have their own tests.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type {
  Overview,
  ReportItem,
  ReportList,
  RevertResult,
  SessionInfo,
  ViolationDetail,
  ViolationItem,
} from '../../src/http/dashboard/api-contract.js';

export const DASHBOARD_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const CSRF = 'csrf-token-1';
const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

export function violation(seq: number, changes: Partial<ViolationItem> = {}): ViolationItem {
  return {
    eventId: `evt-${seq}`,
    seq,
    runId: 'run-1',
    timestamp: '2026-11-20T10:00:00.000Z',
    severity: 'HIGH',
    violationType: 'POST_CLOSE_EDIT',
    sheetId: 11,
    sheetName: 'Crew North',
    rowId: 500 + seq,
    workRequest: 'WR-1001',
    weekEnding: '2026-11-15',
    columnName: 'Price',
    oldValue: '100.00',
    newValue: '180.00',
    deltaCents: 8000,
    changedBy: 'crew.lead@example.com',
    changedAt: '2026-11-20T09:58:00.000Z',
    riskScore: 0.82,
    anomalyScore: null,
    predictedCategory: 'PRICE_MANIPULATION',
    issueDescription: 'Price of a billed row changed after week close.',
    suggestedFix: 'Confirm with the crew lead.',
    sheetReference: 'https://app.smartsheet.com/sheets/11?rowId=501',
    reviewStatus: 'open',
    ...changes,
  };
}

export interface MockDashboard {
  readonly url: string;
  /** Every API request the browser made: method, path with query, CSRF header, JSON body. */
  readonly requests: { method: string; url: string; csrf: string | undefined; body: unknown }[];
  /** Ends every session: the next API call answers 401. */
  expireSessions(): void;
  /** Sends one audit event to every open live-feed stream. */
  pushFeedEvent(event: ViolationItem): void;
  close(): Promise<void>;
}

/** Serves `distDir`; `role` is the role of whoever signs in. */
export async function startMockDashboard(distDir: string, role: 'admin' | 'viewer'): Promise<MockDashboard> {
  const indexHtml = readFileSync(path.join(distDir, 'index.html'));
  const requests: MockDashboard['requests'] = [];
  const streams = new Set<http.ServerResponse>();
  let sessionsValid = true;

  const session: SessionInfo = {
    user: { id: 'u1', email: 'ada@example.com', displayName: 'Ada Auditor', role, mfaEnabled: true },
    csrfToken: CSRF,
    idleExpiresAt: '2026-11-20T11:00:00.000Z',
    absoluteExpiresAt: '2026-11-20T18:00:00.000Z',
    mfaEnrolmentRequired: false,
  };
  const overview: Overview = {
    weekEnding: '2026-11-22',
    billedThisWeekCents: 1_234_567,
    changesThisWeek: 42,
    violationsBySeverity: { CRITICAL: 1, HIGH: 3, MEDIUM: 5, LOW: 2, INFO: 0 },
    netImpactCents: -45_000,
    riskTrend: [
      { date: '2026-11-18', averageRisk: 0.2, maxRisk: 0.6, events: 4 },
      { date: '2026-11-19', averageRisk: 0.35, maxRisk: 0.82, events: 7 },
    ],
    lastRun: { id: 'run-1', status: 'succeeded', finishedAt: '2026-11-20T10:01:00.000Z' },
    model: { coldStart: true, modelId: null },
    trail: { eventCount: 11, headSeq: 11, lastVerifiedAt: null, ok: null, problem: null },
  };

  function json(response: http.ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  async function readBody(request: http.IncomingMessage): Promise<unknown> {
    let text = '';
    for await (const chunk of request) text += String(chunk);
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  }

  const server = http.createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      response.setHeader('content-security-policy', DASHBOARD_CSP);
      response.setHeader('x-content-type-options', 'nosniff');
      if (!url.pathname.startsWith('/api/')) {
        if (url.pathname.startsWith('/assets/')) {
          const file = path.join(distDir, 'assets', path.basename(url.pathname));
          try {
            const content = readFileSync(file);
            response.writeHead(200, {
              'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
            });
            response.end(content);
          } catch {
            response.writeHead(404).end();
          }
          return;
        }
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(indexHtml);
        return;
      }
      const method = request.method ?? 'GET';
      const csrf = request.headers['x-csrf-token'] as string | undefined;
      requests.push({ method, url: url.pathname + url.search, csrf, body: await readBody(request) });
      const signedIn = sessionsValid && (request.headers.cookie ?? '').includes('ll_session=s1');

      if (method === 'POST' && url.pathname === '/api/auth/login') {
        const body = requests.at(-1)?.body as { password?: string; totp?: string };
        if (body.password !== 'correct horse battery') {
          return json(response, 401, {
            error: 'UNAUTHENTICATED',
            message: 'E-mail or password is not correct.',
          });
        }
        if (body.totp === undefined) {
          return json(response, 401, {
            error: 'MFA_REQUIRED',
            message: 'Enter your code.',
            mfaRequired: true,
          });
        }
        sessionsValid = true;
        response.setHeader('set-cookie', 'll_session=s1; Path=/; HttpOnly; SameSite=Strict');
        return json(response, 200, session);
      }
      if (!signedIn) return json(response, 401, { error: 'UNAUTHENTICATED', message: 'Sign in first.' });
      if (method !== 'GET' && csrf !== CSRF)
        return json(response, 403, { error: 'CSRF', message: 'Bad token.' });

      const route = `${method} ${url.pathname}`;
      if (route === 'GET /api/auth/session') return json(response, 200, session);
      if (route === 'GET /api/overview') return json(response, 200, overview);
      if (route === 'GET /api/violations') {
        return json(response, 200, {
          items: [violation(11), violation(10, { severity: 'CRITICAL' })],
          total: 2,
          page: 1,
          pageSize: 50,
        });
      }
      if (route === 'GET /api/reports') {
        // 250 reports in pages of 100: the page asked for, numbered so the test can see which.
        const page = Number(url.searchParams.get('page') ?? '1');
        const count = Math.max(0, Math.min(100, 250 - (page - 1) * 100));
        const reports: ReportItem[] = Array.from({ length: count }, (_, i) => {
          const n = (page - 1) * 100 + i + 1;
          return {
            reportId: `WR${n}|2026-11-15|primary|`,
            workRequest: `WR${n}`,
            weekEnding: '2026-11-15',
            variant: 'primary',
            claimer: null,
            fileName: `WR_WR${n}_WeekEnding_111526.xlsx`,
            publishedAt: '2026-11-16T06:00:00.000Z',
            contentHash: 'a'.repeat(64),
            runId: 'run-1',
          };
        });
        const list: ReportList = { reports, total: 250, page, pageSize: 100 };
        return json(response, 200, list);
      }
      if (route === 'GET /api/violations/evt-11') {
        const detail: ViolationDetail = {
          event: violation(11),
          reasons: ['The week ending 2026-11-15 was closed on 2026-11-17.'],
          risk: {
            score: 0.82,
            contributions: { rules: 0.7, anomaly: 0, editor: 0.3 },
            coldStart: true,
            topFeatures: [],
          },
          cellHistory: [
            { value: '180.00', modifiedAt: '2026-11-20T09:58:00.000Z', modifiedBy: 'crew.lead@example.com' },
          ],
          reviews: [],
          revertible: true,
        };
        return json(response, 200, detail);
      }
      if (route === 'POST /api/violations/evt-11/revert') {
        const result: RevertResult = {
          review: { status: 'reverted', comment: '', by: 'ada@example.com', at: '2026-11-20T10:05:00.000Z' },
          eventSeq: 13,
          from: '180.00',
          to: '100.00',
        };
        return json(response, 200, result);
      }
      if (route === 'POST /api/auth/mfa/enrol') {
        // '#' in the colour must survive the data: URL (encoded as %23).
        const qrSvg =
          '<svg xmlns="http://www.w3.org/2000/svg" width="21" height="21"><rect width="21" height="21" fill="#000"/></svg>';
        return json(response, 200, { secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/x', qrSvg });
      }
      if (route === 'POST /api/auth/mfa/confirm') {
        return json(response, 200, { recoveryCodes: ['k7q2-9x4m', 'p3w8-t6n1'] });
      }
      if (route === 'GET /api/feed') {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
        response.write(': connected\n\n');
        streams.add(response);
        request.on('close', () => streams.delete(response));
        return;
      }
      if (url.pathname.startsWith('/api/users') && role !== 'admin') {
        return json(response, 403, { error: 'FORBIDDEN', message: `Your role (${role}) may not do this.` });
      }
      json(response, 404, { error: 'NOT_FOUND', message: 'No such route in the mock.' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    expireSessions: () => {
      sessionsValid = false;
    },
    pushFeedEvent: (event) => {
      for (const stream of streams)
        stream.write(`id: ${event.seq}\nevent: audit\ndata: ${JSON.stringify(event)}\n\n`);
    },
    close: async () => {
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
