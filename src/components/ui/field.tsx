import type { ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

function describedBy(...ids: (string | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined || undefined;
}

function FieldError({ id, error }: { id: string; error: string }) {
  return (
    <span id={id} className="field__error">
      <span className="visually-hidden">Error:</span> {error}
    </span>
  );
}

/** A label, an optional hint and error, and one control wired to them by ids. */
export function Field({
  id,
  label,
  hint,
  error,
  after,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Shown under the control, e.g. a character count (give it its own id to describe the control). */
  after?: ReactNode;
  children: (control: ControlProps) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      ) : null}
      {error && errorId ? <FieldError id={errorId} error={error} /> : null}
      {children({ id, 'aria-describedby': describedBy(hintId, errorId), 'aria-invalid': error ? true : undefined })}
      {after}
    </div>
  );
}

/** A group of radio buttons under one question: a fieldset whose legend is the question. */
export function ChoiceGroup({
  id,
  legend,
  hint,
  error,
  children,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset
      className={error ? 'fieldset field--error' : 'fieldset'}
      aria-describedby={describedBy(hintId, errorId)}
      id={`${id}-group`}
    >
      <legend className="fieldset__legend">{legend}</legend>
      {hint ? (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      ) : null}
      {error && errorId ? <FieldError id={errorId} error={error} /> : null}
      <div className="choices">{children}</div>
    </fieldset>
  );
}
