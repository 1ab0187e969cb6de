import { useEffect } from 'react';
import type { FieldErrors, FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { AppError, AppErrorKind } from '../domain/errors';
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
 * Splits a server error between the field it is about (username taken → the username field)
 * and the form as a whole (offline, locked…).
 */
function placeError<F extends string>(
  error: AppError | null,
  fieldOf: ErrorFields<F>,
): { field: F; message: string } | { formMessage: string } | undefined {
  if (!error) return undefined;
  const field = fieldOf[error.kind];
  return field ? { field, message: error.message } : { formMessage: error.message };
}

/**
 * Puts the server's refusal on the field it is about, as the form's own validation would, and
 * moves the focus there; returns the message that is about the whole form, if that is where it
 * belongs. `fieldOf` is a constant (a new object each render would place the error again).
 */
export function useServerErrors<V extends FieldValues>(
  form: Pick<UseFormReturn<V>, 'setError' | 'setFocus'>,
  error: AppError | null,
  fieldOf: ErrorFields<Path<V>>,
): string | undefined {
  const { setError, setFocus } = form;
  useEffect(() => {
    // Keyed on the error itself: the same refusal twice in a row must show twice.
    const placed = placeError(error, fieldOf);
    if (placed && 'field' in placed) {
      setError(placed.field, { type: 'server', message: placed.message });
      // The summary (an alert) announces it; the field it is about takes the focus.
      setFocus(placed.field);
    }
  }, [error, fieldOf, setError, setFocus]);
  const placed = placeError(error, fieldOf);
  return placed && 'formMessage' in placed ? placed.formMessage : undefined;
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
