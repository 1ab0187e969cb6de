/**
 * Every failure a user can meet, as a kind: src/parse maps Parse's error codes onto these, and
 * pages say each in the user's language from its kind (src/i18n/error-text.ts: the `errors`
 * messages, one `error.<kind>` each).
 */
export const APP_ERROR_KINDS = [
  'offline',
  'timeout',
  'server',
  'rate-limited',
  'validation',
  'duplicate',
  'session-expired',
  'forbidden',
  'not-found',
  /** One of several opinions acted on was deleted by someone else meanwhile. */
  'deleted-meanwhile',
  'wrong-credentials',
  'locked',
  'username-taken',
  'email-taken',
  'invalid-email',
  'email-missing',
  'weak-password',
  'password-contains-username',
  'invalid-username',
  'username-missing',
  'password-missing',
  'wrong-current-password',
  'reset-link-invalid',
  'configuration',
  'unknown',
] as const;

export type AppErrorKind = (typeof APP_ERROR_KINDS)[number];

/**
 * The codes our own server refuses with: Cloud Code (server/cloud/) and the request limits in
 * front of Parse Server (server/request-limits.ts). Parse Server passes a Cloud Code error's
 * code and message through untouched; Parse's own codes end at 602. The app maps these by
 * code (src/parse/errors.ts); their messages stay plain English for other clients.
 */
export const OUR_ERROR_CODE = {
  /**
   * An opinion with fields that break the rules of domain/opinion.ts: the message carries
   * each field's problem as JSON (formatValidationMessage), the one payload a Parse error has room for.
   */
  invalidOpinion: 4001,
  /** A username that breaks the rule of domain/account.ts. */
  invalidUsername: 4002,
  /** A staff member whose email address is not verified (now) reads or writes staff data. */
  staffEmailNotVerified: 4003,
  /** Our request limits (server/request-limits.ts), with HTTP 429. */
  rateLimited: 4004,
  /**
   * An opinion's or a user's language that is not one of domain/languages.ts (either may have
   * none).
   */
  invalidLanguage: 4005,
  /**
   * Venue settings that break the rules of domain/venue.ts: the message carries each field's
   * problem code as JSON (formatVenueRefusal).
   */
  invalidVenueSettings: 4006,
} as const;

/**
 * The rate-limit message: our request limits answer with it, and Parse Server's own
 * `rateLimit` (Back4App's) is configured with it as `errorResponseMessage` (README). Parse
 * answers that one with code 100, the SDK's code for a failed network, so the app tells the
 * two apart by this text (src/parse/errors.ts, PARSE_SERVER_MESSAGES).
 */
export const RATE_LIMIT_MESSAGE = 'Too many requests from this device. Please wait a minute.';

/** A failure of some kind; its `message` is the kind, for logs (people read `errorText(error)`). */
export class AppError extends Error {
  constructor(
    readonly kind: AppErrorKind,
    /** Field-level messages, when the server refused some fields. */
    readonly fields?: Readonly<Record<string, string>>,
  ) {
    super(kind);
    this.name = 'AppError';
  }
}

export function isAppErrorKind(value: unknown): value is AppErrorKind {
  return typeof value === 'string' && APP_ERROR_KINDS.some((kind) => kind === value);
}

export function appError(kind: AppErrorKind, fields?: Record<string, string>): AppError {
  return new AppError(kind, fields);
}

/** Failures worth retrying later from the device: the opinion is fine, the path to the server is not. */
export function isTransient(error: unknown): boolean {
  return (
    error instanceof AppError &&
    (error.kind === 'offline' || error.kind === 'timeout' || error.kind === 'server' || error.kind === 'rate-limited')
  );
}
