import { useEffect } from 'react';
import { useWatch } from 'react-hook-form';
import { confirmationError, newPasswordError } from '../domain/account';
import type { AppError } from '../domain/errors';
import { AccountForm, useAccountForm } from './account-form';
import { PasswordField } from './account-fields';
import { accountErrorFields, type ErrorFields } from './form-errors';

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
      pendingLabel="Saving…"
      pending={pending}
    >
      {askCurrent ? (
        <PasswordField
          id={IDS.currentPassword}
          label="Current password"
          autoComplete="current-password"
          error={formState.errors.currentPassword?.message}
          registration={register('currentPassword', { validate: (value) => (value ? true : 'Enter your current password.') })}
        />
      ) : null}
      <PasswordField
        id={IDS.password}
        label="New password"
        autoComplete="new-password"
        checklistFor={password}
        error={formState.errors.password?.message}
        registration={register('password', { validate: (value) => newPasswordError(value, username) ?? true })}
      />
      <PasswordField
        id={IDS.confirmation}
        label="Confirm your new password"
        autoComplete="new-password"
        error={formState.errors.confirmation?.message}
        registration={register('confirmation', { validate: (value, values) => confirmationError(values.password, value) ?? true })}
      />
    </AccountForm>
  );
}
