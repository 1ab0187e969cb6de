/**
 * Who is signed in on this device, through the Parse SDK. Apart from the account actions
 * (auth.ts): the shell needs this on every page, the account actions only on their own.
 */
import { appConfig } from '../config/env';
import type { User } from '../domain/user';
import { getParse } from './client';
import { toAppError } from './errors';

/** The signed-in user as the server knows them (Cloud Code `whoami`: staff membership comes from the role). */
export async function whoami(): Promise<User> {
  const Parse = await getParse();
  return (await Parse.Cloud.run('whoami')) as User;
}

/**
 * Whether the SDK has a user stored on this device (its localStorage key). Reading it directly
 * spares a visitor who never logged in from loading the SDK just to learn that.
 */
export function hasStoredUser(): boolean {
  if (!appConfig.ok) return false;
  try {
    return localStorage.getItem(`Parse/${appConfig.config.parseAppId}/currentUser`) !== null;
  } catch {
    // Storage blocked: let the SDK decide.
    return true;
  }
}

/**
 * The signed-in user, checked with the server: Parse.User.current() only trusts what
 * localStorage says. A session the server no longer knows is cleared on this device.
 */
export async function fetchSession(): Promise<User | null> {
  if (!hasStoredUser()) return null;
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

/** Forgets the stored session without asking the server (whose token may be dead already). */
export async function clearLocalSession(): Promise<void> {
  const Parse = await getParse();
  await Parse.CoreManager.getUserController().removeUserFromDisk();
}
