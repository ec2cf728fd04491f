import { describe, expect, it } from 'vitest';
import { PASSWORD, USER_AGENT, startAuthServer } from '../../../test/http/auth-server-harness.js';
import { backends, useTestStore } from '../../../test/support/test-databases.js';
import { base32Decode } from '../../domain/auth/base32.js';
import { totpCode } from '../../domain/auth/totp.js';
import type { MfaConfirmed, MfaEnrolment, SessionInfo, SessionList } from '../dashboard/api-contract.js';

const sqlite = backends[0]!;

describe('dashboard sign-in and sessions', () => {
  const store = useTestStore(sqlite);

  it('signs in with a password: an HttpOnly, SameSite=Strict cookie, the session and an audit event', async () => {
    const auth = await startAuthServer(store());
    await auth.createUser('ana@example.com');

    const response = await auth.login({ email: 'ANA@example.com', password: PASSWORD });

    expect(response.statusCode).toBe(200);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^ll_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
    const info = response.json<SessionInfo>();
    expect(info).toMatchObject({
      user: { email: 'ana@example.com', role: 'auditor', mfaEnabled: false },
      idleExpiresAt: '2025-08-18T09:00:00.000Z',
      absoluteExpiresAt: '2025-08-18T20:00:00.000Z',
      mfaEnrolmentRequired: false,
    });
    const { events } = await store().audit.listEvents({ limit: 10, violationTypes: ['LOGIN_SUCCEEDED'] });
    expect(events[0]).toMatchObject({
      changedBy: 'ana@example.com',
      severity: 'INFO',
      ipAddress: '127.0.0.1',
      userAgent: USER_AGENT,
      deviceInfo: 'Chrome on Linux',
      sheetId: null,
      rowId: null,
    });
    expect(events[0]!.sessionId).toMatch(/^[0-9a-f]{64}$/);
    // The stored id is a hash: the cookie's token itself is in no table.
    expect(JSON.stringify(events)).not.toContain(cookie.slice('ll_session='.length, cookie.indexOf(';')));
  });

  it('marks the cookie Secure and sends HSTS when the request came over TLS through a trusted proxy', async () => {
    const auth = await startAuthServer(store(), { trustProxy: true });
    await auth.createUser('ana@example.com');

    const overTls = await auth.login(
      { email: 'ana@example.com', password: PASSWORD },
      { 'x-forwarded-proto': 'https' },
    );
    const plain = await auth.login({ email: 'ana@example.com', password: PASSWORD });

    expect(String(overTls.headers['set-cookie'])).toMatch(/; Secure$/);
    expect(overTls.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(String(plain.headers['set-cookie'])).not.toContain('Secure');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });

  it('ignores X-Forwarded-Proto from an untrusted client', async () => {
    const auth = await startAuthServer(store(), { trustProxy: false });
    await auth.createUser('ana@example.com');

    const response = await auth.login(
      { email: 'ana@example.com', password: PASSWORD },
      { 'x-forwarded-proto': 'https' },
    );

    expect(String(response.headers['set-cookie'])).not.toContain('Secure');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('answers a wrong password and an unknown e-mail alike with 401', async () => {
    const auth = await startAuthServer(store());
    await auth.createUser('ana@example.com');

    const wrong = await auth.login({ email: 'ana@example.com', password: 'not the password at all' });
    const unknown = await auth.login({ email: 'nobody@example.com', password: PASSWORD });

    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect(await auth.auditTypes()).toEqual(['USER_CREATED', 'LOGIN_FAILED', 'LOGIN_FAILED']);
  });

  it('locks the account after 5 failures (423), even for the right password, until the lockout ends', async () => {
    const auth = await startAuthServer(store());
    await auth.createUser('ana@example.com');
    const wrong = () => auth.login({ email: 'ana@example.com', password: 'guess guess guess' });

    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await wrong()).statusCode);
    const rightWhileLocked = await auth.login({ email: 'ana@example.com', password: PASSWORD });
    auth.advance(15);
    const rightAfter = await auth.login({ email: 'ana@example.com', password: PASSWORD });

    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    expect(rightWhileLocked.statusCode).toBe(423);
    expect(rightWhileLocked.headers['retry-after']).toBe('900');
    expect(rightAfter.statusCode).toBe(200);
    const types = await auth.auditTypes();
    expect(types.filter((t) => t === 'ACCOUNT_LOCKED')).toHaveLength(1);
    expect(types.at(-1)).toBe('LOGIN_SUCCEEDED');
  });

  it('limits sign-in attempts per client address with 429 and Retry-After', async () => {
    const auth = await startAuthServer(store(), { loginAttemptsPerMinute: 3 });
    await auth.createUser('ana@example.com');

    const statuses = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await auth.login({ email: 'x@example.com', password: 'p' })).statusCode);
    const limited = await auth.login({ email: 'ana@example.com', password: PASSWORD });
    auth.advance(1);
    const later = await auth.login({ email: 'ana@example.com', password: PASSWORD });

    expect(statuses).toEqual([401, 401, 401, 429]);
    expect([limited.statusCode, limited.headers['retry-after']]).toEqual([429, '60']);
    expect(later.statusCode).toBe(200);
  });

  it('refuses a state-changing request without the right CSRF token (403) and accepts it with', async () => {
    const auth = await startAuthServer(store());
    await auth.createUser('ana@example.com');
    const ana = await auth.signIn('ana@example.com');
    const post = (headers: Record<string, string>) =>
      auth.server.inject({ method: 'POST', url: '/api/probe', headers: { cookie: ana.cookie, ...headers } });

    const missing = await post({});
    const wrong = await post({ 'x-csrf-token': 'A'.repeat(43) });
    const right = await post({ 'x-csrf-token': ana.csrfToken });

    expect([missing.statusCode, missing.json().error]).toEqual([403, 'CSRF']);
    expect(wrong.statusCode).toBe(403);
    expect([right.statusCode, right.json()]).toEqual([200, { changed: true }]);
  });

  it('gives another session another CSRF token', async () => {
    const auth = await startAuthServer(store());
    await auth.createUser('ana@example.com');
    const first = await auth.signIn('ana@example.com');
    const second = await auth.signIn('ana@example.com');

    const crossed = await auth.as({ ...second, csrfToken: first.csrfToken }, 'POST', '/api/probe');

    expect(crossed.statusCode).toBe(403);
  });

  it('ends a session after 60 idle minutes, and an active one after 12 hours', async () => {
    const auth = await startAuthServer(store());
    await auth.createUser('ana@example.com');
    const idle = await auth.signIn('ana@example.com');
    const active = await auth.signIn('ana@example.com');

    auth.advance(59);
    expect((await auth.as(idle, 'GET', '/api/probe')).statusCode).toBe(200);
    expect((await auth.as(active, 'GET', '/api/probe')).statusCode).toBe(200);
    auth.advance(59);
    expect((await auth.as(active, 'GET', '/api/probe')).statusCode).toBe(200);
    auth.advance(1); // 60 minutes since the idle session's last request
    expect((await auth.as(idle, 'GET', '/api/probe')).statusCode).toBe(401);
    // Active every 50 minutes from minute 119 on: never idle, yet it ends at 12 h (minute 720).
    let elapsed = 119;
    while (elapsed + 50 < 720) {
      auth.advance(50);
      elapsed += 50;
      expect((await auth.as(active, 'GET', '/api/probe')).statusCode).toBe(200);
    }
    auth.advance(720 - elapsed);
    expect((await auth.as(active, 'GET', '/api/probe')).statusCode).toBe(401);
  });

  it('signs out: the session is revoked and the cookie cleared', async () => {
    const auth = await startAuthServer(store());
    await auth.createUser('ana@example.com');
    const ana = await auth.signIn('ana@example.com');

    const logout = await auth.as(ana, 'POST', '/api/auth/logout');
    const after = await auth.as(ana, 'GET', '/api/auth/session');

    expect(logout.statusCode).toBe(204);
    expect(String(logout.headers['set-cookie'])).toBe(
      'll_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0',
    );
    expect(after.statusCode).toBe(401);
    expect((await auth.auditTypes()).at(-1)).toBe('LOGOUT');
  });

  it('lists the own sessions with their device and revokes one of them', async () => {
    const auth = await startAuthServer(store());
    await auth.createUser('ana@example.com');
    await auth.createUser('bob@example.com');
    const laptop = await auth.signIn('ana@example.com');
    const phone = await auth.signIn('ana@example.com');
    const bob = await auth.signIn('bob@example.com');

    const list = (await auth.as(laptop, 'GET', '/api/auth/sessions')).json<SessionList>();
    const phoneId = list.sessions.find((s) => !s.current)!.id;
    const bobsId = (await auth.as(bob, 'GET', '/api/auth/sessions')).json<SessionList>().sessions[0]!.id;

    expect(list.sessions).toHaveLength(2);
    expect(list.sessions.map((s) => s.device)).toEqual(['Chrome on Linux', 'Chrome on Linux']);
    expect((await auth.as(laptop, 'DELETE', `/api/auth/sessions/${bobsId}`)).statusCode).toBe(404);
    expect((await auth.as(laptop, 'DELETE', `/api/auth/sessions/${phoneId}`)).statusCode).toBe(204);
    expect((await auth.as(phone, 'GET', '/api/probe')).statusCode).toBe(401);
    expect((await auth.as(bob, 'GET', '/api/probe')).statusCode).toBe(200);
  });

  it('changes the password: the current one is checked, the policy applies, other sessions end', async () => {
    const auth = await startAuthServer(store());
    await auth.createUser('ana@example.com');
    const here = await auth.signIn('ana@example.com');
    const elsewhere = await auth.signIn('ana@example.com');
    const change = (currentPassword: string, newPassword: string) =>
      auth.as(here, 'POST', '/api/auth/password', { currentPassword, newPassword });

    expect((await change('wrong wrong wrong', 'a brand new passphrase')).statusCode).toBe(400);
    expect((await change(PASSWORD, 'short')).json().message).toContain('at least 12 characters');
    expect((await change(PASSWORD, 'a brand new passphrase')).statusCode).toBe(204);

    expect((await auth.as(here, 'GET', '/api/probe')).statusCode).toBe(200);
    expect((await auth.as(elsewhere, 'GET', '/api/probe')).statusCode).toBe(401);
    expect((await auth.login({ email: 'ana@example.com', password: PASSWORD })).statusCode).toBe(401);
    expect(
      (await auth.login({ email: 'ana@example.com', password: 'a brand new passphrase' })).statusCode,
    ).toBe(200);
  });
});

