import type { ReactNode } from 'react';
import type { AppError } from '../domain/errors';
import { AccountForm, useAccountForm } from './account-form';
import { PasswordField, UsernameField } from './account-fields';

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
  const form = useAccountForm<LoginValues>({ username: '', password: '' });
  const { register, formState } = form;

  return (
    <AccountForm
      form={form}
      label="Log in"
      order={ORDER}
      error={error}
      onSubmit={onSubmit}
      submitLabel="Log in"
      pendingLabel="Logging in…"
      pending={pending}
    >
      <UsernameField
        id="username"
        label="Username"
        error={formState.errors.username?.message}
        registration={register('username', { validate: (value) => (value.trim() ? true : 'Enter your username.') })}
      />
      <PasswordField
        id="password"
        label="Password"
        autoComplete="current-password"
        error={formState.errors.password?.message}
        registration={register('password', { validate: (value) => (value ? true : 'Enter your password.') })}
        after={forgotPassword}
      />
    </AccountForm>
  );
}
