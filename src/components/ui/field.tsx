import type { ReactNode } from 'react';
import { t } from '../../i18n/i18n';

export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

interface Described {
  id: string;
  hint?: ReactNode;
  error?: string;
  /** More ids that describe the control, read after the hint and the error: a character count, a checklist. */
  describedBy?: readonly string[];
}

/**
 * The wiring a field and a group of choices share: the hint and the error under the label, each
 * with an id derived from the field's, and the list of ids that describe the control.
 */
function describe({ id, hint, error, describedBy = [] }: Described) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const ids = [hintId, errorId, ...describedBy].filter(Boolean).join(' ');
  const invalid: true | undefined = error ? true : undefined;
  return {
    describedBy: ids || undefined,
    invalid,
    messages: (
      <>
        {hint ? (
          <span id={hintId} className="field__hint">
            {hint}
          </span>
        ) : null}
        {error ? (
          <span id={errorId} className="field__error">
            <span className="visually-hidden">{t('form.errorPrefix')}</span> {error}
          </span>
        ) : null}
      </>
    ),
  };
}

/**
 * A label, an optional hint and error, and one control wired to them by ids (the Epic Stack's
 * `Field`): the control gets its `id`, `aria-describedby` and `aria-invalid` from here.
 */
export function Field({
  label,
  after,
  children,
  ...described
}: Described & {
  label: ReactNode;
  /** Shown under the control, e.g. a character count (name its id in `describedBy` to describe the control). */
  after?: ReactNode;
  children: (control: ControlProps) => ReactNode;
}) {
  const { describedBy, invalid, messages } = describe(described);
  return (
    <div className={described.error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={described.id}>
        {label}
      </label>
      {messages}
      {children({ id: described.id, 'aria-describedby': describedBy, 'aria-invalid': invalid })}
      {after}
    </div>
  );
}

/** A group of radio buttons under one question: a fieldset whose legend is the question. */
export function ChoiceGroup({
  legend,
  children,
  ...described
}: Omit<Described, 'describedBy'> & {
  legend: ReactNode;
  children: ReactNode;
}) {
  const { describedBy, messages } = describe(described);
  return (
    <fieldset
      className={described.error ? 'fieldset field--error' : 'fieldset'}
      aria-describedby={describedBy}
      id={`${described.id}-group`}
    >
      <legend className="fieldset__legend">{legend}</legend>
      {messages}
      <div className="choices">{children}</div>
    </fieldset>
  );
}
