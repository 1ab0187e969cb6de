import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { paths } from '../app/paths';
import { EmailForm } from '../components/email-form';
import { FormNotice } from '../components/form-notice';
import { QueryState } from '../components/ui/query-state';
import type { User } from '../domain/user';
import { useRequestEmailVerification } from '../queries/auth';
import { useRefreshSession, useSession } from '../queries/session';
import { errorText } from '../i18n/error-text';
import { t } from '../i18n/i18n';
import { useSiteName } from '../queries/site-name';

const sentText = () => t('verify.sent', { hours: 24 });

/** Anybody can ask for the link again by email address; the answer never says whether it exists. */
function ResendByEmail() {
  const resend = useRequestEmailVerification();
  if (resend.isSuccess) {
    return (
      <div className="notice notice--success" role="status">
        <p>{sentText()}</p>
      </div>
    );
  }
  return (
    <EmailForm
      label={t('account.yourEmail')}
      submitLabel={t('verify.resend')}
      pendingLabel={t('account.sending')}
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
        <p>{t('verify.ask')}</p>
        <ResendByEmail />
      </>
    );
  }
  if (user.emailVerified) {
    return (
      <p>
        {t('verify.done.before')} <strong>{user.email}</strong> {t('verify.done.after')} <Link to={paths.account()}>{t('verify.toAccount')}</Link>
      </p>
    );
  }
  return (
    <>
      <p>
        {t('verify.pending.before')} <strong>{user.email}</strong>{t('verify.pending.after')}
      </p>
      {resend.isSuccess ? (
        <div className="notice notice--success" role="status">
          <p>{t('verify.resent', { email: user.email, hours: 24 })}</p>
        </div>
      ) : null}
      <FormNotice message={resend.error ? errorText(resend.error) : undefined} />
      <button type="button" className="button button--secondary" disabled={resend.isPending} onClick={() => resend.mutate(user.email)}>
        {resend.isPending ? t('account.sending') : t('verify.resend')}
      </button>
    </>
  );
}

export function VerifyEmailPage() {
  const site = useSiteName();
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
        <title>{t('title.verify.done', { app: site })}</title>
        <h1>{t('verify.verified.heading')}</h1>
        <p>{t('verify.verified.body')}</p>
        <p>
          <Link to={paths.account()}>{t('verify.toAccount')}</Link>
        </p>
      </>
    );
  }
  if (status === 'invalid' || status === 'expired') {
    return (
      <>
        <title>{t('title.verify.invalid', { app: site })}</title>
        <h1>{t('verify.invalid.heading')}</h1>
        <p>{t('verify.invalid.body')}</p>
        <ResendByEmail />
      </>
    );
  }
  return (
    <>
      <title>{t('title.verify', { app: site })}</title>
      <h1>{t('verify.heading')}</h1>
      {status === 'sent' ? (
        <div className="notice notice--success" role="status">
          <p>{sentText()}</p>
        </div>
      ) : null}
      <QueryState query={session} loadingLabel={t('verify.checking')}>
        {(user) => <ForUser user={user} />}
      </QueryState>
    </>
  );
}
