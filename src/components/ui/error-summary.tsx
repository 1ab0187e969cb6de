import { useEffect, useRef } from 'react';
import { t } from '../../i18n/i18n';

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
  title = t('form.errorSummary'),
  focusKey,
}: {
  errors: SummaryError[];
  title?: string;
  /**
   * The summary takes focus when this changes (the form's submit count, say), that is on each
   * submit, and never when an error comes or goes as the user types in a field.
   */
  focusKey: string | number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const hasErrors = errors.length > 0;
  useEffect(() => {
    if (hasErrors) ref.current?.focus();
    // Only `focusKey` decides when to move focus.
  }, [focusKey]); // eslint-disable-line react-hooks/exhaustive-deps
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
