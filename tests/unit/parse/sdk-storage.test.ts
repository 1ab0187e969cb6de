import Parse from 'parse';
import { afterEach, expect, test } from 'vitest';
import { forgetStoredUser, storedSessionTokenOf, storedUserKey } from '../../../src/parse/sdk-storage';

const APP_ID = 'sdk-storage-test';

afterEach(() => localStorage.clear());

// The real SDK (its browser build, in jsdom) logs in against a server that answers as Parse
// Server does: if the SDK stores its user under another key or shape, or forgets it otherwise,
// this fails, and the shell's early calls and hasStoredUser() with it.
test('the session token the SDK stores on logging in is read without it, and forgotten with it', async () => {
  Parse.initialize(APP_ID, 'js-key');
  Parse.serverURL = 'http://parse.invalid/parse';
  // The SDK sees Node under the test runner, where it keeps no current user unless told to.
  Parse.User.enableUnsafeCurrentUser();
  const rest = Parse.CoreManager.getRESTController();
  Parse.CoreManager.setRESTController({
    ...rest,
    request: () => Promise.resolve({ objectId: 'u1', username: 'ann', sessionToken: 'r:from-the-sdk' }),
  });
  expect(storedSessionTokenOf(APP_ID)).toBeNull();
  await Parse.User.logIn('ann', 'a password');
  expect(storedSessionTokenOf(APP_ID)).toBe('r:from-the-sdk');
  await forgetStoredUser(Parse);
  expect(storedSessionTokenOf(APP_ID)).toBeNull();
  expect(Parse.User.current()).toBeNull();
});

test('storage that cannot be read leaves the SDK to decide', () => {
  localStorage.setItem(storedUserKey(APP_ID), '{not json');
  expect(storedSessionTokenOf(APP_ID)).toBeUndefined();
});
