import { DIGEST_FREQUENCIES, type EmailPreferences } from '../domain/email-preferences';
import type { AppError } from '../domain/errors';
import { t } from '../i18n/i18n';
import { AccountForm, useAccountForm } from './account-form';
import { ChoiceGroup } from './ui/field';

const ORDER = ['alerts', 'digest'] as const;
const DIGEST_LABELS = { off: 'emails.digest.off', daily: 'emails.digest.daily', weekly: 'emails.digest.weekly' } as const;
const IDS = { alerts: 'emails-alerts', digest: 'emails-digest' };

/** The staff emails a user receives: alerts on or off, and how often the digest comes. */
export function EmailPreferencesForm({
  defaultValues,
  onSubmit,
  pending,
  error,
}: {
  defaultValues: EmailPreferences;
  onSubmit: (preferences: EmailPreferences) => void;
  pending: boolean;
  error: AppError | null;
}) {
  const form = useAccountForm<EmailPreferences>(defaultValues);
  const { register } = form;
  return (
    <AccountForm
      form={form}
      label={t('emails.label')}
      order={ORDER}
      ids={IDS}
      error={error}
      onSubmit={onSubmit}
      submitLabel={t('emails.submit')}
      pendingLabel={t('account.saving')}
      pending={pending}
    >
      <div className="field">
        <label className="choice" htmlFor={IDS.alerts}>
          <input id={IDS.alerts} type="checkbox" aria-describedby={`${IDS.alerts}-hint`} {...register('alerts')} />
          {t('emails.alerts')}
        </label>
        <span id={`${IDS.alerts}-hint`} className="field__hint">
          {t('emails.alerts.hint')}
        </span>
      </div>
      <ChoiceGroup id={IDS.digest} legend={t('emails.digest')} hint={t('emails.digest.hint')}>
        {DIGEST_FREQUENCIES.map((frequency) => (
          <label key={frequency} className="choice" htmlFor={`${IDS.digest}-${frequency}`}>
            <input id={`${IDS.digest}-${frequency}`} type="radio" value={frequency} {...register('digest')} />
            {t(DIGEST_LABELS[frequency])}
          </label>
        ))}
      </ChoiceGroup>
    </AccountForm>
  );
}
