import type { AppError } from '../domain/errors';
import { AccountForm, useAccountForm } from './account-form';
import { UsernameField } from './account-fields';

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
  const form = useAccountForm<{ confirmation: string }>({ confirmation: '' });
  return (
    <AccountForm
      form={form}
      label="Delete your account"
      order={['confirmation']}
      ids={{ confirmation: 'delete-confirmation' }}
      error={error}
      onSubmit={() => onSubmit()}
      submitLabel="Delete my account"
      pendingLabel="Deleting…"
      pending={pending}
      danger
    >
      <UsernameField
        id="delete-confirmation"
        label="Type your username to confirm"
        hint={`This deletes the account "${username}" for good. It cannot be undone.`}
        autoComplete="off"
        error={form.formState.errors.confirmation?.message}
        registration={form.register('confirmation', {
          validate: (value) => (value === username ? true : `Type ${username} exactly to delete your account.`),
        })}
      />
    </AccountForm>
  );
}
