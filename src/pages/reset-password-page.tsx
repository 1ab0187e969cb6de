import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { withFlash } from '../app/flash';
import { paths } from '../app/paths';
import { EmailForm } from '../components/email-form';
import { NewPasswordForm } from '../components/new-password-form';
import { ERROR_MESSAGES } from '../domain/errors';
import { useRequestPasswordReset, useResetPassword } from '../queries/auth';

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
        <p>If an account exists for this address, we sent a link to reset the password. The link works for one hour.</p>
        <p>
          Nothing arrived? Check your spam folder, or <Link to={paths.signup()}>create an account</Link>.
        </p>
      </div>
    );
  }
  return (
    <>
      <p>{intro}</p>
      <EmailForm
        label="Your email address"
        submitLabel="Send me a reset link"
        pendingLabel="Sending…"
        onSubmit={(email) => request.mutate(email)}
        pending={request.isPending}
        error={request.error}
      />
    </>
  );
}

/** The page the emailed link leads to (Parse Server checked the token and redirected here). */
function ChooseNewPassword({ token }: { token: string }) {
  const reset = useResetPassword();
  const navigate = useNavigate();
  if (reset.error?.kind === 'reset-link-invalid') {
    return <LinkInvalid />;
  }
  return (
    <>
      <title>Choose a new password · Visitor Opinions</title>
      <h1>Choose a new password</h1>
      <p>After this, every device where your account was open is logged out.</p>
      <NewPasswordForm
        label="Choose a new password"
        submitLabel="Save my new password"
        onSubmit={({ password }) =>
          reset.mutate(
            { token, password },
            {
              onSuccess: () =>
                void navigate(paths.login(), {
                  replace: true,
                  state: withFlash('Your password is changed. Log in with your new password.'),
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
  return (
    <>
      <title>Reset link not valid · Visitor Opinions</title>
      <h1>This reset link has expired or was already used</h1>
      <RequestLink intro={ERROR_MESSAGES['reset-link-invalid']} />
    </>
  );
}

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  // Kept from the first render: the link's token is all this page needs from its address.
  const [token] = useState(() => params.get('token'));
  const status = params.get('status');

  if (status === 'invalid') return <LinkInvalid />;
  if (token) return <ChooseNewPassword token={token} />;
  if (status === 'done') {
    return (
      <>
        <title>Password changed · Visitor Opinions</title>
        <h1>Your password is changed</h1>
        <p>
          <Link to={paths.login()}>Log in with your new password</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <title>Reset your password · Visitor Opinions</title>
      <h1>Reset your password</h1>
      <RequestLink intro="Enter the email address of your account. We will send you a link to choose a new password." />
    </>
  );
}
