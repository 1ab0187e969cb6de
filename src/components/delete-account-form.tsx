import { useForm } from 'react-hook-form';
import type { AppError } from '../domain/errors';
import { FormNotice } from './form-notice';
import { summaryOf } from './form-errors';
import { ErrorSummary } from './ui/error-summary';
import { Field } from './ui/field';

/** Deleting is for good: the user types their username to show they mean it. */
export function DeleteAccountForm({
  username,
  onSubmit,
  pending,
  error,
}: {
  username: string;
  onSubmit: () => void;
  pending: boolean;
  error: AppError | null;
}) {
  const {
    register,
    handleSubmit,
    formState: { errors, submitCount },
  } = useForm<{ confirmation: string }>({ defaultValues: { confirmation: '' }, shouldFocusError: false });

  return (
    <form onSubmit={(event) => void handleSubmit(() => onSubmit())(event)} noValidate aria-label="Delete your account">
      <ErrorSummary
        errors={summaryOf(errors, ['confirmation'], submitCount, { confirmation: 'delete-confirmation' })}
        focusKey={submitCount}
      />
      <FormNotice message={error?.message} />
      <Field
        id="delete-confirmation"
        label="Type your username to confirm"
        hint={`This deletes the account "${username}" for good. It cannot be undone.`}
        error={errors.confirmation?.message}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            type="text"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            {...register('confirmation', {
              validate: (value) => (value === username ? true : `Type ${username} exactly to delete your account.`),
            })}
          />
        )}
      </Field>
      <button type="submit" className="button button--danger" disabled={pending}>
        {pending ? 'Deleting…' : 'Delete my account'}
      </button>
    </form>
  );
}
