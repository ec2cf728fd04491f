// Two-factor enrolment: a new secret as QR code and text, one code to confirm it, then the
// recovery codes — shown this once. Reached from the user menu, and forced when the role
// requires MFA and the user has none yet (the server then refuses everything else).
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, describeFailure } from '../api/api-client.js';
import type { MfaConfirmed, MfaEnrolment } from '../api/contract-types.js';
import { Link, navigate } from '../app/router.js';
import { useSession, useSignedInSession } from '../app/session.js';

/** The SVG markup as an image URL; encoded so '#', '%' and quotes survive. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export function MfaSetupPage() {
  const session = useSignedInSession();
  const { refresh } = useSession();
  const [enrolment, setEnrolment] = useState<MfaEnrolment | null>(null);
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<readonly string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function start(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      setEnrolment(await api.post<MfaEnrolment>('/api/auth/mfa/enrol'));
    } catch (failure) {
      setError(describeFailure(failure));
    } finally {
      setBusy(false);
    }
  }

  async function confirm(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const reply = await api.post<MfaConfirmed>('/api/auth/mfa/confirm', { code: code.trim() });
      setRecoveryCodes(reply.recoveryCodes);
      setEnrolment(null);
    } catch (failure) {
      setError(describeFailure(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page page-narrow" aria-labelledby="mfa-title">
      <h1 id="mfa-title">Two-factor authentication</h1>
      {session.mfaEnrolmentRequired && recoveryCodes === null && (
        <div className="notice notice-warning" role="status" data-testid="mfa-required">
          Your role requires two-factor authentication. Set it up to continue.
        </div>
      )}
      {error && (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      )}

      {recoveryCodes !== null ? (
        <div className="card">
          <h2>Recovery codes</h2>
          <p>
            Two-factor authentication is on. Store these codes somewhere safe: each one signs you in once if
            you lose your authenticator. They are shown only now.
          </p>
          <ol className="recovery-codes" data-testid="recovery-codes">
            {recoveryCodes.map((recoveryCode) => (
              <li key={recoveryCode}>
                <code>{recoveryCode}</code>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button button-primary"
            onClick={() => void refresh().then(() => navigate('/'))}
            data-testid="mfa-done"
          >
            I have saved them
          </button>
        </div>
      ) : enrolment === null ? (
        <div className="card">
          <p>
            {session.user.mfaEnabled
              ? 'Two-factor authentication is on. Setting it up again replaces your authenticator and recovery codes.'
              : 'Protect your account with a code from an authenticator app (RFC 6238 TOTP).'}
          </p>
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => void start()}
            data-testid="mfa-start"
          >
            {session.user.mfaEnabled ? 'Set up a new authenticator' : 'Set up two-factor authentication'}
          </button>
          {!session.mfaEnrolmentRequired && (
            <p>
              <Link to="/">Back to the dashboard</Link>
            </p>
          )}
        </div>
      ) : (
        <form className="card" onSubmit={(event) => void confirm(event)}>
          <ol className="steps">
            <li>
              Scan this QR code with your authenticator app:
              <img
                className="mfa-qr"
                src={svgDataUrl(enrolment.qrSvg)}
                alt="QR code of the authenticator secret"
                width={200}
                height={200}
                data-testid="mfa-qr"
              />
            </li>
            <li>
              Or enter this secret by hand: <code data-testid="mfa-secret">{enrolment.secret}</code>
            </li>
            <li>
              <label className="field">
                <span>Enter the 6-digit code the app shows</span>
                <input
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  pattern="[0-9]{6}"
                  maxLength={6}
                  required
                  value={code}
                  onChange={(event) => setCode(event.target.value)}
                  data-testid="mfa-code"
                />
              </label>
            </li>
          </ol>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="mfa-confirm">
            Confirm
          </button>
        </form>
      )}
    </section>
  );
}
