import { useEffect, type InputHTMLAttributes } from 'react';
import { useWatch, type UseFormRegisterReturn } from 'react-hook-form';
import type { AppError } from '../domain/errors';
import {
  validateVenueSettings,
  VENUE_LIMITS,
  VENUE_PROBLEMS,
  type VenueField,
  type VenueFieldProblems,
  type VenueProblem,
  type VenueSettings,
} from '../domain/venue';
import { t, type MessageValues } from '../i18n/i18n';
import { AccountForm, useAccountForm } from './account-form';
import { rulesFrom } from './form-errors';
import { ChoiceGroup, Field } from './ui/field';

/** What the form holds: numbers as typed (text), and whether opinions are kept for ever. */
export interface VenueSettingsValues {
  name: string;
  timeZone: string;
  alertWindowMinutes: string;
  alertMinimumCount: string;
  alertWontReturnPercent: string;
  retention: 'forever' | 'days';
  retentionDays: string;
}

const ORDER = [
  'name',
  'timeZone',
  'alertWindowMinutes',
  'alertMinimumCount',
  'alertWontReturnPercent',
  'retentionDays',
] as const satisfies readonly VenueField[];

const IDS = {
  name: 'settings-name',
  timeZone: 'settings-time-zone',
  alertWindowMinutes: 'settings-alert-window',
  alertMinimumCount: 'settings-alert-minimum',
  alertWontReturnPercent: 'settings-alert-share',
  retentionDays: 'settings-retention-days',
} as const satisfies Record<VenueField, string>;

/** The form's starting point: the saved settings, written as they are typed. */
export function formValuesOf(settings: VenueSettings): VenueSettingsValues {
  return {
    name: settings.name,
    timeZone: settings.timeZone,
    alertWindowMinutes: String(settings.alertWindowMinutes),
    alertMinimumCount: String(settings.alertMinimumCount),
    alertWontReturnPercent: String(settings.alertWontReturnPercent),
    retention: settings.retentionDays === null ? 'forever' : 'days',
    retentionDays: settings.retentionDays === null ? '' : String(settings.retentionDays),
  };
}

// Arabic keyboards type Arabic-Indic digits (٣٠, or ۳۰ in Persian layouts): the same number.
const ARABIC_INDIC = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** A number as typed; NaN (which the rules refuse) when it is none, never 0 for an empty field. */
function typedNumber(text: string): number {
  // Both ranges start at a code point ending in 0: the low four bits are the digit's value.
  const digits = text.trim().replace(ARABIC_INDIC, (digit) => String((digit.codePointAt(0) ?? 0) & 0xf));
  return /^-?\d+([.,]\d+)?$/.test(digits) ? Number(digits.replace(',', '.')) : Number.NaN;
}

/** What the form holds, as the settings' rules (validateVenueSettings) take it. */
export function settingsInputOf(values: VenueSettingsValues): { [K in VenueField]: unknown } {
  return {
    name: values.name,
    timeZone: values.timeZone,
    alertWindowMinutes: typedNumber(values.alertWindowMinutes),
    alertMinimumCount: typedNumber(values.alertMinimumCount),
    alertWontReturnPercent: typedNumber(values.alertWontReturnPercent),
    retentionDays: values.retention === 'forever' ? null : typedNumber(values.retentionDays),
  };
}

const PROBLEM_VALUES: Record<VenueProblem, MessageValues> = {
  'name.missing': {},
  'name.long': { max: VENUE_LIMITS.nameMax },
  'timeZone.invalid': {},
  'alertWindowMinutes.range': VENUE_LIMITS.alertWindowMinutes,
  'alertMinimumCount.range': VENUE_LIMITS.alertMinimumCount,
  'alertWontReturnPercent.range': VENUE_LIMITS.alertWontReturnPercent,
  'retentionDays.range': VENUE_LIMITS.retentionDays,
};

/** A problem in the staff member's language (the server's refusal carries its code, never its words). */
export function venueProblemMessage(problem: VenueProblem): string {
  return t(`venueProblem.${problem}`, PROBLEM_VALUES[problem]);
}

/** A field's rule for react-hook-form: the whole form is checked, as the server checks it, and this field's problem said. */
const ruleOf = rulesFrom((values: VenueSettingsValues) => validateVenueSettings(settingsInputOf(values)), venueProblemMessage);

/** The fields a `validation` refusal of the server names, with their problems; undefined for any other failure. */
function refusedFields(error: AppError | null): VenueFieldProblems | undefined {
  if (error?.kind !== 'validation' || !error.fields) return undefined;
  const fields = error.fields;
  const problems: VenueFieldProblems = {};
  for (const field of ORDER) {
    const problem = VENUE_PROBLEMS.find((known) => known === fields[field]);
    if (problem) problems[field] = problem;
  }
  return Object.keys(problems).length > 0 ? problems : undefined;
}

function TextField({
  id,
  label,
  hint,
  error,
  registration,
  input,
}: {
  id: string;
  label: string;
  hint?: string;
  error: string | undefined;
  registration: UseFormRegisterReturn;
  input: InputHTMLAttributes<HTMLInputElement>;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(control) => <input {...control} {...input} {...registration} />}
    </Field>
  );
}

