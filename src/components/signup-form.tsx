import { useEffect } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { confirmationError, emailError, newPasswordError, usernameError } from '../domain/account';
import type { AppError } from '../domain/errors';
import { FormNotice } from './form-notice';
import { ACCOUNT_ERROR_FIELDS, placeError, summaryOf } from './form-errors';
import { PasswordChecklist } from './password-checklist';
import { ErrorSummary } from './ui/error-summary';
import { Field } from './ui/field';
import { EmailInput } from './email-input';

export interface SignupValues {
  username: string;
  email: string;
  password: string;
  confirmation: string;
}

const ORDER = ['username', 'email', 'password', 'confirmation'] as const;

export function SignupForm({
  onSubmit,
  pending,
  error,
}: {
  onSubmit: (values: SignupValues) => void;
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
  } = useForm<SignupValues>({
    defaultValues: { username: '', email: '', password: '', confirmation: '' },
    shouldFocusError: false,
  });
  const password = useWatch({ control, name: 'password' });
  const placed = placeError(error, ACCOUNT_ERROR_FIELDS);

  useEffect(() => {
    // Keyed on the error itself: the same refusal twice in a row must show twice.
    const { field, message } = placeError(error, ACCOUNT_ERROR_FIELDS);
    if (field && message) {
      setError(field, { type: 'server', message });
      // The summary (an alert) announces it; the field it is about takes the focus.
      setFocus(field);
    }
  }, [error, setError, setFocus]);

  return (
    <form
      onSubmit={(event) => void handleSubmit((values) => onSubmit({ ...values, email: values.email.trim() }))(event)}
      noValidate
      aria-label="Create an account"
    >
      <ErrorSummary errors={summaryOf(errors, ORDER, submitCount)} focusKey={submitCount} />
      <FormNotice message={placed.formMessage} />

      <Field id="username" label="Username" hint="You will log in with it. No spaces." error={errors.username?.message}>
        {(controlProps) => (
          <input
            {...controlProps}
            className="input"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            {...register('username', { validate: (value) => usernameError(value) ?? true })}
          />
        )}
      </Field>

      <Field id="email" label="Email address" hint="We send a link to check it is yours." error={errors.email?.message}>
        {(controlProps) => (
          <EmailInput control={controlProps} registration={register('email', { validate: (value) => emailError(value) ?? true })} />
        )}
      </Field>

      <Field
        id="password"
        label="Password"
        error={errors.password?.message}
        after={<PasswordChecklist id="password-rules" password={password} />}
      >
        {(controlProps) => (
          <input
            {...controlProps}
            aria-describedby={[controlProps['aria-describedby'], 'password-rules'].filter(Boolean).join(' ')}
            className="input"
            type="password"
            autoComplete="new-password"
            {...register('password', {
              validate: (value, values) => newPasswordError(value, values.username) ?? true,
            })}
          />
        )}
      </Field>

      <Field id="confirmation" label="Confirm your password" error={errors.confirmation?.message}>
        {(controlProps) => (
          <input
            {...controlProps}
            className="input"
            type="password"
            autoComplete="new-password"
            {...register('confirmation', { validate: (value, values) => confirmationError(values.password, value) ?? true })}
          />
        )}
      </Field>

      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Creating your account…' : 'Create my account'}
      </button>
    </form>
  );
}
