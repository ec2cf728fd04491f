import { describe, expect, it } from 'vitest';
import { RouteTable } from './route-matcher.js';

const table = new RouteTable([
  { method: 'GET', pattern: '/sheets/{sheetId}', name: 'get' },
  { method: 'DELETE', pattern: '/sheets/{sheetId}', name: 'delete' },
  { method: 'POST', pattern: '/webhooks/{webhookId}/resetsharedsecret', name: 'reset' },
]);

describe('RouteTable', () => {
  it('matches with params and names the route', () => {
    const match = table.match('GET', '/sheets/42');
    expect(match).toMatchObject({
      kind: 'found',
      params: { sheetId: '42' },
      route: { name: 'GET /sheets/{sheetId}' },
    });
  });

  it('accepts one trailing slash', () => {
    expect(table.match('GET', '/sheets/42/').kind).toBe('found');
  });

  it('matches resetsharedsecret in any case', () => {
    expect(table.match('POST', '/webhooks/7/resetSharedSecret').kind).toBe('found');
  });

  it('tells a wrong method from an unknown path', () => {
    expect(table.match('PUT', '/sheets/42')).toMatchObject({
      kind: 'method-not-allowed',
      allowed: ['GET', 'DELETE'],
    });
    expect(table.match('GET', '/nope').kind).toBe('not-found');
    expect(table.match('GET', '/sheets//42').kind).toBe('not-found');
  });
});
