import { useEffect } from 'react';
import type { FieldErrors, FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { ConfirmationProblem } from '../domain/account';
import type { AppError, AppErrorKind } from '../domain/errors';
import { errorText } from '../i18n/error-text';
import { t } from '../i18n/i18n';
import type { SummaryError } from './ui/error-summary';

/** The error summary's entries, in the form's order, once the user has tried to submit. */
export function summaryOf<F extends string>(
  errors: FieldErrors<FieldValues>,
  order: readonly F[],
  submitCount: number,
  ids?: Partial<Record<F, string>>,
): SummaryError[] {
  if (submitCount === 0) return [];
  return order.flatMap((field) => {
    const message = errors[field]?.message;
    return typeof message === 'string' && message ? [{ fieldId: ids?.[field] ?? field, message }] : [];
  });
}

/** Which field of a form each kind of server error is about; the kinds left out are the whole form's. */
export type ErrorFields<F extends string> = Partial<Record<AppErrorKind, F>>;

/**
 * Puts the server's refusal on the field it is about (username taken → the username field), as
 * the form's own validation would, and moves the focus there; returns the message when it is
 * about the form as a whole (offline, locked…).
 */
export function useServerErrors<V extends FieldValues>(
  form: Pick<UseFormReturn<V>, 'setError' | 'setFocus'>,
  error: AppError | null,
  fieldOf: ErrorFields<Path<V>>,
): string | undefined {
  const { setError, setFocus } = form;
  const field = error ? fieldOf[error.kind] : undefined;
  useEffect(() => {
    // Keyed on the error itself: the same refusal twice in a row must show twice.
    if (!error || !field) return;
    setError(field, { type: 'server', message: errorText(error) });
    // The summary (an alert) announces it; the field it is about takes the focus.
    setFocus(field);
  }, [error, field, setError, setFocus]);
  return error && !field ? errorText(error) : undefined;
}

/** The usual homes of account errors, by field. */
const ACCOUNT_ERROR_KINDS = {
  username: ['username-taken', 'invalid-username', 'username-missing'],
  email: ['email-taken', 'invalid-email', 'email-missing'],
  password: ['weak-password', 'password-contains-username', 'password-missing'],
} as const satisfies Record<string, readonly AppErrorKind[]>;

/** The usual homes of account errors, for a form that has `fields`: the others are the whole form's. */
export function accountErrorFields<F extends keyof typeof ACCOUNT_ERROR_KINDS>(fields: readonly F[]): ErrorFields<F> {
  const placed: ErrorFields<F> = {};
  for (const field of fields) for (const kind of ACCOUNT_ERROR_KINDS[field]) placed[kind] = field;
  return placed;
}

/** A rule's answer as react-hook-form's `validate` takes it: passed, or its problem in the user's language. */
export function validWhen(problem: AppErrorKind | undefined): true | string {
  return problem ? errorText(problem) : true;
}

/** What checks a whole form at once and names each field's problem (src/domain's validate…). */
type FormCheck<V, F extends string, P> = (values: V) => { readonly ok: true } | { readonly ok: false; readonly problems: Partial<Record<F, P>> };

/**
 * The rules of a form whose fields are checked together, as the server checks them (a venue's
 * settings, a kiosk's set-up): `ruleOf(field)` is that field's rule for react-hook-form, the
 * whole form checked and this field's problem said by `say`.
 */
export function rulesFrom<V, F extends string, P>(check: FormCheck<V, F, P>, say: (problem: P) => string) {
  return (field: F) =>
    (_value: unknown, values: V): true | string => {
      const checked = check(values);
      const problem = checked.ok ? undefined : checked.problems[field];
      return problem === undefined ? true : say(problem);
    };
}

const CONFIRMATION_TEXT = {
  'confirmation-missing': 'account.confirmation.missing',
  'confirmation-mismatch': 'account.confirmation.mismatch',
} as const satisfies Record<ConfirmationProblem, string>;

/** The second password's answer, as `validWhen`'s. */
export function confirmedWhen(problem: ConfirmationProblem | undefined): true | string {
  return problem ? t(CONFIRMATION_TEXT[problem]) : true;
}
