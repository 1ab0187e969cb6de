import { useEffect } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { emailError, usernameError } from '../domain/account';
import type { AppError } from '../domain/errors';
import { FormNotice } from './form-notice';
import { ACCOUNT_ERROR_FIELDS, placeError, summaryOf } from './form-errors';
import { ErrorSummary } from './ui/error-summary';
import { Field } from './ui/field';
import { EmailInput } from './email-input';

export interface ProfileValues {
  username: string;
  email: string;
}

const ORDER = ['username', 'email'] as const;
const IDS = { username: 'profile-username', email: 'profile-email' };

/** The account's username and email; reports every change so that its page can keep a draft. */
export function ProfileForm({
  defaultValues,
  onChange,
  onSubmit,
  pending,
  error,
}: {
  defaultValues: ProfileValues;
  onChange?: (values: ProfileValues) => void;
  onSubmit: (values: ProfileValues) => void;
  pending: boolean;
  error: AppError | null;
}) {
  const {
    register,
    handleSubmit,
    control,
    setError,
    setFocus,
    formState: { errors, submitCount },
  } = useForm<ProfileValues>({ defaultValues, shouldFocusError: false });
  const placed = placeError(error, ACCOUNT_ERROR_FIELDS);

  const values = useWatch({ control });
  useEffect(() => {
    onChange?.({ username: values.username ?? '', email: values.email ?? '' });
  }, [values, onChange]);

  useEffect(() => {
    const { field, message } = placeError(error, ACCOUNT_ERROR_FIELDS);
    if ((field === 'username' || field === 'email') && message) {
      setError(field, { type: 'server', message });
      // The summary (an alert) announces it; the field it is about takes the focus.
      setFocus(field);
    }
  }, [error, setError, setFocus]);

  return (
    <form
      onSubmit={(event) => void handleSubmit((form) => onSubmit({ username: form.username, email: form.email.trim() }))(event)}
      noValidate
      aria-label="Your details"
    >
      <ErrorSummary errors={summaryOf(errors, ORDER, submitCount, IDS)} focusKey={submitCount} />
      <FormNotice message={placed.formMessage} />
      <Field id={IDS.username} label="Username" error={errors.username?.message}>
        {(control) => (
          <input
            {...control}
            className="input"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            {...register('username', { validate: (value) => usernameError(value) ?? true })}
          />
        )}
      </Field>
      <Field
        id={IDS.email}
        label="Email address"
        hint="If you change it, we send a link to the new address to verify it."
        error={errors.email?.message}
      >
        {(control) => (
          <EmailInput control={control} registration={register('email', { validate: (value) => emailError(value) ?? true })} />
        )}
      </Field>
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Saving…' : 'Save my details'}
      </button>
    </form>
  );
}
