import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { paths } from '../app/paths';
import { FormNotice } from '../components/form-notice';
import { errorText } from '../i18n/error-text';
import { t } from '../i18n/i18n';
import { useUnsubscribe } from '../queries/email-preferences';
import { useSiteName } from '../queries/site-name';

/**
 * Where a staff email's unsubscribe link leads: one click switches that email off, without an
 * account (the link's signed token names the user and the kind of email).
 */
export function UnsubscribePage() {
  const site = useSiteName();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const unsubscribe = useUnsubscribe();
  const { mutate } = unsubscribe;
  // Once a link: an effect may run twice for one page (React's StrictMode), a click is one request.
  const sentFor = useRef<string | null>(null);

  useEffect(() => {
    if (!token || sentFor.current === token) return;
    sentFor.current = token;
    mutate(token);
  }, [token, mutate]);

  const refused = token === '' || unsubscribe.error?.kind === 'forbidden';
  return (
    <>
      <title>{t('title.unsubscribe', { app: site })}</title>
      <h1>{t('unsubscribe.heading')}</h1>
      {unsubscribe.isSuccess ? (
        <div className="notice notice--success" role="status">
          <p>{t(unsubscribe.data === 'alerts' ? 'unsubscribe.done.alerts' : 'unsubscribe.done.digest')}</p>
        </div>
      ) : refused ? (
        <p role="alert">{t('unsubscribe.refused')}</p>
      ) : unsubscribe.error ? (
        <>
          <FormNotice message={errorText(unsubscribe.error)} />
          <button type="button" className="button button--secondary" onClick={() => mutate(token)}>
            {t('unsubscribe.retry')}
          </button>
        </>
      ) : (
        <p role="status">{t('unsubscribe.working')}</p>
      )}
      <p>
        {t('unsubscribe.account')} <Link to={paths.account()}>{t('unsubscribe.toAccount')}</Link>.
      </p>
    </>
  );
}
