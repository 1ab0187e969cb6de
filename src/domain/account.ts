/**
 * The rules for an account's username and email, shared by the account forms and the
 * server's Cloud Code (the password rule is in password.ts). Each rule answers with a problem's
 * kind (the forms show it in the user's language); `…Error` gives it in English for Cloud Code.
 */
import type { AppErrorKind } from './errors';
import { isStrongPassword, PASSWORD_RULE_MESSAGE } from './password';

export const USERNAME_LIMITS = { min: 3, max: 100 } as const;

export const USERNAME_RULE_MESSAGE = `Usernames are ${USERNAME_LIMITS.min} to ${USERNAME_LIMITS.max} characters, with no spaces and no @.`;

/** Parse Server's passwordPolicy `doNotAllowUsername` refuses a password that contains the username. */
export const PASSWORD_CONTAINS_USERNAME_MESSAGE = 'Your password must not contain your username.';

/** What a new password typed twice can get wrong besides the rule: the second one. */
export type ConfirmationProblem = 'confirmation-missing' | 'confirmation-mismatch';

type AccountProblem = Extract<
  AppErrorKind,
  'username-missing' | 'invalid-username' | 'email-missing' | 'invalid-email' | 'password-missing' | 'weak-password' | 'password-contains-username'
>;

const IN_ENGLISH: Record<AccountProblem | ConfirmationProblem, string> = {
  'username-missing': 'Enter a username.',
  'invalid-username': USERNAME_RULE_MESSAGE,
  'email-missing': 'Enter your email address.',
  'invalid-email': 'Enter a valid email address, like name@example.com.',
  'password-missing': 'Enter a password.',
  'weak-password': PASSWORD_RULE_MESSAGE,
  'password-contains-username': PASSWORD_CONTAINS_USERNAME_MESSAGE,
  'confirmation-missing': 'Enter your password again.',
  'confirmation-mismatch': 'The two passwords are not the same.',
};

const inEnglish = (problem: AccountProblem | ConfirmationProblem | undefined) => (problem ? IN_ENGLISH[problem] : undefined);

// Spaces and invisible characters make a username that people cannot type back at the login;
// an @ would let someone register another person's email address as a username, which the
// log-in by email would then match first.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_USERNAME = /[\s\u0000-\u001F\u007F@]/;

export function usernameProblem(value: unknown): 'username-missing' | 'invalid-username' | undefined {
  if (typeof value !== 'string' || value.trim() === '') return 'username-missing';
  if (FORBIDDEN_IN_USERNAME.test(value)) return 'invalid-username';
  if (value.length < USERNAME_LIMITS.min || value.length > USERNAME_LIMITS.max) return 'invalid-username';
  return undefined;
}

export function usernameError(value: unknown): string | undefined {
  return inEnglish(usernameProblem(value));
}

// Deliberately loose: one @, something on each side, a dot in the domain. The email that
// arrives is the real check.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function emailProblem(value: unknown): 'email-missing' | 'invalid-email' | undefined {
  if (typeof value !== 'string' || value.trim() === '') return 'email-missing';
  if (!EMAIL_SHAPE.test(value.trim())) return 'invalid-email';
  return undefined;
}

export function emailError(value: unknown): string | undefined {
  return inEnglish(emailProblem(value));
}

/** The new password's problem, if any: the seed's rule, then the username rule of the server's policy. */
export function newPasswordProblem(
  password: string,
  username?: string,
): 'password-missing' | 'weak-password' | 'password-contains-username' | undefined {
  if (password === '') return 'password-missing';
  if (!isStrongPassword(password)) return 'weak-password';
  if (username && password.includes(username)) return 'password-contains-username';
  return undefined;
}

export function newPasswordError(password: string, username?: string): string | undefined {
  return inEnglish(newPasswordProblem(password, username));
}

export function confirmationProblem(password: string, confirmation: string): ConfirmationProblem | undefined {
  if (confirmation === '') return 'confirmation-missing';
  if (confirmation !== password) return 'confirmation-mismatch';
  return undefined;
}

export function confirmationError(password: string, confirmation: string): string | undefined {
  return inEnglish(confirmationProblem(password, confirmation));
}
