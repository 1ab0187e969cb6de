import { describe, expect, test } from 'vitest';
import { isStrongPassword, PASSWORD_PATTERN, PASSWORD_RULES } from '../../../src/domain/password';

describe('the seed’s password rule: 8 characters or more, an upper-case letter, a lower-case letter, a digit', () => {
  test.each([
    ['Staff#Opinions1', true],
    ['Test#Pass1234', true],
    ['Abcdefg1', true],
    ['Abcdef1', false],
    ['abcdefg1', false],
    ['ABCDEFG1', false],
    ['Abcdefgh', false],
    ['weakpass', false],
    ['', false],
    ['Aa1 !@#$', true],
    // Only ASCII letters count as upper- or lower-case, as in the server's pattern.
    ['ÁÉÍÓÚáé1', false],
    ['Zünïcödé9', true],
    // A line break is a character like any other, for the checklist and the server alike.
    ['Abcdefg1\nx', true],
    ['\nAbcdefg1', true],
  ])('%j is strong: %s', (password, strong) => {
    expect(isStrongPassword(password)).toBe(strong);
    // The checklist the sign-up form shows agrees with the server's single pattern.
    expect(PASSWORD_RULES.every((rule) => rule.test(password))).toBe(strong);
  });

  test('each rule of the checklist names what is missing', () => {
    const failing = (password: string) => PASSWORD_RULES.filter((rule) => !rule.test(password)).map((rule) => rule.id);
    expect(failing('')).toEqual(['length', 'upper', 'lower', 'digit']);
    expect(failing('abcdefgh')).toEqual(['upper', 'digit']);
    expect(failing('ABCDEFG1')).toEqual(['lower']);
    expect(failing('Abc1')).toEqual(['length']);
  });

  test('the pattern is the very one isStrongPassword uses', () => {
    expect(PASSWORD_PATTERN.test('Abcdefg1')).toBe(true);
    expect(PASSWORD_PATTERN.test('Abcdefg')).toBe(false);
  });
});
