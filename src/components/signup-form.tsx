import { useWatch } from 'react-hook-form';
import { confirmationProblem, emailProblem, newPasswordProblem, usernameProblem } from '../domain/account';
import type { AppError } from '../domain/errors';
import { AccountForm, useAccountForm } from './account-form';
import { EmailField, PasswordField, UsernameField } from './account-fields';
import { accountErrorFields, confirmedWhen, validWhen } from './form-errors';
import { t } from '../i18n/i18n';

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
      label={t('signup.heading')}
      order={ORDER}
      error={error}
      errorFields={ERROR_FIELDS}
      onSubmit={(values) => onSubmit({ ...values, email: values.email.trim() })}
      submitLabel={t('signup.submit')}
      pendingLabel={t('signup.pending')}
      pending={pending}
    >
      <UsernameField
        id="username"
        label={t('account.username')}
        hint={t('signup.username.hint')}
        error={formState.errors.username?.message}
        registration={register('username', { validate: (value) => validWhen(usernameProblem(value)) })}
      />
      <EmailField
        id="email"
        label={t('account.email')}
        hint={t('signup.email.hint')}
        error={formState.errors.email?.message}
        registration={register('email', { validate: (value) => validWhen(emailProblem(value)) })}
      />
      <PasswordField
        id="password"
        label={t('account.password')}
        autoComplete="new-password"
        checklistFor={password}
        error={formState.errors.password?.message}
        registration={register('password', { validate: (value, values) => validWhen(newPasswordProblem(value, values.username)) })}
      />
      <PasswordField
        id="confirmation"
        label={t('signup.confirmation')}
        autoComplete="new-password"
        error={formState.errors.confirmation?.message}
        registration={register('confirmation', { validate: (value, values) => confirmedWhen(confirmationProblem(values.password, value)) })}
      />
    </AccountForm>
  );
}
