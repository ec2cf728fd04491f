// The top of the app: the login page until there is a session, then the dashboard shell.
import { useEffect } from 'react';
import { LoginPage } from '../pages/login-page.js';
import { Loading } from '../ui/load-state.js';
import { AppShell } from './app-shell.js';
import { navigate, safeLocalPath, useLocation } from './router.js';
import { SessionProvider, useSession } from './session.js';

function SessionGate() {
  const { state } = useSession();
  const { pathname, search } = useLocation();
  const next = safeLocalPath(search.get('next'));

  // Signed out on a dashboard path: move to /login and remember where the user was.
  const mustLogIn = state.status === 'signed-out' && pathname !== '/login';
  const signedInOnLogin = state.status === 'signed-in' && pathname === '/login';
  useEffect(() => {
    if (mustLogIn) {
      const next = window.location.pathname + window.location.search;
      navigate(`/login${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`, { replace: true });
    } else if (signedInOnLogin) {
      navigate(next, { replace: true });
    }
  }, [mustLogIn, signedInOnLogin, next]);

  if (state.status === 'loading') return <Loading what="Starting…" />;
  if (state.status === 'signed-out') {
    return <LoginPage expired={state.expired} next={next} />;
  }
  return <AppShell />;
}

export function App() {
  return (
    <SessionProvider>
      <SessionGate />
    </SessionProvider>
  );
}
