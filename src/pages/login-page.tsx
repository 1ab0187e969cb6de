import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { paths, safeNextPath } from '../app/paths';
import { LoginForm } from '../components/login-form';
import { useLogIn } from '../queries/auth';
import { t } from '../i18n/i18n';
import { useSiteName } from '../queries/site-name';

export function LoginPage() {
  const site = useSiteName();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const logIn = useLogIn();

  return (
    <>
      <title>{t('title.login', { app: site })}</title>
      <h1>{t('login.heading')}</h1>
      <LoginForm
        onSubmit={(values) =>
          logIn.mutate(values, {
            onSuccess: (user) => {
              const fallback = user.isStaff ? paths.dashboard() : paths.account();
              void navigate(safeNextPath(params.get('next'), fallback), { replace: true });
            },
          })
        }
        pending={logIn.isPending}
        error={logIn.error}
        forgotPassword={
          <Link className="field__after-link" to={paths.resetPassword()}>
            {t('login.forgot')}
          </Link>
        }
      />
      <p>
        {t('login.noAccount')} <Link to={paths.signup()}>{t('login.signup')}</Link>
      </p>
    </>
  );
}
