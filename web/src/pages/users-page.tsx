// Users (admins): the accounts, adding one with a role, disabling, changing the role and
// resetting a password. A generated password (new account or reset) is shown once, never stored.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, describeFailure } from '../api/api-client.js';
import type { CreateUserRequest, CreatedUser, Role, UserList, UserSummary } from '../api/contract-types.js';
import { useSignedInSession } from '../app/session.js';
import { formatDateTime } from '../ui/display-format.js';
import { LoadState } from '../ui/load-state.js';
import { StatusChip } from '../ui/severity-chip.js';
import { useApiData } from '../ui/use-api-data.js';

const ROLES: readonly Role[] = ['viewer', 'auditor', 'admin'];

export function UsersPage() {
  const { data, error, loading, reload } = useApiData<UserList>('/api/users');
  const [oneTime, setOneTime] = useState<{ title: string; reply: CreatedUser } | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  /** Posts an admin action; with `title`, the reply is a CreatedUser whose password is shown once. */
  async function act(path: string, body: unknown = {}, title?: string): Promise<boolean> {
    setActionError(null);
    setOneTime(null);
    try {
      const reply = await api.post<unknown>(path, body);
      if (title !== undefined) setOneTime({ title, reply: reply as CreatedUser });
      reload();
      return true;
    } catch (failure) {
      setActionError(describeFailure(failure));
      return false;
    }
  }

  return (
    <section className="page" aria-labelledby="users-title">
      <h1 id="users-title">Users</h1>
      <LoadState loading={loading} error={error} hasData={data !== undefined} />
      {actionError && (
        <div className="notice notice-error" role="alert">
          {actionError}
        </div>
      )}
      {oneTime && (
        <div className="card one-time" role="status" data-testid="users-one-time">
          <h2>{oneTime.title}</h2>
          {oneTime.reply.temporaryPassword ? (
            <>
              <p>
                Temporary password for <strong>{oneTime.reply.user.email}</strong>, shown only now. Pass it on
                through a safe channel.
              </p>
              <p>
                <code className="secret" data-testid="users-temporary-password">
                  {oneTime.reply.temporaryPassword}
                </code>
              </p>
            </>
          ) : (
            <p>Done: the password you entered is set for {oneTime.reply.user.email}.</p>
          )}
          <button type="button" className="button" onClick={() => setOneTime(null)}>
            Done
          </button>
        </div>
      )}
      {data && (
        <>
          <AddUserForm onAdd={(body) => act('/api/users', body, 'New account')} />
          <UsersTable users={data.users ?? []} act={act} />
        </>
      )}
    </section>
  );
}

function AddUserForm({ onAdd }: { onAdd(body: unknown): Promise<boolean> }) {
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [password, setPassword] = useState('');

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const request: CreateUserRequest = {
      email: email.trim(),
      displayName: displayName.trim(),
      role,
      ...(password === '' ? {} : { password }),
    };
    const added = await onAdd(request);
    if (added) {
      setEmail('');
      setDisplayName('');
      setRole('viewer');
      setPassword('');
    }
  }

  return (
    <form
      className="card filter-bar filter-bar-inline"
      onSubmit={(event) => void submit(event)}
      aria-label="Add a user"
    >
      <label className="field">
        <span>E-mail</span>
        <input
          type="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          data-testid="user-add-email"
        />
      </label>
      <label className="field">
        <span>Name</span>
        <input
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          data-testid="user-add-name"
        />
      </label>
      <label className="field">
        <span>Role</span>
        <select
          value={role}
          onChange={(event) => setRole(event.target.value as Role)}
          data-testid="user-add-role"
        >
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Initial password (optional, ≥ 12 characters)</span>
        <input
          type="password"
          autoComplete="new-password"
          minLength={12}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          data-testid="user-add-password"
        />
      </label>
      <button type="submit" className="button button-primary" data-testid="user-add-submit">
        Add user
      </button>
    </form>
  );
}

function UsersTable({
  users,
  act,
}: {
  readonly users: readonly UserSummary[];
  act(path: string, body?: unknown, title?: string): Promise<boolean>;
}) {
  const me = useSignedInSession().user;
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="users-table">
        <thead>
          <tr>
            <th scope="col">E-mail</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">MFA</th>
            <th scope="col">Permissions</th>
            <th scope="col">State</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const path = `/api/users/${encodeURIComponent(user.id)}`;
            const self = user.id === me.id;
            return (
              <tr key={user.id} data-testid="user-row" data-user-email={user.email}>
                <td>{user.email}</td>
                <td>{user.displayName}</td>
                <td>
                  <select
                    aria-label={`Role of ${user.email}`}
                    value={user.role}
                    disabled={self || user.disabledAt !== null}
                    onChange={(event) => void act(`${path}/role`, { role: event.target.value })}
                    data-testid="user-role-select"
                  >
                    {ROLES.map((option) => (
                      <option key={option} value={option}>
                        {option}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{user.mfaEnabled ? 'on' : 'off'}</td>
                <td>{user.permissions.length === 0 ? '—' : user.permissions.join(', ')}</td>
                <td>
                  <StatusChip
                    status={user.disabledAt ? 'disabled' : user.lockedUntil ? 'locked' : 'active'}
                  />
                </td>
                <td>{formatDateTime(user.lastLoginAt)}</td>
                <td className="button-row">
                  <button
                    type="button"
                    className="button"
                    disabled={user.disabledAt !== null}
                    onClick={() => void act(`${path}/reset-password`, {}, `Password reset for ${user.email}`)}
                    data-testid="user-reset-password"
                  >
                    Reset password
                  </button>
                  <button
                    type="button"
                    className="button button-danger"
                    disabled={self || user.disabledAt !== null}
                    onClick={() => {
                      if (window.confirm(`Disable ${user.email}? Their sessions end now.`)) {
                        void act(`${path}/disable`);
                      }
                    }}
                    data-testid="user-disable"
                  >
                    Disable
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
