import { NavLink } from 'react-router-dom';
import { useHydrated } from '../components/ui/use-hydrated';
import { useSession } from '../queries/session';
import { AccountLinksPending } from './account-links-pending';
import { useLogOutAndLeave } from './log-out';
import { paths } from './paths';

/** "Log in", or "Account" and "Log out": the header's links that depend on the session. */
export function AccountLinks() {
  // This part hydrates after the shell, when the session may already be known: its first render
  // must match the prerendered header, which has none.
  const hydrated = useHydrated();
  const session = useSession();
  const user = session.isError ? null : session.data;
  const logOut = useLogOutAndLeave();
  // Until the session is known, a place holder: better than a "Log in" that turns into "Account".
  if (user === undefined || !hydrated) return <AccountLinksPending />;
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
