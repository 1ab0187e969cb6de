import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { paths, safeNextPath } from '../app/paths';
import { LoginForm } from '../components/login-form';
import { useLogIn } from '../queries/auth';

export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const logIn = useLogIn();

  return (
    <>
      <title>Log in · Visitor Opinions</title>
      <h1>Log in</h1>
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
            Forgot password?
          </Link>
        }
      />
      <p>
        No account yet? <Link to={paths.signup()}>Create an account</Link>
      </p>
    </>
  );
}
