import { describe, expect, test } from 'vitest';
import {
  displayName,
  formatValidationMessage,
  isSubmissionId,
  parseValidationMessage,
  validateOpinion,
} from '../../../src/domain/opinion';

const valid = { name: 'Ana', comment: 'Nice', willReturn: true };

describe('validateOpinion, at the edges', () => {
  test('a name of 100 characters passes, 101 does not; surrounding spaces do not count', () => {
    expect(validateOpinion({ ...valid, name: 'n'.repeat(100) }).ok).toBe(true);
    expect(validateOpinion({ ...valid, name: `  ${'n'.repeat(100)}  ` }).ok).toBe(true);
    expect(validateOpinion({ ...valid, name: 'n'.repeat(101) })).toEqual({
      ok: false,
      errors: { name: 'Name must be 100 characters or fewer.' },
    });
  });

  test('the name is optional', () => {
    for (const name of [undefined, null, '', '   ']) {
      const result = validateOpinion({ ...valid, name });
      expect(result).toEqual({ ok: true, value: { ...valid, name: '' } });
    }
  });

  test('a comment of 2,000 characters passes, 2,001 does not; the limit applies after trimming', () => {
    expect(validateOpinion({ ...valid, comment: 'c'.repeat(2_000) }).ok).toBe(true);
    expect(validateOpinion({ ...valid, comment: ` ${'c'.repeat(2_000)}\n` })).toEqual({
      ok: true,
      value: { ...valid, comment: 'c'.repeat(2_000) },
    });
    expect(validateOpinion({ ...valid, comment: 'c'.repeat(2_001) })).toEqual({
      ok: false,
      errors: { comment: 'Comment must be 2,000 characters or fewer.' },
    });
  });

  test('a comment is required and blank is empty', () => {
    for (const comment of [undefined, null, '', ' \n\t ']) {
      expect(validateOpinion({ ...valid, comment })).toEqual({ ok: false, errors: { comment: 'Enter your comment.' } });
    }
  });

  test('willReturn must be a boolean', () => {
    expect(validateOpinion({ ...valid, willReturn: false }).ok).toBe(true);
    expect(validateOpinion({ ...valid, willReturn: null })).toMatchObject({ errors: { willReturn: 'Choose whether you would visit us again.' } });
    expect(validateOpinion({ ...valid, willReturn: 'true' })).toMatchObject({ errors: { willReturn: 'Would you visit us again must be yes or no.' } });
  });

  test('wrong types and control characters are refused; tabs and line breaks are not', () => {
    expect(validateOpinion({ ...valid, comment: 42 })).toMatchObject({ errors: { comment: 'Comment must be text.' } });
    expect(validateOpinion({ ...valid, name: 5 })).toMatchObject({ errors: { name: 'Name must be text.' } });
    expect(validateOpinion({ ...valid, comment: 'a\u0000b' })).toMatchObject({ errors: { comment: 'Comment contains characters we cannot store.' } });
    expect(validateOpinion({ ...valid, comment: 'line one\n\tline two' }).ok).toBe(true);
  });

  test.each([
    ['NUL', '\u0000'],
    ['bell', '\u0007'],
    ['escape', '\u001B'],
    ['delete', '\u007F'],
  ])('a %s character is refused in the comment and in the name', (_name, character) => {
    expect(validateOpinion({ ...valid, comment: `a${character}b` })).toEqual({
      ok: false,
      errors: { comment: 'Comment contains characters we cannot store.' },
    });
    expect(validateOpinion({ ...valid, name: `A${character}na` })).toEqual({
      ok: false,
      errors: { name: 'Name contains characters we cannot store.' },
    });
  });

  test('markup, right-to-left overrides and zero-width joiners are plain text, kept as typed', () => {
    const comment = '<script>alert(1)</script> \u202Eevil\u202C zero\u200Dwidth';
    expect(validateOpinion({ ...valid, comment })).toEqual({ ok: true, value: { ...valid, comment } });
  });

  test('every bad field is reported at once, and valid text comes back trimmed', () => {
    expect(validateOpinion({})).toEqual({
      ok: false,
      errors: { comment: 'Enter your comment.', willReturn: 'Choose whether you would visit us again.' },
    });
    expect(validateOpinion({ name: ' Ana ', comment: ' Nice\n', willReturn: true })).toEqual({ ok: true, value: valid });
  });
});

test('the server’s validation message round-trips to field errors', () => {
  const errors = { comment: 'Enter your comment.', name: 'Name must be text.' };
  expect(formatValidationMessage(errors)).toBe('Invalid opinion: {"comment":"Enter your comment.","name":"Name must be text."}');
  expect(parseValidationMessage(formatValidationMessage(errors))).toEqual(errors);
  const all = { name: 'Name must be text.', comment: 'Comment must be text.', willReturn: 'Choose whether you would visit us again.' };
  expect(parseValidationMessage(formatValidationMessage(all))).toEqual(all);
});

test('a message that is not a validation message gives no field errors', () => {
  expect(parseValidationMessage('Something else')).toBeUndefined();
  expect(parseValidationMessage('Invalid opinion: {broken')).toBeUndefined();
  expect(parseValidationMessage('Invalid opinion: null')).toBeUndefined();
  expect(parseValidationMessage('Invalid opinion: "text"')).toBeUndefined();
  // Fields the form does not have, and messages that are not text, are dropped.
  expect(parseValidationMessage('Invalid opinion: {"isAdmin":"x","comment":42,"name":"Too long."}')).toEqual({ name: 'Too long.' });
});

test('submission ids are UUIDs', () => {
  expect(isSubmissionId(crypto.randomUUID())).toBe(true);
  expect(isSubmissionId('00000000-0000-4000-8000-000000000001')).toBe(true);
  expect(isSubmissionId(crypto.randomUUID().toUpperCase())).toBe(true);
  expect(isSubmissionId('not-a-uuid')).toBe(false);
  expect(isSubmissionId('')).toBe(false);
  expect(isSubmissionId(`{${crypto.randomUUID()}}`)).toBe(false);
  expect(isSubmissionId(`${crypto.randomUUID()}\n`)).toBe(false);
  expect(isSubmissionId(crypto.randomUUID().replaceAll('-', ''))).toBe(false);
  expect(isSubmissionId('0000000g-0000-4000-8000-000000000001')).toBe(false);
  expect(isSubmissionId(42)).toBe(false);
  expect(isSubmissionId(null)).toBe(false);
});

test('an empty name is shown as Anonymous', () => {
  expect(displayName({ name: '' })).toBe('Anonymous');
  expect(displayName({ name: 'Mei' })).toBe('Mei');
});
