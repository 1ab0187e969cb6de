import { emailProblem } from '../domain/account';
import type { AppError } from '../domain/errors';
import { AccountForm, useAccountForm } from './account-form';
import { EmailField } from './account-fields';
import { validWhen } from './form-errors';

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
  const form = useAccountForm<{ email: string }>({ email: defaultEmail });
  return (
    <AccountForm
      form={form}
      order={['email']}
      error={error}
      onSubmit={({ email }) => onSubmit(email.trim())}
      submitLabel={submitLabel}
      pendingLabel={pendingLabel}
      pending={pending}
    >
      <EmailField
        id="email"
        label={label}
        hint={hint}
        error={form.formState.errors.email?.message}
        registration={form.register('email', { validate: (value) => validWhen(emailProblem(value)) })}
      />
    </AccountForm>
  );
}