describe('two-factor sign-in (TOTP)', () => {
  const store = useTestStore(sqlite);

  async function enrolled() {
    const auth = await startAuthServer(store());
    await auth.createUser('ana@example.com');
    const ana = await auth.signIn('ana@example.com');
    const offer = (await auth.as(ana, 'POST', '/api/auth/mfa/enrol')).json<MfaEnrolment>();
    const secret = base32Decode(offer.secret)!;
    const code = () => totpCode(secret, auth.clock.now);
    const confirmed = await auth.as(ana, 'POST', '/api/auth/mfa/confirm', { code: code() });
    return { auth, ana, offer, code, confirmed };
  }

  it('enrols with a QR code and otpauth URI, and shows ten recovery codes once', async () => {
    const { auth, offer, confirmed } = await enrolled();

    expect(offer.otpauthUri).toMatch(
      /^otpauth:\/\/totp\/Ledgerline:ana%40example\.com\?secret=[A-Z2-7]{32}&issuer=Ledgerline/,
    );
    expect(offer.qrSvg).toMatch(/^<svg/);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json<MfaConfirmed>().recoveryCodes).toHaveLength(10);
    const stored = await store().users.getUserByEmail('ana@example.com');
    expect(stored?.mfaEnabled).toBe(true);
    expect(stored?.recoveryCodes).toHaveLength(10);
    for (const hash of stored!.recoveryCodes) expect(hash).toMatch(/^\$argon2id\$v=19\$/);
    expect(await auth.auditTypes()).toContain('MFA_ENABLED');
  });

  it('asks for the code after the password, and refuses a code that was already used', async () => {
    const { auth, code } = await enrolled();

    const withoutCode = await auth.login({ email: 'ana@example.com', password: PASSWORD });
    const replayed = await auth.login({ email: 'ana@example.com', password: PASSWORD, totp: code() });
    auth.advance(0.5);
    const fresh = code();
    const accepted = await auth.login({ email: 'ana@example.com', password: PASSWORD, totp: fresh });
    const replayedAgain = await auth.login({ email: 'ana@example.com', password: PASSWORD, totp: fresh });

    expect([withoutCode.statusCode, withoutCode.json()]).toEqual([
      401,
      { error: 'MFA_REQUIRED', message: expect.any(String), mfaRequired: true },
    ]);
    expect([replayed.statusCode, replayed.json().error]).toEqual([401, 'LOGIN_FAILED']);
    expect(accepted.statusCode).toBe(200);
    expect(replayedAgain.statusCode).toBe(401);
    const { events } = await store().audit.listEvents({ limit: 100, violationTypes: ['LOGIN_FAILED'] });
    expect(events.map((e) => e.details['reason'])).toEqual(['totp-replayed', 'totp-replayed']);
  });

  it('accepts each recovery code once', async () => {
    const { auth, confirmed } = await enrolled();
    const [first] = confirmed.json<MfaConfirmed>().recoveryCodes;

    const once = await auth.login({ email: 'ana@example.com', password: PASSWORD, recoveryCode: first });
    const twice = await auth.login({ email: 'ana@example.com', password: PASSWORD, recoveryCode: first });

    expect(once.statusCode).toBe(200);
    expect(twice.statusCode).toBe(401);
    expect((await store().users.getUserByEmail('ana@example.com'))?.recoveryCodes).toHaveLength(9);
  });

  it('turns MFA off only with the password and a code', async () => {
    const { auth, ana, code } = await enrolled();
    auth.advance(0.5);

    const wrongPassword = await auth.as(ana, 'POST', '/api/auth/mfa/disable', {
      password: 'nope nope nope',
      code: code(),
    });
    const disabled = await auth.as(ana, 'POST', '/api/auth/mfa/disable', {
      password: PASSWORD,
      code: code(),
    });

    expect(wrongPassword.statusCode).toBe(400);
    expect(disabled.statusCode).toBe(204);
    expect((await auth.login({ email: 'ana@example.com', password: PASSWORD })).statusCode).toBe(200);
    expect(await auth.auditTypes()).toContain('MFA_DISABLED');
  });

  it('keeps an admin without MFA to enrolment when MFA is enforced for admins', async () => {
    const auth = await startAuthServer(store(), { policy: { mfaRequiredForAdmins: true } });
    await auth.createUser('root@example.com', 'admin');
    const admin = await auth.signIn('root@example.com');

    const probe = await auth.as(admin, 'GET', '/api/probe');
    const users = await auth.as(admin, 'GET', '/api/users');
    const session = await auth.as(admin, 'GET', '/api/auth/session');
    const offer = (await auth.as(admin, 'POST', '/api/auth/mfa/enrol')).json<MfaEnrolment>();
    const code = totpCode(base32Decode(offer.secret)!, auth.clock.now);
    const confirmed = await auth.as(admin, 'POST', '/api/auth/mfa/confirm', { code });

    expect([probe.statusCode, probe.json().error]).toEqual([403, 'MFA_ENROLMENT_REQUIRED']);
    expect(users.statusCode).toBe(403);
    expect(session.json<SessionInfo>().mfaEnrolmentRequired).toBe(true);
    expect(admin.info.mfaEnrolmentRequired).toBe(true);
    expect(confirmed.statusCode).toBe(200);
    expect((await auth.as(admin, 'GET', '/api/users')).statusCode).toBe(200);
  });

  it('never writes a password, TOTP secret or code into the trail or the logs', async () => {
    const { auth, offer, confirmed, code } = await enrolled();
    auth.advance(0.5);
    const totp = code();
    await auth.login({ email: 'ana@example.com', password: PASSWORD, totp });
    await auth.login({ email: 'ana@example.com', password: 'a wrong password here' });

    const trail = JSON.stringify((await store().audit.listEvents({ limit: 1_000 })).events);
    const logs = JSON.stringify(auth.logRecords);
    for (const secret of [
      PASSWORD,
      'a wrong password here',
      offer.secret,
      totp,
      ...confirmed.json<MfaConfirmed>().recoveryCodes,
    ]) {
      expect(trail).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
  });
});
