import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { canUseDashboard } from '../domain/user';
import { useSession, useSessionEnd } from '../queries/session';
import { QueryState } from '../components/ui/query-state';
import { FLASH_TEXT, withFlash } from './flash';
import { paths } from './paths';

function useHereAsNext(): string {
  const location = useLocation();
  return location.pathname + location.search;
}

/**
 * Nobody is signed in. When the session just ended on this page, go where that ending leads
 * (its own code navigates there too; whichever comes first, the user lands in the same place).
 */
function SignedOut({ next }: { next: string }) {
  const ended = useSessionEnd();
  if (ended === 'expired') return <Navigate to={paths.login(next)} replace state={withFlash(FLASH_TEXT.expired, 'warning')} />;
  if (ended === 'logged-out') return <Navigate to={paths.home()} replace state={withFlash(FLASH_TEXT.loggedOut)} />;
  if (ended === 'deleted') return <Navigate to={paths.home()} replace state={withFlash(FLASH_TEXT.deleted)} />;
  return <Navigate to={paths.login(next)} replace />;
}

/** Renders its children for a signed-in user; sends anybody else to log in and back. */
export function RequireUser({ children }: { children: ReactNode }) {
  const session = useSession();
  const next = useHereAsNext();
  return (
    <QueryState query={session} loadingLabel="Checking your session…">
      {(user) => (user ? children : <SignedOut next={next} />)}
    </QueryState>
  );
}

/** The staff dashboard's gate: a verified member of the staff role, as the server says. */
export function RequireStaff({ children }: { children: ReactNode }) {
  const session = useSession();
  const next = useHereAsNext();
  return (
    <QueryState query={session} loadingLabel="Checking your access…">
      {(user) => {
        if (!user) return <SignedOut next={next} />;
        if (canUseDashboard(user)) return children;
        return (
          <>
            <title>No access · Visitor Opinions</title>
            <h1>You don't have access to the staff dashboard</h1>
            {user.isStaff && !user.emailVerified ? (
              <p>
                Verify your email address first: <a href={paths.verifyEmail()}>send the verification email again</a>.
              </p>
            ) : (
              <p>The dashboard is for the venue's staff. Ask an administrator if you should have access.</p>
            )}
          </>
        );
      }}
    </QueryState>
  );
}
