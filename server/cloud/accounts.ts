/** Cloud Code for accounts: the username rule the forms show, enforced where clients cannot skip it. */
import { INVALID_USERNAME_PREFIX, usernameError } from '../../src/domain/account.ts';
import { serverParse } from './parse-global.ts';

const Parse = serverParse();

Parse.Cloud.beforeSave('_User', ({ object }) => {
  if (!object.dirtyKeys().includes('username')) return;
  const problem = usernameError(object.get('username'));
  if (problem) throw new Parse.Error(Parse.Error.VALIDATION_ERROR, INVALID_USERNAME_PREFIX + problem);
});
