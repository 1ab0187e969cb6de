import { useEffect, useRef } from 'react';

export interface SummaryError {
  /** The id of the control to move to. */
  fieldId: string;
  message: string;
}

/**
 * The GOV.UK error summary: at the top of the form, focused when it appears so that screen
 * readers announce it, each error a link to its field.
 */
export function ErrorSummary({
  errors,
  title = 'There is a problem',
  focusKey,
}: {
  errors: SummaryError[];
  title?: string;
  /**
   * When given (e.g. the form's submit count), the summary takes focus when it changes, that
   * is on each submit, and not when an error comes or goes as the user types in a field.
   */
  focusKey?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((error) => `${error.fieldId}:${error.message}`).join('|');
  const trigger = focusKey ?? signature;
  const hasErrors = signature !== '';
  useEffect(() => {
    if (hasErrors) ref.current?.focus();
    // Only `trigger` decides when to move focus.
  }, [trigger]); // eslint-disable-line react-hooks/exhaustive-deps
  if (errors.length === 0) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {errors.map((error) => (
          <li key={error.fieldId}>
            <a
              href={`#${error.fieldId}`}
              onClick={(event) => {
                const field = document.getElementById(error.fieldId);
                if (!field) return;
                event.preventDefault();
                field.focus();
                field.scrollIntoView?.({ block: 'center' });
              }}
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
