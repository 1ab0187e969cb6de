import { describe, expect, test } from 'vitest';
import { safeNextPath } from '../../../src/app/paths';
import {
  confirmationError,
  confirmationProblem,
  emailError,
  emailProblem,
  newPasswordError,
  newPasswordProblem,
  usernameError,
  usernameProblem,
} from '../../../src/domain/account';
import { PASSWORD_RULES } from '../../../src/domain/password';

describe('account rules', () => {
  test('usernames: required, 3 to 100 characters, no spaces', () => {
    expect(usernameError('')).toBe('Enter a username.');
    expect(usernameError('   ')).toBe('Enter a username.');
    expect(usernameError('ab')).toMatch(/3 to 100 characters/);
    expect(usernameError('ana lima')).toMatch(/no spaces/);
    expect(usernameError('a'.repeat(101))).toMatch(/3 to 100/);
    expect(usernameError('ana.lima_2')).toBeUndefined();
    expect(usernameError('ana@example.com')).toMatch(/no @/);
  });

  test('emails: required and shaped like one', () => {
    expect(emailError('')).toBe('Enter your email address.');
    expect(emailError('ana@')).toBe('Enter a valid email address, like name@example.com.');
    expect(emailError('ana@example')).toBeDefined();
    expect(emailError(' ana@example.com ')).toBeUndefined();
  });

  test('new passwords: the seed rule, then not containing the username', () => {
    expect(newPasswordError('')).toBe('Enter a password.');
    expect(newPasswordError('short1A')).toMatch(/at least 8 characters/);
    expect(newPasswordError('alllowercase1')).toBeDefined();
    expect(newPasswordError('Ana-Lima#2024', 'Ana-Lima')).toBe('Your password must not contain your username.');
    expect(newPasswordError('Secret#Pass1', 'Ana-Lima')).toBeUndefined();
    expect(confirmationError('Secret#Pass1', '')).toBe('Enter your password again.');
    expect(confirmationError('Secret#Pass1', 'Secret#Pass2')).toBe('The two passwords are not the same.');
    expect(confirmationError('Secret#Pass1', 'Secret#Pass1')).toBeUndefined();
  });

  test('the checklist items are the rule', () => {
    const met = (password: string) => PASSWORD_RULES.filter((rule) => rule.test(password)).map((rule) => rule.id);
    expect(met('')).toEqual([]);
    expect(met('abc')).toEqual(['lower']);
    expect(met('Abcdefg1')).toEqual(['length', 'upper', 'lower', 'digit']);
  });
});

describe('safeNextPath', () => {
  test.each([
    ['/dashboard?page=2#top', '/dashboard?page=2#top'],
    ['/account', '/account'],
    [null, '/fallback'],
    ['', '/fallback'],
    ['dashboard', '/fallback'],
    ['//evil.example/path', '/fallback'],
    ['/\\evil.example', '/fallback'],
    ['https://evil.example/', '/fallback'],
    ['javascript:alert(1)', '/fallback'],
    ['/login?next=/account', '/fallback'],
    ['/signup', '/fallback'],
  ])('%s → %s', (next, expected) => {
    expect(safeNextPath(next, '/fallback')).toBe(expected);
  });
});

describe('account rules by kind (the forms say them in the user’s language)', () => {
  test('each rule names its problem', () => {
    expect(usernameProblem(' ')).toBe('username-missing');
    expect(usernameProblem('ana lima')).toBe('invalid-username');
    expect(usernameProblem('ana.lima_2')).toBeUndefined();
    expect(emailProblem('')).toBe('email-missing');
    expect(emailProblem('ana@')).toBe('invalid-email');
    expect(emailProblem('ana@example.com')).toBeUndefined();
    expect(newPasswordProblem('')).toBe('password-missing');
    expect(newPasswordProblem('short1A')).toBe('weak-password');
    expect(newPasswordProblem('Ana-Lima#2024', 'Ana-Lima')).toBe('password-contains-username');
    expect(newPasswordProblem('Secret#Pass1', 'Ana-Lima')).toBeUndefined();
    expect(confirmationProblem('Secret#Pass1', '')).toBe('confirmation-missing');
    expect(confirmationProblem('Secret#Pass1', 'Secret#Pass2')).toBe('confirmation-mismatch');
    expect(confirmationProblem('Secret#Pass1', 'Secret#Pass1')).toBeUndefined();
  });
});
