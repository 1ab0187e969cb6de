import { useForm } from 'react-hook-form';
import { emailError } from '../domain/account';
import type { AppError } from '../domain/errors';
import { FormNotice } from './form-notice';
import { summaryOf } from './form-errors';
import { ErrorSummary } from './ui/error-summary';
import { Field } from './ui/field';
import { EmailInput } from './email-input';

/** One email address and a button: asking for a reset link or for the verification email again. */
export function EmailForm({
  label,
  hint,
  submitLabel,
  pendingLabel,
  defaultEmail = '',
  onSubmit,
  pending,
  error,
}: {
  label: string;
  hint?: string;
  submitLabel: string;
  pendingLabel: string;
  defaultEmail?: string;
  onSubmit: (email: string) => void;
  pending: boolean;
  error: AppError | null;
}) {
  const {
    register,
    handleSubmit,
    formState: { errors, submitCount },
  } = useForm<{ email: string }>({ defaultValues: { email: defaultEmail }, shouldFocusError: false });

  return (
    <form onSubmit={(event) => void handleSubmit(({ email }) => onSubmit(email.trim()))(event)} noValidate>
      <ErrorSummary errors={summaryOf(errors, ['email'], submitCount)} focusKey={submitCount} />
      <FormNotice message={error?.message} />
      <Field id="email" label={label} hint={hint} error={errors.email?.message}>
        {(control) => (
          <EmailInput control={control} registration={register('email', { validate: (value) => emailError(value) ?? true })} />
        )}
      </Field>
      <button type="submit" className="button" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}