/** A whole number typed in a narrow box; the text keyboard's digits on a phone, without the number input's spin and locale quirks. */
const WHOLE_NUMBER: InputHTMLAttributes<HTMLInputElement> = {
  type: 'text',
  inputMode: 'numeric',
  autoComplete: 'off',
  spellCheck: false,
  className: 'input settings__number',
};

// Stable for the life of the page: the list the browser knows.
const TIME_ZONES = Intl.supportedValuesOf('timeZone');

/** The browser's zones, and the saved one when it is not among them (UTC, which the list leaves out). */
function zonesWith(saved: string): readonly string[] {
  return TIME_ZONES.includes(saved) ? TIME_ZONES : [saved, ...TIME_ZONES];
}

/**
 * The venue's settings: checked by the same rules as the server's, the server's refusals put on
 * their fields. A failed save leaves what was typed in place.
 */
export function VenueSettingsForm({
  defaultValues,
  onSubmit,
  pending,
  error,
}: {
  defaultValues: VenueSettingsValues;
  onSubmit: (settings: VenueSettings) => void;
  pending: boolean;
  error: AppError | null;
}) {
  const form = useAccountForm<VenueSettingsValues>(defaultValues);
  const { register, control, setError, setFocus, setValue, formState } = form;
  const { errors } = formState;
  const retention = useWatch({ control, name: 'retention' });
  const refused = refusedFields(error);

  useEffect(() => {
    // Keyed on the error itself: the same refusal twice in a row must show twice.
    const problems = refusedFields(error);
    if (!problems) return;
    const fields = ORDER.filter((field) => problems[field] !== undefined);
    for (const field of fields) {
      const problem = problems[field];
      if (problem) setError(field, { type: 'server', message: venueProblemMessage(problem) });
    }
    // A refused days field is shown even if "for ever" was chosen meanwhile.
    if (fields.includes('retentionDays')) setValue('retention', 'days');
    const first = fields[0];
    if (first) setFocus(first);
  }, [error, setError, setFocus, setValue]);

  const submit = (values: VenueSettingsValues) => {
    const checked = validateVenueSettings(settingsInputOf(values));
    if (checked.ok) onSubmit(checked.value);
  };

  const daysLimits = VENUE_LIMITS.retentionDays;
  return (
    <AccountForm
      form={form}
      label={t('settings.heading')}
      order={ORDER}
      ids={IDS}
      // A refusal by field is on its fields; any other failure is said above the form.
      error={refused ? null : error}
      onSubmit={submit}
      submitLabel={t('settings.submit')}
      pendingLabel={t('account.saving')}
      pending={pending}
    >
      <TextField
        id={IDS.name}
        label={t('settings.name')}
        hint={t('settings.name.hint')}
        error={errors.name?.message}
        registration={register('name', { validate: ruleOf('name') })}
        input={{ type: 'text', autoComplete: 'organization', className: 'input' }}
      />
      <Field id={IDS.timeZone} label={t('settings.timeZone')} hint={t('settings.timeZone.hint')} error={errors.timeZone?.message}>
        {(control) => (
          <select {...control} className="select" {...register('timeZone', { validate: ruleOf('timeZone') })}>
            {zonesWith(defaultValues.timeZone).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="fieldset" aria-describedby="settings-alerts-hint">
        <legend className="fieldset__legend">{t('settings.alerts')}</legend>
        <span id="settings-alerts-hint" className="field__hint">
          {t('settings.alerts.hint')}
        </span>
        <TextField
          id={IDS.alertWindowMinutes}
          label={t('settings.alertWindowMinutes')}
          error={errors.alertWindowMinutes?.message}
          registration={register('alertWindowMinutes', { validate: ruleOf('alertWindowMinutes') })}
          input={WHOLE_NUMBER}
        />
        <TextField
          id={IDS.alertMinimumCount}
          label={t('settings.alertMinimumCount')}
          error={errors.alertMinimumCount?.message}
          registration={register('alertMinimumCount', { validate: ruleOf('alertMinimumCount') })}
          input={WHOLE_NUMBER}
        />
        <TextField
          id={IDS.alertWontReturnPercent}
          label={t('settings.alertWontReturnPercent')}
          error={errors.alertWontReturnPercent?.message}
          registration={register('alertWontReturnPercent', { validate: ruleOf('alertWontReturnPercent') })}
          input={WHOLE_NUMBER}
        />
      </fieldset>
      <ChoiceGroup id="settings-retention" legend={t('settings.retention')} hint={t('settings.retention.hint')}>
        {(['forever', 'days'] as const).map((choice) => (
          <label key={choice} className="choice" htmlFor={`settings-retention-${choice}-choice`}>
            <input
              id={`settings-retention-${choice}-choice`}
              type="radio"
              value={choice}
              // The days' rule depends on this choice: changing it checks the days again.
              {...register('retention', { deps: 'retentionDays' })}
            />
            {t(choice === 'forever' ? 'settings.retention.forever' : 'settings.retention.days')}
          </label>
        ))}
      </ChoiceGroup>
      {retention === 'days' ? (
        <TextField
          id={IDS.retentionDays}
          label={t('settings.retentionDays')}
          hint={t('settings.retentionDays.hint', daysLimits)}
          error={errors.retentionDays?.message}
          registration={register('retentionDays', { validate: ruleOf('retentionDays') })}
          input={WHOLE_NUMBER}
        />
      ) : null}
    </AccountForm>
  );
}
