import type { AppError } from '../../domain/errors';
import {
  DEFAULT_KIOSK_PREFERENCES,
  KIOSK_LIMITS,
  validateKioskSetup,
  type KioskProblem,
  type KioskSetupInput,
} from '../../domain/kiosk';
import { LANGUAGES } from '../../domain/languages';
import { t, type MessageValues } from '../../i18n/i18n';
import { AccountForm, useAccountForm } from '../account-form';
import { rulesFrom } from '../form-errors';
import { Field } from '../ui/field';

const ORDER = ['pin', 'pinAgain', 'thanksResetSeconds', 'idleResetSeconds', 'language'] as const;

const { thanksResetSeconds: thanksLimits, idleResetSeconds: idleLimits } = KIOSK_LIMITS;

/** The PIN as typed on a tablet: digits on the keypad, never remembered or suggested by the browser. */
const PIN_INPUT = { type: 'password', inputMode: 'numeric', autoComplete: 'off', maxLength: KIOSK_LIMITS.pinMaxDigits } as const;
const SECONDS_INPUT = { type: 'text', inputMode: 'numeric', autoComplete: 'off' } as const;

const PROBLEM_VALUES: Record<KioskProblem, MessageValues> = {
  'pin.missing': {},
  'pin.notDigits': {},
  'pin.length': { min: KIOSK_LIMITS.pinMinDigits, max: KIOSK_LIMITS.pinMaxDigits },
  'pinAgain.missing': {},
  'pinAgain.different': {},
  'thanksResetSeconds.range': thanksLimits,
  'idleResetSeconds.range': idleLimits,
  'language.invalid': {},
};

/** A field's rule for react-hook-form: the whole set-up is checked, as starting checks it, and this field's problem said. */
const ruleOf = rulesFrom(validateKioskSetup, (problem: KioskProblem) => t(`kioskProblem.${problem}`, PROBLEM_VALUES[problem]));

/** The kiosk's set-up: the exit PIN (twice), the two resets and the visitors' language. */
export function KioskSetupForm({
  onSubmit,
  pending,
  error,
}: {
  onSubmit: (values: KioskSetupInput) => void;
  pending: boolean;
  error: AppError | null;
}) {
  const form = useAccountForm<KioskSetupInput>({
    pin: '',
    pinAgain: '',
    thanksResetSeconds: String(DEFAULT_KIOSK_PREFERENCES.thanksResetSeconds),
    idleResetSeconds: String(DEFAULT_KIOSK_PREFERENCES.idleResetSeconds),
    language: DEFAULT_KIOSK_PREFERENCES.language,
  });
  const {
    register,
    formState: { errors },
  } = form;
  const { pinMinDigits, pinMaxDigits } = KIOSK_LIMITS;

  return (
    <AccountForm
      form={form}
      label={t('kioskSetup.form')}
      order={ORDER}
      error={error}
      onSubmit={onSubmit}
      submitLabel={t('kioskSetup.submit')}
      pendingLabel={t('kioskSetup.pending')}
      pending={pending}
    >
      <Field id="pin" label={t('kioskSetup.pin')} hint={t('kioskSetup.pin.hint', { min: pinMinDigits, max: pinMaxDigits })} error={errors.pin?.message}>
        {(control) => <input {...control} className="input kiosk-short" {...PIN_INPUT} {...register('pin', { validate: ruleOf('pin') })} />}
      </Field>
      <Field id="pinAgain" label={t('kioskSetup.pinAgain')} error={errors.pinAgain?.message}>
        {(control) => (
          <input
            {...control}
            className="input kiosk-short"
            {...PIN_INPUT}
            {...register('pinAgain', { validate: ruleOf('pinAgain') })}
          />
        )}
      </Field>
      <Field
        id="thanksResetSeconds"
        label={t('kioskSetup.thanks')}
        hint={t('kioskSetup.seconds.hint', { min: thanksLimits.min, max: thanksLimits.max })}
        error={errors.thanksResetSeconds?.message}
      >
        {(control) => (
          <input
            {...control}
            className="input kiosk-short"
            {...SECONDS_INPUT}
            {...register('thanksResetSeconds', { validate: ruleOf('thanksResetSeconds') })}
          />
        )}
      </Field>
      <Field
        id="idleResetSeconds"
        label={t('kioskSetup.idle')}
        hint={t('kioskSetup.idle.hint', { min: idleLimits.min, max: idleLimits.max, warning: KIOSK_LIMITS.idleWarningSeconds })}
        error={errors.idleResetSeconds?.message}
      >
        {(control) => (
          <input
            {...control}
            className="input kiosk-short"
            {...SECONDS_INPUT}
            {...register('idleResetSeconds', { validate: ruleOf('idleResetSeconds') })}
          />
        )}
      </Field>
      <Field id="language" label={t('kioskSetup.language')} error={errors.language?.message}>
        {(control) => (
          <select {...control} className="select" {...register('language', { validate: ruleOf('language') })}>
            <option value="browser">{t('kioskSetup.language.browser')}</option>
            {Object.entries(LANGUAGES).map(([code, { name }]) => (
              <option key={code} value={code} lang={code}>
                {name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </AccountForm>
  );
}
