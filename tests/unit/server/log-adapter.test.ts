// @vitest-environment node
import { expect, test } from 'vitest';
import { LEFT_OUT, withoutInput, withoutSent } from '../../../server/log-adapter.ts';

test('a trigger refusal keeps what failed and the error, not the input', () => {
  const line = 'beforeSave failed for opinions for user undefined:\n  Input: {"comment":"my words"}\n  Error: {"message":"Comment is required.","code":4001}';
  expect(withoutInput(line)).toBe(`beforeSave failed for opinions for user undefined:${LEFT_OUT}\n  Error: {"message":"Comment is required.","code":4001}`);
});

test('a success line loses its input and its result; other lines are left as they are', () => {
  expect(withoutInput('Ran cloud function whoami for user abc with:\n  Input: {"a":1}\n  Result: {"id":"abc"}')).toBe(`Ran cloud function whoami for user abc with:${LEFT_OUT}`);
  expect(withoutInput('Parse error: Invalid function: "x"')).toBe('Parse error: Invalid function: "x"');
});

test('LiveQuery\'s refusals lose the session token, and a frame that is not JSON is not written', () => {
  expect(withoutInput('Failed running beforeConnect for session r:0123456789abcdef0123456789abcdef with:\n Error: {}')).toBe(
    'Failed running beforeConnect for session r:(left out) with:\n Error: {}',
  );
  const error = new SyntaxError('Unexpected token');
  expect(withoutSent('unable to parse request', ['{"op":"connect", my words', error])).toEqual(['(left out of the logs)', error]);
  expect(withoutSent('Uncaught internal server error.', [error, 'a stack'])).toEqual([error, 'a stack']);
});
