/** The seed's password rule, shared by the sign-up form and the server's passwordPolicy. */

export const PASSWORD_MIN_LENGTH = 8;

/** Each part of the rule, by id: the checklist names them in the page's language. */
export const PASSWORD_RULES = [
  { id: 'length', test: (p: string) => p.length >= PASSWORD_MIN_LENGTH },
  { id: 'upper', test: (p: string) => /[A-Z]/.test(p) },
  { id: 'lower', test: (p: string) => /[a-z]/.test(p) },
  { id: 'digit', test: (p: string) => /\d/.test(p) },
] as const;

/** The same rule as one regular expression, in the form Parse Server's passwordPolicy takes. */
export const PASSWORD_PATTERN = /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{8,}$/s;

export const PASSWORD_RULE_MESSAGE =
  'Use at least 8 characters with an upper-case letter, a lower-case letter and a digit.';

export function isStrongPassword(password: string): boolean {
  return PASSWORD_PATTERN.test(password);
}
