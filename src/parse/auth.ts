/** Accounts and sessions through the Parse SDK, mapped to plain `User`s. */
import type { User } from '../domain/user';
import { getParse } from './client';
import { toAppError } from './errors';

async function whoami(): Promise<User> {
  const Parse = await getParse();
  return (await Parse.Cloud.run('whoami')) as User;
}

/**
 * The signed-in user, checked with the server: Parse.User.current() only trusts what
 * localStorage says. A session the server no longer knows is cleared on this device.
 */
export async function fetchSession(): Promise<User | null> {
  const Parse = await getParse();
  if (!(await Parse.User.currentAsync())) return null;
  try {
    return await whoami();
  } catch (error) {
    const appError = toAppError(error);
    if (appError.kind === 'session-expired') {
      await clearLocalSession();
      return null;
    }
    throw appError;
  }
}

export async function logIn(username: string, password: string): Promise<User> {
  const Parse = await getParse();
  try {
    await Parse.User.logIn(username, password);
    return await whoami();
  } catch (error) {
    throw toAppError(error, 'login');
  }
}

/** Logs out on the server when it can, and on this device in any case. */
export async function logOut(): Promise<void> {
  const Parse = await getParse();
  try {
    await Parse.User.logOut();
  } catch {
    await clearLocalSession();
  }
}

/** Forgets the stored session without asking the server (whose token may be dead already). */
export async function clearLocalSession(): Promise<void> {
  const Parse = await getParse();
  Parse.CoreManager.getUserController().removeUserFromDisk();
}
