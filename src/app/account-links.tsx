import { Link, NavLink, useLocation } from 'react-router-dom';
import { useHydrated } from '../components/ui/use-hydrated';
import { t } from '../i18n/i18n';
import { useSession } from '../queries/session';
import { AccountLinksPending } from './account-links-pending';
import { useLogOutAndLeave } from './log-out';
import { paths, routePatterns } from './paths';

/*
 * The shell's parts that depend on the session, loaded after the shell (layout.tsx): the
 * session's code (the Parse wire format, the early answers, the query's observer) stays out of
 * the critical JS of `/`. Each hydrates after the shell, when the session may already be
 * known: its first render must match the prerendered page, which has none of them.
 */

/** The signed-in user once this part has hydrated: undefined until known, null when nobody is. */
function useShownUser() {
  const hydrated = useHydrated();
  const session = useSession();
  if (!hydrated) return undefined;
  return session.isError ? null : session.data;
}

/** The main navigation's link to the dashboard, for staff. */
export function StaffLink() {
  const user = useShownUser();
  if (!user?.isStaff) return null;
  return (
    <li>
      <NavLink to={paths.dashboard()}>{t('layout.nav.dashboard')}</NavLink>
    </li>
  );
}

/** Above every page but the verification's own: the signed-in user's address is not verified yet. */
export function UnverifiedBanner() {
  const user = useShownUser();
  const { pathname } = useLocation();
  if (!user || user.emailVerified || pathname === routePatterns.verifyEmail) return null;
  return (
    <div className="notice notice--warning" role="status">
      <p>
        {t('layout.unverified', { email: user.email })} <Link to={paths.verifyEmail()}>{t('layout.unverified.resend')}</Link>
      </p>
    </div>
  );
}

/** "Log in", or "Account" and "Log out": the header's links that depend on the session. */
export function AccountLinks() {
  const hydrated = useHydrated();
  const session = useSession();
  const user = session.isError ? null : session.data;
  const logOut = useLogOutAndLeave();
  // Until the session is known, a place holder: better than a "Log in" that turns into "Account".
  if (user === undefined || !hydrated) return <AccountLinksPending />;
  if (user === null) {
    return (
      <li>
        <NavLink to={paths.login()}>{t('layout.login')}</NavLink>
      </li>
    );
  }
  return (
    <>
      <li>
        <NavLink to={paths.account()}>{t('layout.account')}</NavLink>
      </li>
      <li>
        <button type="button" className="site-nav__button" onClick={logOut.run} disabled={logOut.pending}>
          {t('layout.logout')}
        </button>
      </li>
    </>
  );
}
