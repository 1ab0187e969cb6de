import { useWatch } from 'react-hook-form';
import { confirmationError, emailError, newPasswordError, usernameError } from '../domain/account';
import type { AppError } from '../domain/errors';
import { AccountForm, useAccountForm } from './account-form';
import { EmailField, PasswordField, UsernameField } from './account-fields';
import { accountErrorFields } from './form-errors';

export interface SignupValues {
  username: string;
  email: string;
  password: string;
  confirmation: string;
}

const ORDER = ['username', 'email', 'password', 'confirmation'] as const;
const ERROR_FIELDS = accountErrorFields(['username', 'email', 'password']);

export function SignupForm({
  onSubmit,
  pending,
  error,
}: {
  onSubmit: (values: SignupValues) => void;
  pending: boolean;
  error: AppError | null;
}) {
  const form = useAccountForm<SignupValues>({ username: '', email: '', password: '', confirmation: '' });
  const { register, control, formState } = form;
  const password = useWatch({ control, name: 'password' });

  return (
    <AccountForm
      form={form}
      label="Create an account"
      order={ORDER}
      error={error}
      errorFields={ERROR_FIELDS}
      onSubmit={(values) => onSubmit({ ...values, email: values.email.trim() })}
      submitLabel="Create my account"
      pendingLabel="Creating your account…"
      pending={pending}
    >
      <UsernameField
        id="username"
        label="Username"
        hint="You will log in with it. No spaces."
        error={formState.errors.username?.message}
        registration={register('username', { validate: (value) => usernameError(value) ?? true })}
      />
      <EmailField
        id="email"
        label="Email address"
        hint="We send a link to check it is yours."
        error={formState.errors.email?.message}
        registration={register('email', { validate: (value) => emailError(value) ?? true })}
      />
      <PasswordField
        id="password"
        label="Password"
        autoComplete="new-password"
        checklistFor={password}
        error={formState.errors.password?.message}
        registration={register('password', { validate: (value, values) => newPasswordError(value, values.username) ?? true })}
      />
      <PasswordField
        id="confirmation"
        label="Confirm your password"
        autoComplete="new-password"
        error={formState.errors.confirmation?.message}
        registration={register('confirmation', { validate: (value, values) => confirmationError(values.password, value) ?? true })}
      />
    </AccountForm>
  );
}
