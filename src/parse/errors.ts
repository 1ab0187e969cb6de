import { parseValidationMessage } from '../domain/opinion';
import { AppError, appError, OUR_ERROR_CODE, RATE_LIMIT_MESSAGE, type AppErrorKind } from '../domain/errors';
import { PASSWORD_RULE_MESSAGE } from '../domain/password';
import { parseVenueRefusal } from '../domain/venue';

/**
 * Where the error happened changes what some codes mean: 101 is a wrong password at login,
 * and the password reset page answers every refusal with -1 and a message.
 */
export type ErrorContext = 'default' | 'login' | 'password-reset';

/**
 * The only refusals told apart by their text: Parse Server's own, which share a code with
 * other refusals and whose messages are fixed by Parse or by the options we give it.
 * Everything of ours has its own code (OUR_ERROR_CODE).
 */
export const PARSE_SERVER_MESSAGES: ReadonlyArray<{ kind: AppErrorKind; codes: readonly number[]; text: string }> = [
  // accountLockout (101, like a wrong password): "… Please try again after 15 minute(s)".
  { kind: 'locked', codes: [101], text: 'Your account is locked due to multiple failed login attempts.' },
  // passwordPolicy's `validationError` (server/parse-app.ts); 142 at sign-up, -1 on the reset page.
  { kind: 'weak-password', codes: [142, -1], text: PASSWORD_RULE_MESSAGE },
  // passwordPolicy's `doNotAllowUsername`, whose message Parse does not let us configure.
  { kind: 'password-contains-username', codes: [142, -1], text: 'Password cannot contain your username.' },
  // `rateLimit`'s `errorResponseMessage` as Back4App is configured (README), with code 100.
  { kind: 'rate-limited', codes: [100], text: RATE_LIMIT_MESSAGE },
];

function parseServerMessageKind(code: number, message: string): AppErrorKind | undefined {
  return PARSE_SERVER_MESSAGES.find((known) => known.codes.includes(code) && message.includes(known.text))?.kind;
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
  // Parse's validation error: the refusals of ours that the app shows by field have their own code.
  142: 'validation',
  155: 'rate-limited',
  200: 'username-missing',
  201: 'password-missing',
  202: 'username-taken',
  203: 'email-taken',
  204: 'email-missing',
  205: 'not-found',
  206: 'session-expired',
  209: 'session-expired',
  [OUR_ERROR_CODE.invalidUsername]: 'invalid-username',
  // The app shows the same rule from the user's own `emailVerified`; a refusal is permission's.
  [OUR_ERROR_CODE.staffEmailNotVerified]: 'forbidden',
  [OUR_ERROR_CODE.rateLimited]: 'rate-limited',
  // The app sends only languages of domain/languages.ts: a refusal means Cloud Code is older than
  // the app, and the opinion waits in the outbox until the server knows the language.
  [OUR_ERROR_CODE.invalidLanguage]: 'server',
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
  if (code === OUR_ERROR_CODE.invalidOpinion) return appError('validation', parseValidationMessage(message));
  // Each field's problem code, which the settings form says in the staff member's language.
  if (code === OUR_ERROR_CODE.invalidVenueSettings) return appError('validation', parseVenueRefusal(message));
  const fixed = parseServerMessageKind(code, message);
  if (fixed) return appError(fixed);
  // The token was unknown, used or expired: the reset page says nothing more precise.
  if (context === 'password-reset' && code === -1) return appError('reset-link-invalid');
  switch (code) {
    case 100:
      return appError('offline');
    case 101:
      return appError(context === 'login' ? 'wrong-credentials' : 'not-found');
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
