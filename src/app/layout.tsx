import { Suspense, useEffect } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigationType } from 'react-router-dom';
import { RouteErrorBoundary } from '../pages/route-error-page';
import type { User } from '../domain/user';
import { useSession } from '../queries/auth';
import { useOutboxSync } from '../queries/outbox';
import { readFlash } from './flash';
import { useLogOutAndLeave } from './log-out';
import { paths, routePatterns } from './paths';

function AccountLinks({ user }: { user: User | null | undefined }) {
  const logOut = useLogOutAndLeave();
  // Until the session is known, nothing: better than a "Log in" that turns into "Account".
  if (user === undefined) return null;
  if (user === null) {
    return (
      <li>
        <NavLink to={paths.login()}>Log in</NavLink>
      </li>
    );
  }
  return (
    <>
      <li>
        <NavLink to={paths.account()}>Account</NavLink>
      </li>
      <li>
        <button type="button" className="site-nav__button" onClick={logOut.run} disabled={logOut.pending}>
          Log out
        </button>
      </li>
    </>
  );
}

function UnverifiedBanner({ user }: { user: User }) {
  return (
    <div className="notice notice--warning" role="status">
      <p>
        Please verify your email address: open the link we sent to <strong>{user.email}</strong>.{' '}
        <Link to={paths.verifyEmail()}>Send the link again</Link>
      </p>
    </div>
  );
}

/** A new page starts at the top; back and forward keep the browser's own scroll restoration. */
function useScrollToTop(pathname: string) {
  const navigationType = useNavigationType();
  useEffect(() => {
    if (navigationType !== 'POP') window.scrollTo(0, 0);
  }, [pathname, navigationType]);
}

export function Layout() {
  useOutboxSync();
  const session = useSession();
  const location = useLocation();
  const user = session.isError ? null : session.data;
  const flash = readFlash(location.state);
  useScrollToTop(location.pathname);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to={paths.home()} className="site-header__brand">
            Visitor Opinions
          </Link>
          <nav aria-label="Main">
            <ul className="site-nav">
              <li>
                <NavLink to={paths.home()} end>
                  Leave an opinion
                </NavLink>
              </li>
              {user?.isStaff ? (
                <li>
                  <NavLink to={paths.dashboard()}>Dashboard</NavLink>
                </li>
              ) : null}
              <AccountLinks user={user} />
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {flash ? (
          <div className={`notice notice--${flash.tone}`} role="status">
            <p>{flash.text}</p>
          </div>
        ) : null}
        {user && !user.emailVerified && location.pathname !== routePatterns.verifyEmail ? (
          <UnverifiedBanner user={user} />
        ) : null}
        {/* A page's chunk loads inside a transition: the previous page stays until it is there. */}
        <RouteErrorBoundary pathname={location.pathname}>
          <Suspense
            fallback={
              <p role="status" className="muted">
                Loading…
              </p>
            }
          >
            <Outlet />
          </Suspense>
        </RouteErrorBoundary>
      </main>
    </>
  );
}
