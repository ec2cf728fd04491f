import { describe, expect, it } from 'vitest';
import { RequestLog } from './request-log.js';

const entry = (
  status: number,
  extra: Partial<{ errorCode: number; user: string | null; weight: number }> = {},
) => ({
  at: '2026-09-02T00:00:00Z',
  method: 'GET',
  path: '/2.0/sheets',
  route: 'GET /sheets',
  user: 'a@example.com',
  status,
  weight: 1,
  ...extra,
});

describe('RequestLog', () => {
  it('numbers entries and returns those after a sequence number', () => {
    const log = new RequestLog();
    log.record(entry(200));
    log.record(entry(404, { errorCode: 1006 }));
    expect(log.since(1).map((e) => e.status)).toEqual([404]);
  });

  it('counts by route, status, rate limiting and units per user', () => {
    const log = new RequestLog();
    log.record(entry(200, { weight: 10 }));
    log.record(entry(429, { errorCode: 4003, weight: 0 }));
    log.record(entry(401, { user: null, weight: 0 }));
    expect(log.counts()).toEqual({
      total: 3,
      byRoute: { 'GET /sheets': 3 },
      byStatus: { '200': 1, '429': 1, '401': 1 },
      rateLimited: 1,
      unitsByUser: { 'a@example.com': 10 },
    });
  });

  it('clears entries and counters but keeps sequence numbers rising', () => {
    const log = new RequestLog();
    log.record(entry(200));
    log.clear();
    expect(log.record(entry(200)).seq).toBe(2);
    expect(log.counts().total).toBe(1);
  });
});
