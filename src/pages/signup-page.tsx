import { Link, useNavigate } from 'react-router-dom';
import { withFlash } from '../app/flash';
import { paths } from '../app/paths';
import { SignupForm } from '../components/signup-form';
import { useSignUp } from '../queries/auth';
import { t } from '../i18n/i18n';
import { useSiteName } from '../queries/site-name';

export function SignupPage() {
  const site = useSiteName();
  const navigate = useNavigate();
  const signUp = useSignUp();

  return (
    <>
      <title>{t('title.signup', { app: site })}</title>
      <h1>{t('signup.heading')}</h1>
      <p>{t('signup.intro')}</p>
      <SignupForm
        onSubmit={({ username, email, password }) =>
          signUp.mutate(
            { username, email, password },
            {
              onSuccess: () =>
                void navigate(paths.verifyEmail(), {
                  state: withFlash('signedUp'),
                }),
            },
          )
        }
        pending={signUp.isPending}
        error={signUp.error}
      />
      <p>
        {t('signup.haveAccount')} <Link to={paths.login()}>{t('signup.login')}</Link>
      </p>
    </>
  );
}
