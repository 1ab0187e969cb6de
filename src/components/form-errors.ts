import type { FieldErrors, FieldValues } from 'react-hook-form';
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

/**
 * Splits a server error between the field it is about (username taken → the username field)
 * and the form as a whole (offline, locked…).
 */
export function placeError<F extends string>(
  error: AppError | null | undefined,
  fieldOf: Partial<Record<AppErrorKind, F>>,
): { field?: F; message?: string; formMessage?: string } {
  if (!error) return {};
  const field = fieldOf[error.kind];
  return field ? { field, message: error.message } : { formMessage: error.message };
}

/** The usual homes of account errors. */
export const ACCOUNT_ERROR_FIELDS = {
  'username-taken': 'username',
  'invalid-username': 'username',
  'username-missing': 'username',
  'email-taken': 'email',
  'invalid-email': 'email',
  'email-missing': 'email',
  'weak-password': 'password',
  'password-contains-username': 'password',
  'password-missing': 'password',
} as const satisfies Partial<Record<AppErrorKind, string>>;
