import { parseValidationMessage } from '../domain/opinion';
import { AppError, appError, RATE_LIMIT_MESSAGE, type AppErrorKind } from '../domain/errors';
import { PASSWORD_RULE_MESSAGE } from '../domain/password';
import { INVALID_USERNAME_PREFIX } from '../domain/account';

/**
 * Where the error happened changes what some codes mean: 101 is a wrong password at login,
 * and the password reset page answers every refusal with -1 and a message.
 */
export type ErrorContext = 'default' | 'login' | 'password-reset';

/** Parse Server's passwordPolicy `doNotAllowUsername` message (not configurable). */
const PASSWORD_CONTAINS_USERNAME = 'Password cannot contain your username.';

function passwordPolicyKind(message: string): AppErrorKind | undefined {
  if (message.includes(PASSWORD_RULE_MESSAGE)) return 'weak-password';
  if (message.includes(PASSWORD_CONTAINS_USERNAME)) return 'password-contains-username';
  return undefined;
}

function isParseError(error: unknown): error is { code: number; message: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'number' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

const BY_CODE: Record<number, AppErrorKind> = {
  [-1]: 'unknown',
  1: 'server',
  2: 'server',
  4: 'offline',
  116: 'validation',
  119: 'forbidden',
  125: 'invalid-email',
  137: 'duplicate',
  141: 'server',
  155: 'rate-limited',
  200: 'username-missing',
  201: 'password-missing',
  202: 'username-taken',
  203: 'email-taken',
  204: 'email-missing',
  205: 'not-found',
  206: 'session-expired',
  209: 'session-expired',
};

/** Maps anything the SDK throws to an AppError with a sentence a visitor understands. */
export function toAppError(error: unknown, context: ErrorContext = 'default'): AppError {
  if (error instanceof AppError) return error;
  if (!isParseError(error)) {
    // When fetch itself fails (no network, refused, CORS, a proxy's HTML error page), the SDK
    // rejects with a ParseError that has no code.
    if (error instanceof Error && 'code' in error && error.code === undefined) return appError('offline');
    if (error instanceof TypeError || typeof error === 'string') return appError('offline');
    return appError('unknown');
  }
  const { code, message } = error;
  if (context === 'password-reset' && code === -1) {
    // The token was unknown, used or expired, unless the new password broke the policy.
    return appError(passwordPolicyKind(message) ?? 'reset-link-invalid');
  }
  switch (code) {
    case 100:
      return message.startsWith(RATE_LIMIT_MESSAGE) ? appError('rate-limited') : appError('offline');
    case 101:
      if (context === 'login') {
        return /locked/i.test(message) ? appError('locked') : appError('wrong-credentials');
      }
      return appError('not-found');
    case 142: {
      const policy = passwordPolicyKind(message);
      if (policy) return appError(policy);
      if (message.startsWith(INVALID_USERNAME_PREFIX)) return appError('invalid-username');
      const fields = parseValidationMessage(message);
      return appError('validation', fields);
    }
    default:
      return appError(BY_CODE[code] ?? (code >= 500 ? 'server' : 'unknown'));
  }
}

/** Rejects with a timeout error when `promise` takes longer than `ms`: the SDK has no timeout of its own. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(appError('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
