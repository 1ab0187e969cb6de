import { describe, expect, test } from 'vitest';
import { OUR_ERROR_CODE, RATE_LIMIT_MESSAGE } from '../../../src/domain/errors';
import { formatValidationMessage } from '../../../src/domain/opinion';
import { PASSWORD_RULE_MESSAGE } from '../../../src/domain/password';
import { formatVenueRefusal } from '../../../src/domain/venue';
import { PARSE_SERVER_MESSAGES, toAppError } from '../../../src/parse/errors';

describe('our own refusals, by code whatever their message says', () => {
  test('an invalid opinion carries its field errors', () => {
    const fields = { comment: 'Enter your comment.', willReturn: 'Choose whether you would visit us again.' };
    expect(toAppError({ code: OUR_ERROR_CODE.invalidOpinion, message: formatValidationMessage(fields) })).toMatchObject({
      kind: 'validation',
      fields,
    });
    // Another sentence in front of the fields (reworded, translated) changes nothing.
    const reworded = `Opinion refused: ${JSON.stringify(fields)}`;
    expect(toAppError({ code: OUR_ERROR_CODE.invalidOpinion, message: reworded })).toMatchObject({ kind: 'validation', fields });
  });

  test("invalid venue settings carry each field's problem code", () => {
    const fields = { name: 'name.long', retentionDays: 'retentionDays.range' } as const;
    expect(toAppError({ code: OUR_ERROR_CODE.invalidVenueSettings, message: formatVenueRefusal(fields) })).toMatchObject({
      kind: 'validation',
      fields,
    });
  });

  test.each([
    [OUR_ERROR_CODE.invalidUsername, 'invalid-username'],
    [OUR_ERROR_CODE.staffEmailNotVerified, 'forbidden'],
    [OUR_ERROR_CODE.rateLimited, 'rate-limited'],
    // A server older than the app: the opinion waits in the outbox until it knows the language.
    [OUR_ERROR_CODE.invalidLanguage, 'server'],
  ] as const)('code %i is %s, in any words', (code, kind) => {
    for (const message of ['', 'Something said in other words.', RATE_LIMIT_MESSAGE]) {
      expect(toAppError({ code, message }, 'login').kind).toBe(kind);
    }
  });

  test('the codes are ours alone: none is one of Parse’s', async () => {
    const { default: Parse } = await import('parse/node');
    const parseCodes = new Set(Object.values(Parse.Error).filter((value) => typeof value === 'number'));
    for (const code of Object.values(OUR_ERROR_CODE)) expect(parseCodes.has(code)).toBe(false);
    expect(new Set(Object.values(OUR_ERROR_CODE)).size).toBe(Object.values(OUR_ERROR_CODE).length);
  });

  test('Parse’s generic validation code no longer reads fields or a username out of its message', () => {
    expect(toAppError({ code: 142, message: formatValidationMessage({ comment: 'Enter your comment.' }) })).toMatchObject({
      kind: 'validation',
      fields: undefined,
    });
    expect(toAppError({ code: 142, message: 'Invalid username: Usernames are 3 to 100 characters.' }).kind).toBe('validation');
  });
});

describe('Parse Server’s fixed messages: the only ones matched by text', () => {
  test.each([
    ['the account lock-out', 101, 'Your account is locked due to multiple failed login attempts. Please try again after 15 minute(s)', 'locked'],
    ['the password policy (our validationError)', 142, PASSWORD_RULE_MESSAGE, 'weak-password'],
    ['the password policy on the reset page', -1, PASSWORD_RULE_MESSAGE, 'weak-password'],
    ['the password policy’s username rule', 142, 'Password cannot contain your username.', 'password-contains-username'],
    ['the username rule on the reset page', -1, 'Password cannot contain your username.', 'password-contains-username'],
    ['Parse’s rateLimit (Back4App’s errorResponseMessage)', 100, RATE_LIMIT_MESSAGE, 'rate-limited'],
  ] as const)('%s', (_what, code, message, kind) => {
    expect(toAppError({ code, message }, 'login').kind).toBe(kind);
    expect(PARSE_SERVER_MESSAGES.filter((known) => known.kind === kind)).toHaveLength(1);
  });

  test('each text counts only under the codes Parse gives it', () => {
    expect(toAppError({ code: 100, message: 'XMLHttpRequest failed' }, 'login').kind).toBe('offline');
    expect(toAppError({ code: 101, message: 'Invalid username/password.' }, 'login').kind).toBe('wrong-credentials');
    expect(toAppError({ code: 119, message: RATE_LIMIT_MESSAGE }).kind).toBe('forbidden');
    expect(toAppError({ code: 141, message: PASSWORD_RULE_MESSAGE }).kind).toBe('server');
    expect(toAppError({ code: 209, message: 'Your account is locked due to multiple failed login attempts.' }).kind).toBe('session-expired');
  });
});
