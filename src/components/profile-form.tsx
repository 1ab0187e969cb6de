import { useEffect } from 'react';
import { useWatch } from 'react-hook-form';
import { emailProblem, usernameProblem } from '../domain/account';
import type { AppError } from '../domain/errors';
import { AccountForm, useAccountForm } from './account-form';
import { EmailField, UsernameField } from './account-fields';
import { accountErrorFields, validWhen } from './form-errors';
import { t } from '../i18n/i18n';

export interface ProfileValues {
  username: string;
  email: string;
}

const ORDER = ['username', 'email'] as const;
const IDS = { username: 'profile-username', email: 'profile-email' };
const ERROR_FIELDS = accountErrorFields(ORDER);

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
  const form = useAccountForm<ProfileValues>(defaultValues);
  const { register, control, formState } = form;

  const values = useWatch({ control });
  useEffect(() => {
    onChange?.({ username: values.username ?? '', email: values.email ?? '' });
  }, [values, onChange]);

  return (
    <AccountForm
      form={form}
      label={t('profile.label')}
      order={ORDER}
      ids={IDS}
      error={error}
      errorFields={ERROR_FIELDS}
      onSubmit={(changed) => onSubmit({ username: changed.username, email: changed.email.trim() })}
      submitLabel={t('profile.submit')}
      pendingLabel={t('account.saving')}
      pending={pending}
    >
      <UsernameField
        id={IDS.username}
        label={t('account.username')}
        error={formState.errors.username?.message}
        registration={register('username', { validate: (value) => validWhen(usernameProblem(value)) })}
      />
      <EmailField
        id={IDS.email}
        label={t('account.email')}
        hint={t('profile.email.hint')}
        error={formState.errors.email?.message}
        registration={register('email', { validate: (value) => validWhen(emailProblem(value)) })}
      />
    </AccountForm>
  );
}
