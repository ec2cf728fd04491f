// The signed-in user's own account: change the password, see the live sessions and end any of
// them (the current one included means signing out), and the way to two-factor settings.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, describeFailure } from '../api/api-client.js';
import type { ChangePasswordRequest, MfaDisableRequest, SessionList } from '../api/contract-types.js';
import { Link } from '../app/router.js';
import { useSession, useSignedInSession } from '../app/session.js';
import { formatDateTime, textOrEmpty } from '../ui/display-format.js';
import { LoadState } from '../ui/load-state.js';
import { useApiData } from '../ui/use-api-data.js';

export function AccountPage() {
  const session = useSignedInSession();
  return (
    <section className="page" aria-labelledby="account-title">
      <h1 id="account-title">Your account</h1>
      <p className="muted">
        {session.user.email} · {session.user.role} · session ends after inactivity at{' '}
        {formatDateTime(session.idleExpiresAt)}, at the latest {formatDateTime(session.absoluteExpiresAt)}
      </p>
      <div className="settings-grid">
        <PasswordCard />
        <MfaCard />
        <SessionsCard />
      </div>
    </section>
  );
}

function PasswordCard() {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    try {
      const request: ChangePasswordRequest = { currentPassword, newPassword };
      await api.post('/api/auth/password', request);
      setCurrentPassword('');
      setNewPassword('');
      setMessage({ ok: true, text: 'Password changed. Your other sessions have ended.' });
    } catch (failure) {
      setMessage({ ok: false, text: describeFailure(failure) });
    }
  }

  return (
    <form className="card" onSubmit={(event) => void submit(event)} aria-labelledby="password-title">
      <h2 id="password-title">Password</h2>
      {message && (
        <div className={message.ok ? 'notice notice-success' : 'notice notice-error'} role="status">
          {message.text}
        </div>
      )}
      <label className="field">
        <span>Current password</span>
        <input
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
        />
      </label>
      <label className="field">
        <span>New password (at least 12 characters)</span>
        <input
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          value={newPassword}
          onChange={(event) => setNewPassword(event.target.value)}
          data-testid="account-new-password"
        />
      </label>
      <button type="submit" className="button button-primary">
        Change password
      </button>
    </form>
  );
}

function MfaCard() {
  const session = useSignedInSession();
  const { refresh } = useSession();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function disable(event: FormEvent): Promise<void> {
    event.preventDefault();
    try {
      const request: MfaDisableRequest = { password, code: code.trim() };
      await api.post('/api/auth/mfa/disable', request);
      setPassword('');
      setCode('');
      await refresh();
    } catch (failure) {
      setError(describeFailure(failure));
    }
  }

  return (
    <div className="card">
      <h2>Two-factor authentication</h2>
      <p data-testid="account-mfa-state">{session.user.mfaEnabled ? 'On.' : 'Off.'}</p>
      <p>
        <Link to="/account/mfa" data-testid="account-mfa-setup">
          {session.user.mfaEnabled ? 'Set up a new authenticator' : 'Set up two-factor authentication'}
        </Link>
      </p>
      {session.user.mfaEnabled && (
        <form onSubmit={(event) => void disable(event)} aria-label="Turn two-factor authentication off">
          {error && (
            <div className="notice notice-error" role="alert">
              {error}
            </div>
          )}
          <label className="field">
            <span>Password</span>
            <input
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </label>
          <label className="field">
            <span>Authenticator or recovery code</span>
            <input
              autoComplete="one-time-code"
              required
              value={code}
              onChange={(event) => setCode(event.target.value)}
            />
          </label>
          <button type="submit" className="button button-danger">
            Turn off
          </button>
        </form>
      )}
    </div>
  );
}

function SessionsCard() {
  const { signOut } = useSession();
  const { data, error, loading, reload } = useApiData<SessionList>('/api/auth/sessions');
  const [actionError, setActionError] = useState<string | null>(null);

  async function end(id: string, current: boolean): Promise<void> {
    setActionError(null);
    if (current) {
      await signOut();
      return;
    }
    try {
      await api.delete(`/api/auth/sessions/${encodeURIComponent(id)}`);
      reload();
    } catch (failure) {
      setActionError(describeFailure(failure));
    }
  }

  return (
    <div className="card card-wide">
      <h2>Sessions</h2>
      <LoadState loading={loading} error={error} hasData={data !== undefined} />
      {actionError && (
        <div className="notice notice-error" role="alert">
          {actionError}
        </div>
      )}
      {data && (
        <div className="table-wrap">
          <table className="data-table compact" data-testid="sessions-table">
            <thead>
              <tr>
                <th scope="col">Device</th>
                <th scope="col">IP address</th>
                <th scope="col">Signed in</th>
                <th scope="col">Last active</th>
                <th scope="col">Ends at the latest</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.sessions.map((item) => (
                <tr key={item.id} data-testid="session-row">
                  <td>
                    {textOrEmpty(item.device)}
                    {item.current && <span className="muted"> (this browser)</span>}
                  </td>
                  <td>{textOrEmpty(item.ipAddress)}</td>
                  <td>{formatDateTime(item.createdAt)}</td>
                  <td>{formatDateTime(item.lastSeenAt)}</td>
                  <td>{formatDateTime(item.absoluteExpiresAt)}</td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      onClick={() => void end(item.id, item.current)}
                      data-testid="session-revoke"
                    >
                      {item.current ? 'Sign out' : 'End session'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
