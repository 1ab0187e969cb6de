import { useState, type ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { canUseDashboard, type User } from '../domain/user';
import { useSession, useSessionEnd } from '../queries/session';
import { QueryState } from '../components/ui/query-state';
import { paths } from './paths';
import { t } from '../i18n/i18n';
import { useSiteName } from '../queries/site-name';

function useHereAsNext(): string {
  const location = useLocation();
  return location.pathname + location.search;
}

/**
 * Whether an action ended the session of the user this page showed. Whether the page had a
 * user is remembered here: an ending from before this page opened (the back button after
 * logging out) says nothing about it, and it sends the visitor to log in as usual.
 */
function useEndedHere(user: User | null | undefined): boolean {
  const [hadUser, setHadUser] = useState(false);
  if (user && !hadUser) setHadUser(true);
  const ended = useSessionEnd();
  return hadUser && !user && ended !== null;
}

/** Nobody is signed in: to log in, and back here afterwards. */
function SignedOut({ next }: { next: string }) {
  return <Navigate to={paths.login(next)} replace />;
}

/** Renders its children for a signed-in user; sends anybody else to log in and back. */
export function RequireUser({ children }: { children: ReactNode }) {
  const session = useSession();
  const next = useHereAsNext();
  // The action that ended the session takes the user where it leads (session-expiry.ts, the
  // log-out and deletion hooks). Meanwhile the page goes at once, without waiting for the
  // deferred render below: its queries would ask again for the user who is gone.
  if (useEndedHere(session.data)) return null;
  return (
    <QueryState query={session} loadingLabel={t('guard.checkingSession')}>
      {(user) => (user ? children : <SignedOut next={next} />)}
    </QueryState>
  );
}

/** The staff dashboard's gate: a verified member of the staff role, as the server says. */
export function RequireStaff({ children }: { children: ReactNode }) {
  const site = useSiteName();
  const session = useSession();
  const next = useHereAsNext();
  // As in RequireUser.
  if (useEndedHere(session.data)) return null;
  return (
    <QueryState query={session} loadingLabel={t('guard.checkingAccess')}>
      {(user) => {
        if (!user) return <SignedOut next={next} />;
        if (canUseDashboard(user)) return children;
        return (
          <>
            <title>{t('title.noAccess', { app: site })}</title>
            <h1>{t('guard.noAccess.heading')}</h1>
            {user.isStaff && !user.emailVerified ? (
              <p>
                {t('guard.noAccess.verify')} <Link to={paths.verifyEmail()}>{t('guard.noAccess.resend')}</Link>
              </p>
            ) : (
              <p>{t('guard.noAccess.body')}</p>
            )}
          </>
        );
      }}
    </QueryState>
  );
}
