import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router-dom';
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

export function Layout() {
  useOutboxSync();
  const session = useSession();
  const location = useLocation();
  const user = session.isError ? null : session.data;
  const flash = readFlash(location.state);
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
        <Outlet />
      </main>
      <ScrollRestoration />
    </>
  );
}
