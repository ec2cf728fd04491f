// The signed-in session: probed once at start, set by the login page, cleared by logout or by
// any 401 (then the login page says the session expired).
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { api, setCsrfToken, setUnauthorizedHandler } from '../api/api-client.js';
import type { Permission, SessionInfo } from '../api/contract-types.js';
import { roleGrants } from './permissions.js';
import { navigate } from './router.js';

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'signed-out'; readonly expired: boolean }
  | { readonly status: 'signed-in'; readonly session: SessionInfo };

interface SessionControls {
  readonly state: SessionState;
  signedIn(session: SessionInfo): void;
  signOut(): Promise<void>;
  /** Re-reads GET /api/auth/session (after MFA changes). */
  refresh(): Promise<void>;
  can(permission: Permission): boolean;
}

const SessionContext = createContext<SessionControls | null>(null);

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const signedIn = useCallback((session: SessionInfo) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed-in', session });
  }, []);

  const refresh = useCallback(async () => {
    try {
      signedIn(await api.get<SessionInfo>('/api/auth/session', { expectUnauthorized: true }));
    } catch {
      setCsrfToken(null);
      setState({ status: 'signed-out', expired: false });
    }
  }, [signedIn]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setState((previous) =>
        previous.status === 'signed-in' ? { status: 'signed-out', expired: true } : previous,
      );
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', {}, { expectUnauthorized: true });
    } finally {
      setCsrfToken(null);
      setState({ status: 'signed-out', expired: false });
      navigate('/login');
    }
  }, []);

  const value = useMemo<SessionControls>(
    () => ({
      state,
      signedIn,
      signOut,
      refresh,
      can: (permission) => state.status === 'signed-in' && roleGrants(state.session.user.role, permission),
    }),
    [state, signedIn, signOut, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionControls {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in session; only for components rendered inside the signed-in shell. */
export function useSignedInSession(): SessionInfo {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useSignedInSession without a session');
  return state.session;
}
