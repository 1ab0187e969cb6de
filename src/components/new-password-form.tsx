import { useEffect } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { confirmationError, newPasswordError } from '../domain/account';
import type { AppError } from '../domain/errors';
import { FormNotice } from './form-notice';
import { placeError, summaryOf } from './form-errors';
import { PasswordChecklist } from './password-checklist';
import { ErrorSummary } from './ui/error-summary';
import { Field } from './ui/field';

export interface NewPasswordValues {
  currentPassword: string;
  password: string;
  confirmation: string;
}

const ERROR_FIELDS = {
  'weak-password': 'password',
  'password-contains-username': 'password',
  'password-missing': 'password',
  'wrong-current-password': 'currentPassword',
} as const;

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
  const {
    register,
    handleSubmit,
    control,
    setError,
    setFocus,
    reset,
    formState: { errors, submitCount },
  } = useForm<NewPasswordValues>({
    defaultValues: { currentPassword: '', password: '', confirmation: '' },
    shouldFocusError: false,
  });
  const password = useWatch({ control, name: 'password' });
  const placed = placeError(error, ERROR_FIELDS);
  const order = askCurrent ? (['currentPassword', 'password', 'confirmation'] as const) : (['password', 'confirmation'] as const);
  const ids = { currentPassword: 'current-password', password: 'new-password', confirmation: 'new-password-confirmation' };

  useEffect(() => {
    const { field, message } = placeError(error, ERROR_FIELDS);
    if (field && message) {
      setError(field, { type: 'server', message });
      // The summary (an alert) announces it; the field it is about takes the focus.
      setFocus(field);
    }
  }, [error, setError, setFocus]);

  useEffect(() => {
    if (resetKey) reset();
  }, [resetKey, reset]);

  return (
    <form onSubmit={(event) => void handleSubmit(onSubmit)(event)} noValidate aria-label={label}>
      <ErrorSummary errors={summaryOf(errors, order, submitCount, ids)} focusKey={submitCount} />
      <FormNotice message={placed.formMessage} />

      {askCurrent ? (
        <Field id={ids.currentPassword} label="Current password" error={errors.currentPassword?.message}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="password"
              autoComplete="current-password"
              {...register('currentPassword', { validate: (value) => (value ? true : 'Enter your current password.') })}
            />
          )}
        </Field>
      ) : null}

      <Field
        id={ids.password}
        label="New password"
        error={errors.password?.message}
        after={<PasswordChecklist id={`${ids.password}-rules`} password={password} />}
      >
        {(control) => (
          <input
            {...control}
            aria-describedby={[control['aria-describedby'], `${ids.password}-rules`].filter(Boolean).join(' ')}
            className="input"
            type="password"
            autoComplete="new-password"
            {...register('password', { validate: (value) => newPasswordError(value, username) ?? true })}
          />
        )}
      </Field>

      <Field id={ids.confirmation} label="Confirm your new password" error={errors.confirmation?.message}>
        {(control) => (
          <input
            {...control}
            className="input"
            type="password"
            autoComplete="new-password"
            {...register('confirmation', { validate: (value, values) => confirmationError(values.password, value) ?? true })}
          />
        )}
      </Field>

      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
