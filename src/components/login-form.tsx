import type { ReactNode } from 'react';
import type { AppError } from '../domain/errors';
import { AccountForm, useAccountForm } from './account-form';
import { PasswordField, UsernameField } from './account-fields';
import { t } from '../i18n/i18n';

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
      label={t('login.heading')}
      order={ORDER}
      error={error}
      onSubmit={onSubmit}
      submitLabel={t('login.submit')}
      pendingLabel={t('login.pending')}
      pending={pending}
    >
      <UsernameField
        id="username"
        label={t('account.username')}
        error={formState.errors.username?.message}
        registration={register('username', { validate: (value) => (value.trim() ? true : t('login.username.missing')) })}
      />
      <PasswordField
        id="password"
        label={t('account.password')}
        autoComplete="current-password"
        error={formState.errors.password?.message}
        registration={register('password', { validate: (value) => (value ? true : t('login.password.missing')) })}
        after={forgotPassword}
      />
    </AccountForm>
  );
}
