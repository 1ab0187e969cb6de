import type { AppError } from '../domain/errors';
import { AccountForm, useAccountForm } from './account-form';
import { UsernameField } from './account-fields';
import { t } from '../i18n/i18n';

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
      label={t('delete.heading')}
      order={['confirmation']}
      ids={{ confirmation: 'delete-confirmation' }}
      error={error}
      onSubmit={() => onSubmit()}
      submitLabel={t('delete.submit')}
      pendingLabel={t('delete.pending')}
      pending={pending}
      danger
    >
      <UsernameField
        id="delete-confirmation"
        label={t('delete.confirmation')}
        hint={t('delete.confirmation.hint', { username })}
        autoComplete="off"
        error={form.formState.errors.confirmation?.message}
        registration={form.register('confirmation', {
          validate: (value) => (value === username ? true : t('delete.confirmation.wrong', { username })),
        })}
      />
    </AccountForm>
  );
}
