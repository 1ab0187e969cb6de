import { expect, test } from 'vitest';
import { isStrongPassword, PASSWORD_RULES } from '../../../src/domain/password';

test.each([
  ['Staff#Opinions1', true],
  ['Abcdefg1', true],
  ['Abcdef1', false],
  ['abcdefg1', false],
  ['ABCDEFG1', false],
  ['Abcdefgh', false],
])('%s is strong: %s', (password, strong) => {
  expect(isStrongPassword(password)).toBe(strong);
  // The checklist the sign-up form shows agrees with the server's single pattern.
  expect(PASSWORD_RULES.every((rule) => rule.test(password))).toBe(strong);
});
