import { describe, expect, it } from 'vitest';
import { authEvent, authEventRevision } from './auth-event.js';

const origin = {
  ipAddress: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0',
  deviceInfo: 'Chrome on Linux',
  sessionId: 'abc123',
};
const at = new Date('2025-08-18T14:00:00.000Z');

describe('auth events', () => {
  it('records a role change with who, on whom, from where, and no sheet', () => {
    const event = authEvent({
      type: 'ROLE_CHANGED',
      actor: 'admin@example.com',
      subject: 'ana@example.com',
      origin,
      at,
      nonce: 'n1',
      description: 'admin@example.com changed the role of ana@example.com from viewer to auditor.',
      oldValue: 'viewer',
      newValue: 'auditor',
    });

    expect(event).toMatchObject({
      violationType: 'ROLE_CHANGED',
      severity: 'INFO',
      revision: 'auth:role_changed:2025-08-18T14:00:00.000Z:n1',
      changedBy: 'admin@example.com',
      changedAt: '2025-08-18T14:00:00.000Z',
      sheetId: null,
      rowId: null,
      runId: null,
      oldValue: 'viewer',
      newValue: 'auditor',
      ...origin,
      details: { category: 'authentication', subject: 'ana@example.com' },
    });
    expect(event.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('marks failures LOW and gives each action its own revision', () => {
    const failed = (nonce: string) =>
      authEvent({ type: 'LOGIN_FAILED', actor: 'ana@example.com', origin, at, nonce, description: 'x' });

    expect(failed('a').severity).toBe('LOW');
    expect(failed('a').eventId).not.toBe(failed('b').eventId);
    expect(authEventRevision('LOGOUT', at, 'z')).toBe('auth:logout:2025-08-18T14:00:00.000Z:z');
  });
});
