import { Link, useNavigate } from 'react-router-dom';
import { withFlash } from '../app/flash';
import { paths } from '../app/paths';
import { SignupForm } from '../components/signup-form';
import { useSignUp } from '../queries/auth';

export function SignupPage() {
  const navigate = useNavigate();
  const signUp = useSignUp();

  return (
    <>
      <title>Create an account · Visitor Opinions</title>
      <h1>Create an account</h1>
      <p>You do not need an account to leave an opinion.</p>
      <SignupForm
        onSubmit={({ username, email, password }) =>
          signUp.mutate(
            { username, email, password },
            {
              onSuccess: () =>
                void navigate(paths.verifyEmail(), {
                  state: withFlash('Your account is ready and you are logged in.'),
                }),
            },
          )
        }
        pending={signUp.isPending}
        error={signUp.error}
      />
      <p>
        Already have an account? <Link to={paths.login()}>Log in</Link>
      </p>
    </>
  );
}
