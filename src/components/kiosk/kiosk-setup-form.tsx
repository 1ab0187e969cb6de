import type { AppError } from '../../domain/errors';
import {
  DEFAULT_KIOSK_PREFERENCES,
  KIOSK_LIMITS,
  pinAgainError,
  pinError,
  secondsError,
  type KioskSetupInput,
} from '../../domain/kiosk';
import { LANGUAGES } from '../../domain/languages';
import { AccountForm, useAccountForm } from '../account-form';
import { Field } from '../ui/field';

const ORDER = ['pin', 'pinAgain', 'thanksResetSeconds', 'idleResetSeconds', 'language'] as const;

const { thanksResetSeconds: thanksLimits, idleResetSeconds: idleLimits } = KIOSK_LIMITS;

/** The PIN as typed on a tablet: digits on the keypad, never remembered or suggested by the browser. */
const PIN_INPUT = { type: 'password', inputMode: 'numeric', autoComplete: 'off', maxLength: KIOSK_LIMITS.pinMaxDigits } as const;
const SECONDS_INPUT = { type: 'text', inputMode: 'numeric', autoComplete: 'off' } as const;

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
      label="Kiosk settings"
      order={ORDER}
      error={error}
      onSubmit={onSubmit}
      submitLabel="Start kiosk mode"
      pendingLabel="Starting…"
      pending={pending}
    >
      <Field id="pin" label="Exit PIN" hint={`${pinMinDigits} to ${pinMaxDigits} digits. Staff type it to leave kiosk mode.`} error={errors.pin?.message}>
        {(control) => <input {...control} className="input kiosk-short" {...PIN_INPUT} {...register('pin', { validate: (pin) => pinError(pin) ?? true })} />}
      </Field>
      <Field id="pinAgain" label="Exit PIN again" error={errors.pinAgain?.message}>
        {(control) => (
          <input
            {...control}
            className="input kiosk-short"
            {...PIN_INPUT}
            {...register('pinAgain', { validate: (pinAgain, { pin }) => (pinError(pin) ? true : (pinAgainError(pin, pinAgain) ?? true)) })}
          />
        )}
      </Field>
      <Field
        id="thanksResetSeconds"
        label="New form after the thank-you (seconds)"
        hint={`From ${thanksLimits.min} to ${thanksLimits.max}.`}
        error={errors.thanksResetSeconds?.message}
      >
        {(control) => (
          <input
            {...control}
            className="input kiosk-short"
            {...SECONDS_INPUT}
            {...register('thanksResetSeconds', { validate: (value) => secondsError(value, thanksLimits) ?? true })}
          />
        )}
      </Field>
      <Field
        id="idleResetSeconds"
        label="Clear an untouched form after (seconds)"
        hint={`From ${idleLimits.min} to ${idleLimits.max}. "Are you still there?" shows for the last ${KIOSK_LIMITS.idleWarningSeconds}.`}
        error={errors.idleResetSeconds?.message}
      >
        {(control) => (
          <input
            {...control}
            className="input kiosk-short"
            {...SECONDS_INPUT}
            {...register('idleResetSeconds', { validate: (value) => secondsError(value, idleLimits) ?? true })}
          />
        )}
      </Field>
      <Field id="language" label="Each visitor starts in" error={errors.language?.message}>
        {(control) => (
          <select {...control} className="select" {...register('language')}>
            <option value="browser">The browser's language</option>
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
