import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { withFlash } from '../app/flash';
import { paths } from '../app/paths';
import { EmailForm } from '../components/email-form';
import { NewPasswordForm } from '../components/new-password-form';
import { useRequestPasswordReset, useResetPassword } from '../queries/auth';
import { errorText } from '../i18n/error-text';
import { t } from '../i18n/i18n';
import { useSiteName } from '../queries/site-name';

/** Asks for the email; the answer is the same whether an account has it or not. */
function RequestLink({ intro }: { intro: string }) {
  const request = useRequestPasswordReset();
  const answer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (request.isSuccess) answer.current?.focus();
  }, [request.isSuccess]);
  if (request.isSuccess) {
    return (
      <div ref={answer} className="notice notice--success" role="status" tabIndex={-1}>
        <p>{t('reset.sent', { hours: 1 })}</p>
        <p>
          {t('reset.nothing')} <Link to={paths.signup()}>{t('reset.nothing.signup')}</Link>
        </p>
      </div>
    );
  }
  return (
    <>
      <p>{intro}</p>
      <EmailForm
        label={t('account.yourEmail')}
        submitLabel={t('reset.request.submit')}
        pendingLabel={t('account.sending')}
        onSubmit={(email) => request.mutate(email)}
        pending={request.isPending}
        error={request.error}
      />
    </>
  );
}

/** The page the emailed link leads to (Parse Server checked the token and redirected here). */
function ChooseNewPassword({ token }: { token: string }) {
  const site = useSiteName();
  const reset = useResetPassword();
  const navigate = useNavigate();
  if (reset.error?.kind === 'reset-link-invalid') {
    return <LinkInvalid />;
  }
  return (
    <>
      <title>{t('title.reset.choose', { app: site })}</title>
      <h1>{t('reset.choose.heading')}</h1>
      <p>{t('reset.choose.intro')}</p>
      <NewPasswordForm
        label={t('reset.choose.heading')}
        submitLabel={t('reset.choose.submit')}
        onSubmit={({ password }) =>
          reset.mutate(
            { token, password },
            {
              onSuccess: () =>
                void navigate(paths.login(), {
                  replace: true,
                  state: withFlash('passwordReset'),
                }),
            },
          )
        }
        pending={reset.isPending}
        error={reset.error}
      />
    </>
  );
}

function LinkInvalid() {
  const site = useSiteName();
  return (
    <>
      <title>{t('title.reset.invalid', { app: site })}</title>
      <h1>{t('reset.invalid.heading')}</h1>
      <RequestLink intro={errorText('reset-link-invalid')} />
    </>
  );
}

export function ResetPasswordPage() {
  const site = useSiteName();
  const [params] = useSearchParams();
  // Kept from the first render: the link's token is all this page needs from its address.
  const [token] = useState(() => params.get('token'));
  const status = params.get('status');

  if (status === 'invalid') return <LinkInvalid />;
  if (token) return <ChooseNewPassword token={token} />;
  if (status === 'done') {
    return (
      <>
        <title>{t('title.reset.done', { app: site })}</title>
        <h1>{t('reset.done.heading')}</h1>
        <p>
          <Link to={paths.login()}>{t('reset.done.login')}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <title>{t('title.reset', { app: site })}</title>
      <h1>{t('reset.heading')}</h1>
      <RequestLink intro={t('reset.intro')} />
    </>
  );
}
