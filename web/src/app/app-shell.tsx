// The signed-in layout: a sidebar with the pages the user's role may use, the user menu, and the
// page for the current path. Pages outside the role stay reachable by URL so the server's 403
// is what the user sees ("You do not have access to this page").
import type { ReactNode } from 'react';
import type { Permission } from '../api/contract-types.js';
import { AccessReviewPage } from '../pages/access-review-page.js';
import { AccountPage } from '../pages/account-page.js';
import { CorrectionsPage } from '../pages/corrections-page.js';
import { EditorsPage } from '../pages/editors-page.js';
import { JobsPage } from '../pages/jobs-page.js';
import { MfaSetupPage } from '../pages/mfa-setup-page.js';
import { OverviewPage } from '../pages/overview-page.js';
import { ReportsPage } from '../pages/reports-page.js';
import { RunsPage } from '../pages/runs-page.js';
import { SettingsPage } from '../pages/settings-page.js';
import { UsersPage } from '../pages/users-page.js';
import { ViolationsPage } from '../violations/violations-page.js';
import { Link, useLocation } from './router.js';
import { useSession, useSignedInSession } from './session.js';

interface PageEntry {
  readonly path: string;
  readonly label: string;
  readonly testId: string;
  readonly permission: Permission;
  readonly render: () => ReactNode;
}

const PAGES: readonly PageEntry[] = [
  {
    path: '/',
    label: 'Overview',
    testId: 'nav-overview',
    permission: 'dashboard.read',
    render: () => <OverviewPage />,
  },
  {
    path: '/violations',
    label: 'Violations',
    testId: 'nav-violations',
    permission: 'dashboard.read',
    render: () => <ViolationsPage />,
  },
  {
    path: '/reports',
    label: 'Reports',
    testId: 'nav-reports',
    permission: 'dashboard.read',
    render: () => <ReportsPage />,
  },
  {
    path: '/runs',
    label: 'Runs',
    testId: 'nav-runs',
    permission: 'dashboard.read',
    render: () => <RunsPage />,
  },
  {
    path: '/editors',
    label: 'Editors',
    testId: 'nav-editors',
    permission: 'dashboard.read',
    render: () => <EditorsPage />,
  },
  {
    path: '/corrections',
    label: 'Corrections',
    testId: 'nav-corrections',
    permission: 'dashboard.read',
    render: () => <CorrectionsPage />,
  },
  {
    path: '/access-review',
    label: 'Access review',
    testId: 'nav-access-review',
    permission: 'audit.review',
    render: () => <AccessReviewPage />,
  },
  {
    path: '/jobs',
    label: 'Jobs',
    testId: 'nav-jobs',
    permission: 'audit.review',
    render: () => <JobsPage />,
  },
  {
    path: '/settings',
    label: 'Settings',
    testId: 'nav-settings',
    permission: 'audit.review',
    render: () => <SettingsPage />,
  },
  { path: '/users', label: 'Users', testId: 'nav-users', permission: 'admin', render: () => <UsersPage /> },
];

export function AppShell() {
  const session = useSignedInSession();
  const { can, signOut } = useSession();
  const { pathname } = useLocation();
  const enrolmentOnly = session.mfaEnrolmentRequired;
  const page = PAGES.find((entry) => entry.path === pathname);

  let content: ReactNode;
  if (enrolmentOnly || pathname === '/account/mfa') content = <MfaSetupPage />;
  else if (pathname === '/account') content = <AccountPage />;
  else if (page) content = page.render();
  else content = <NotFound />;

  return (
    <div className="layout">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">Ledgerline</div>
        {!enrolmentOnly && (
          <nav aria-label="Pages">
            <ul className="nav-list">
              {PAGES.filter((entry) => can(entry.permission)).map((entry) => (
                <li key={entry.path}>
                  <Link
                    to={entry.path}
                    className={entry.path === pathname ? 'nav-link nav-link-active' : 'nav-link'}
                    aria-current={entry.path === pathname ? 'page' : undefined}
                    data-testid={entry.testId}
                  >
                    {entry.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="user-menu" data-testid="user-menu">
          <div className="user-name">{session.user.displayName || session.user.email}</div>
          <div className="user-role" data-testid="user-role">
            {session.user.role}
          </div>
          {!enrolmentOnly && (
            <>
              <Link to="/account" className="nav-link" data-testid="nav-account">
                Account and sessions
              </Link>
              <Link to="/account/mfa" className="nav-link" data-testid="nav-mfa">
                Two-factor authentication
              </Link>
            </>
          )}
          <button type="button" className="link-button" onClick={() => void signOut()} data-testid="logout">
            Sign out
          </button>
        </div>
      </aside>
      <main id="main" className="content" tabIndex={-1}>
        {content}
      </main>
    </div>
  );
}

function NotFound() {
  return (
    <section className="page">
      <h1>Page not found</h1>
      <p>
        <Link to="/">Go to the overview</Link>
      </p>
    </section>
  );
}
