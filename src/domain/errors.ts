import { PASSWORD_CONTAINS_USERNAME_MESSAGE, USERNAME_RULE_MESSAGE } from './account';

/**
 * Every failure a user can meet, as a kind and a sentence in plain words. src/parse maps
 * Parse's error codes onto these; pages only ever show `message`.
 */
export type AppErrorKind =
  | 'offline'
  | 'timeout'
  | 'server'
  | 'rate-limited'
  | 'validation'
  | 'duplicate'
  | 'session-expired'
  | 'forbidden'
  | 'not-found'
  | 'wrong-credentials'
  | 'locked'
  | 'username-taken'
  | 'email-taken'
  | 'invalid-email'
  | 'email-missing'
  | 'weak-password'
  | 'password-contains-username'
  | 'invalid-username'
  | 'username-missing'
  | 'password-missing'
  | 'wrong-current-password'
  | 'reset-link-invalid'
  | 'configuration'
  | 'unknown';

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
  /** An opinion's language that is not one of domain/languages.ts (an opinion may have none). */
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

export class AppError extends Error {
  constructor(
    readonly kind: AppErrorKind,
    message: string,
    /** Field-level messages, when the server refused some fields. */
    readonly fields?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const ERROR_MESSAGES: Record<AppErrorKind, string> = {
  offline: 'We could not reach the server. Check your connection and try again.',
  timeout: 'The server took too long to answer. Please try again.',
  server: 'Something went wrong on our side. Please try again in a moment.',
  'rate-limited': 'Too many attempts in a short time. Please wait a minute and try again.',
  validation: 'Some details need your attention.',
  duplicate: 'This was already saved.',
  'session-expired': 'Your session expired, please log in again.',
  forbidden: "You don't have permission to do that.",
  'not-found': 'We could not find what you were looking for.',
  'wrong-credentials': 'Wrong username or password.',
  locked: 'Too many failed attempts: this account is locked for a few minutes. Try again later or reset your password.',
  'username-taken': 'That username is already taken. Choose another one.',
  'email-taken': 'An account already uses that email address. Log in or reset your password.',
  'invalid-email': 'Enter a valid email address, like name@example.com.',
  'email-missing': 'Enter your email address.',
  'weak-password': 'Use at least 8 characters with an upper-case letter, a lower-case letter and a digit.',
  'password-contains-username': PASSWORD_CONTAINS_USERNAME_MESSAGE,
  'invalid-username': USERNAME_RULE_MESSAGE,
  'username-missing': 'Enter a username.',
  'password-missing': 'Enter a password.',
  'wrong-current-password': 'Your current password is wrong.',
  'reset-link-invalid': 'This password reset link has expired or was already used. Ask for a new one below.',
  configuration: 'The app is not configured correctly.',
  unknown: 'Something unexpected went wrong. Please try again.',
};

export function isAppErrorKind(value: unknown): value is AppErrorKind {
  return typeof value === 'string' && Object.hasOwn(ERROR_MESSAGES, value);
}

export function appError(kind: AppErrorKind, fields?: Record<string, string>): AppError {
  return new AppError(kind, ERROR_MESSAGES[kind], fields);
}

/** Failures worth retrying later from the device: the opinion is fine, the path to the server is not. */
export function isTransient(error: unknown): boolean {
  return (
    error instanceof AppError &&
    (error.kind === 'offline' || error.kind === 'timeout' || error.kind === 'server' || error.kind === 'rate-limited')
  );
}
