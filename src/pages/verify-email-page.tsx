import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { paths } from '../app/paths';
import { EmailForm } from '../components/email-form';
import { FormNotice } from '../components/form-notice';
import { QueryState } from '../components/ui/query-state';
import type { User } from '../domain/user';
import { useRequestEmailVerification } from '../queries/auth';
import { useRefreshSession, useSession } from '../queries/session';

const SENT = 'If this address belongs to an account that still needs verifying, we sent a new link to it. It works for 24 hours.';

/** Anybody can ask for the link again by email address; the answer never says whether it exists. */
function ResendByEmail({ label = 'Your email address' }: { label?: string }) {
  const resend = useRequestEmailVerification();
  if (resend.isSuccess) {
    return (
      <div className="notice notice--success" role="status">
        <p>{SENT}</p>
      </div>
    );
  }
  return (
    <EmailForm
      label={label}
      submitLabel="Send the link again"
      pendingLabel="Sending…"
      onSubmit={(email) => resend.mutate(email)}
      pending={resend.isPending}
      error={resend.error}
    />
  );
}

function ForUser({ user }: { user: User | null }) {
  const resend = useRequestEmailVerification();
  if (!user) {
    return (
      <>
        <p>Enter the address of your account and we will send you a new verification link.</p>
        <ResendByEmail />
      </>
    );
  }
  if (user.emailVerified) {
    return (
      <p>
        Your email address <strong>{user.email}</strong> is verified. <Link to={paths.account()}>Go to your account</Link>
      </p>
    );
  }
  return (
    <>
      <p>
        We sent a link to <strong>{user.email}</strong>. Open it to verify your address: check your spam folder too.
      </p>
      {resend.isSuccess ? (
        <div className="notice notice--success" role="status">
          <p>We sent a new link to {user.email}. It works for 24 hours.</p>
        </div>
      ) : null}
      <FormNotice message={resend.error?.message} />
      <button type="button" className="button button--secondary" disabled={resend.isPending} onClick={() => resend.mutate(user.email)}>
        {resend.isPending ? 'Sending…' : 'Send the link again'}
      </button>
    </>
  );
}

export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const status = params.get('status');
  const session = useSession();
  const refreshSession = useRefreshSession();

  useEffect(() => {
    // The link was opened, maybe in this very browser: what we knew about the user is stale.
    if (status === 'verified') void refreshSession();
  }, [status, refreshSession]);

  if (status === 'verified') {
    return (
      <>
        <title>Email verified · Visitor Opinions</title>
        <h1>Your email address is verified</h1>
        <p>Thank you. Everything your account can do is open to you now.</p>
        <p>
          <Link to={paths.account()}>Go to your account</Link>
        </p>
      </>
    );
  }
  if (status === 'invalid' || status === 'expired') {
    return (
      <>
        <title>Verification link not valid · Visitor Opinions</title>
        <h1>This verification link has expired or was already used</h1>
        <p>Ask for a new one: enter the address of your account.</p>
        <ResendByEmail />
      </>
    );
  }
  return (
    <>
      <title>Verify your email · Visitor Opinions</title>
      <h1>Verify your email address</h1>
      {status === 'sent' ? (
        <div className="notice notice--success" role="status">
          <p>{SENT}</p>
        </div>
      ) : null}
      <QueryState query={session} loadingLabel="Checking your account…">
        {(user) => <ForUser user={user} />}
      </QueryState>
    </>
  );
}
