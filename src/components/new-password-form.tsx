import { useEffect } from 'react';
import { useWatch } from 'react-hook-form';
import { confirmationProblem, newPasswordProblem } from '../domain/account';
import type { AppError } from '../domain/errors';
import { AccountForm, useAccountForm } from './account-form';
import { PasswordField } from './account-fields';
import { accountErrorFields, confirmedWhen, validWhen, type ErrorFields } from './form-errors';
import { t } from '../i18n/i18n';

export interface NewPasswordValues {
  currentPassword: string;
  password: string;
  confirmation: string;
}

const ERROR_FIELDS: ErrorFields<keyof NewPasswordValues> = {
  ...accountErrorFields(['password']),
  'wrong-current-password': 'currentPassword',
};
const IDS = { currentPassword: 'current-password', password: 'new-password', confirmation: 'new-password-confirmation' };

/**
 * A new password under the seed's rule, typed twice. With `askCurrent`, the current password
 * first (changing it from the account page); without (a reset link proves who it is).
 */
export function NewPasswordForm({
  label,
  askCurrent = false,
  username,
  submitLabel,
  onSubmit,
  pending,
  error,
  resetKey,
}: {
  label: string;
  askCurrent?: boolean;
  /** When known, a password containing it is refused here as the server would. */
  username?: string;
  submitLabel: string;
  onSubmit: (values: NewPasswordValues) => void;
  pending: boolean;
  error: AppError | null;
  /** Changes after a success, to empty the fields. */
  resetKey?: number;
}) {
  const form = useAccountForm<NewPasswordValues>({ currentPassword: '', password: '', confirmation: '' });
  const { register, control, reset, formState } = form;
  const password = useWatch({ control, name: 'password' });
  const order = askCurrent ? (['currentPassword', 'password', 'confirmation'] as const) : (['password', 'confirmation'] as const);

  useEffect(() => {
    if (resetKey) reset();
  }, [resetKey, reset]);

  return (
    <AccountForm
      form={form}
      label={label}
      order={order}
      ids={IDS}
      error={error}
      errorFields={ERROR_FIELDS}
      onSubmit={onSubmit}
      submitLabel={submitLabel}
      pendingLabel={t('account.saving')}
      pending={pending}
    >
      {askCurrent ? (
        <PasswordField
          id={IDS.currentPassword}
          label={t('password.current')}
          autoComplete="current-password"
          error={formState.errors.currentPassword?.message}
          registration={register('currentPassword', { validate: (value) => (value ? true : t('password.current.missing')) })}
        />
      ) : null}
      <PasswordField
        id={IDS.password}
        label={t('password.new')}
        autoComplete="new-password"
        checklistFor={password}
        error={formState.errors.password?.message}
        registration={register('password', { validate: (value) => validWhen(newPasswordProblem(value, username)) })}
      />
      <PasswordField
        id={IDS.confirmation}
        label={t('password.confirmation')}
        autoComplete="new-password"
        error={formState.errors.confirmation?.message}
        registration={register('confirmation', { validate: (value, values) => confirmedWhen(confirmationProblem(values.password, value)) })}
      />
    </AccountForm>
  );
}
