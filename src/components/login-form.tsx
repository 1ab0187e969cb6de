import { useForm } from 'react-hook-form';
import type { ReactNode } from 'react';
import type { AppError } from '../domain/errors';
import { FormNotice } from './form-notice';
import { summaryOf } from './form-errors';
import { ErrorSummary } from './ui/error-summary';
import { Field } from './ui/field';

export interface LoginValues {
  username: string;
  password: string;
}

const ORDER = ['username', 'password'] as const;

export function LoginForm({
  onSubmit,
  pending,
  error,
  forgotPassword,
}: {
  onSubmit: (values: LoginValues) => void;
  pending: boolean;
  error: AppError | null;
  /** The "Forgot password?" link, under the password field. */
  forgotPassword: ReactNode;
}) {
  const {
    register,
    handleSubmit,
    formState: { errors, submitCount },
  } = useForm<LoginValues>({ defaultValues: { username: '', password: '' }, shouldFocusError: false });

  return (
    <form onSubmit={(event) => void handleSubmit(onSubmit)(event)} noValidate aria-label="Log in">
      <ErrorSummary errors={summaryOf(errors, ORDER, submitCount)} focusKey={submitCount} />
      <FormNotice message={error?.message} />

      <Field id="username" label="Username" error={errors.username?.message}>
        {(control) => (
          <input
            {...control}
            className="input"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            {...register('username', { validate: (value) => (value.trim() ? true : 'Enter your username.') })}
          />
        )}
      </Field>

      <Field id="password" label="Password" error={errors.password?.message} after={forgotPassword}>
        {(control) => (
          <input
            {...control}
            className="input"
            type="password"
            autoComplete="current-password"
            {...register('password', { validate: (value) => (value ? true : 'Enter your password.') })}
          />
        )}
      </Field>

      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Logging in…' : 'Log in'}
      </button>
    </form>
  );
}
