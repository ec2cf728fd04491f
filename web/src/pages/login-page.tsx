// Sign-in: e-mail and password, then — when the server asks for it with 401 `mfaRequired` — the
// 6-digit authenticator code or a recovery code. Lockout (423) and rate limit (429) get their
// own wording; everything else shows the server's message.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiFailure, api, describeFailure } from '../api/api-client.js';
import type { LoginRequest, SessionInfo } from '../api/contract-types.js';
import { navigate, safeLocalPath } from '../app/router.js';
import { useSession } from '../app/session.js';

export function LoginPage({ expired, next }: { readonly expired: boolean; readonly next: string }) {
  const { signedIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [mfaStep, setMfaStep] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const request: LoginRequest = {
      email: email.trim(),
      password,
      ...(mfaStep && !useRecovery ? { totp: code.trim() } : {}),
      ...(mfaStep && useRecovery ? { recoveryCode: code.trim() } : {}),
    };
    try {
      const session = await api.post<SessionInfo>('/api/auth/login', request, { expectUnauthorized: true });
      signedIn(session);
      navigate(session.mfaEnrolmentRequired ? '/account/mfa' : safeLocalPath(next), { replace: true });
    } catch (failure) {
      if (failure instanceof ApiFailure && failure.status === 401 && failure.body.mfaRequired === true) {
        if (mfaStep) setError(failure.message || 'That code was not accepted.');
        setMfaStep(true);
        setCode('');
      } else {
        setError(loginFailureMessage(failure));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login-screen">
      <form className="login-card" onSubmit={(event) => void submit(event)} aria-labelledby="login-title">
        <h1 id="login-title" className="brand-title">
          Ledgerline
        </h1>
        <p className="muted">Billing audit dashboard</p>
        {expired && !error && (
          <div className="notice notice-warning" role="status" data-testid="session-expired">
            Your session has expired. Please sign in again.
          </div>
        )}
        {error && (
          <div className="notice notice-error" role="alert" data-testid="login-error">
            {error}
          </div>
        )}
        {!mfaStep ? (
          <>
            <label className="field">
              <span>E-mail</span>
              <input
                type="email"
                autoComplete="username"
                required
                autoFocus
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                data-testid="login-email"
              />
            </label>
            <label className="field">
              <span>Password</span>
              <input
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                data-testid="login-password"
              />
            </label>
          </>
        ) : (
          <>
            <p>
              {useRecovery
                ? 'Enter one of your recovery codes. Each code works once.'
                : 'Enter the 6-digit code from your authenticator app.'}
            </p>
            <label className="field">
              <span>{useRecovery ? 'Recovery code' : 'Authentication code'}</span>
              <input
                inputMode={useRecovery ? 'text' : 'numeric'}
                autoComplete="one-time-code"
                pattern={useRecovery ? undefined : '[0-9]{6}'}
                maxLength={useRecovery ? 64 : 6}
                required
                autoFocus
                value={code}
                onChange={(event) => setCode(event.target.value)}
                data-testid="login-totp"
              />
            </label>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setUseRecovery(!useRecovery);
                setCode('');
              }}
              data-testid="login-use-recovery"
            >
              {useRecovery ? 'Use an authenticator code instead' : 'Use a recovery code instead'}
            </button>
          </>
        )}
        <button type="submit" className="button button-primary" disabled={busy} data-testid="login-submit">
          {busy ? 'Signing in…' : mfaStep ? 'Verify' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}

function loginFailureMessage(failure: unknown): string {
  if (failure instanceof ApiFailure) {
    const serverMessage = typeof failure.body.message === 'string' ? failure.body.message : null;
    if (failure.status === 423) {
      return serverMessage ?? 'This account is locked after too many failed sign-ins. Try again later.';
    }
    if (failure.status === 429)
      return serverMessage ?? 'Too many sign-in attempts. Wait a minute and try again.';
    if (failure.status === 401) return serverMessage ?? 'E-mail or password is not correct.';
  }
  return describeFailure(failure);
}
