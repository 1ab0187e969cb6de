/**
 * The rules for an account's username and email, shared by the account forms and the
 * server's Cloud Code (the password rule is in password.ts).
 */
import { isStrongPassword, PASSWORD_RULE_MESSAGE } from './password';

export const USERNAME_LIMITS = { min: 3, max: 100 } as const;

export const USERNAME_RULE_MESSAGE = `Usernames are ${USERNAME_LIMITS.min} to ${USERNAME_LIMITS.max} characters, with no spaces and no @.`;

/** Parse Server's passwordPolicy `doNotAllowUsername` refuses a password that contains the username. */
export const PASSWORD_CONTAINS_USERNAME_MESSAGE = 'Your password must not contain your username.';

// Spaces and invisible characters make a username that people cannot type back at the login;
// an @ would let someone register another person's email address as a username, which the
// log-in by email would then match first.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_USERNAME = /[\s\u0000-\u001F\u007F@]/;

export function usernameError(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return 'Enter a username.';
  if (FORBIDDEN_IN_USERNAME.test(value)) return USERNAME_RULE_MESSAGE;
  if (value.length < USERNAME_LIMITS.min || value.length > USERNAME_LIMITS.max) return USERNAME_RULE_MESSAGE;
  return undefined;
}

// Deliberately loose: one @, something on each side, a dot in the domain. The email that
// arrives is the real check.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function emailError(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return 'Enter your email address.';
  if (!EMAIL_SHAPE.test(value.trim())) return 'Enter a valid email address, like name@example.com.';
  return undefined;
}

/** The new password's problem, if any: the seed's rule, then the username rule of the server's policy. */
export function newPasswordError(password: string, username?: string): string | undefined {
  if (password === '') return 'Enter a password.';
  if (!isStrongPassword(password)) return PASSWORD_RULE_MESSAGE;
  if (username && password.includes(username)) return PASSWORD_CONTAINS_USERNAME_MESSAGE;
  return undefined;
}

export function confirmationError(password: string, confirmation: string): string | undefined {
  if (confirmation === '') return 'Enter your password again.';
  if (confirmation !== password) return 'The two passwords are not the same.';
  return undefined;
}
