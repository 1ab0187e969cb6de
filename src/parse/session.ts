/**
 * Who is signed in on this device, through the Parse SDK. Apart from the account actions
 * (auth.ts): the shell needs this on every page, the account actions only on their own.
 */
import { appConfig } from '../config/env';
import type { User } from '../domain/user';
import { getParse } from './client';
import { storedUserKey, takeEarlyFunctionCall } from './early-calls';
import { toAppError } from './errors';

/**
 * The session token the SDK keeps on this device (read directly: see hasStoredUser): null when
 * nobody is signed in here, undefined when storage cannot be read (the SDK decides then).
 */
export function storedSessionToken(): string | null | undefined {
  if (!appConfig.ok) return null;
  try {
    const stored = localStorage.getItem(storedUserKey(appConfig.config.parseAppId));
    if (stored === null) return null;
    const { sessionToken } = JSON.parse(stored) as { sessionToken?: unknown };
    return typeof sessionToken === 'string' ? sessionToken : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the SDK has a user stored on this device. Reading it directly spares a visitor who
 * never logged in from loading the SDK just to learn that.
 */
export function hasStoredUser(): boolean {
  return storedSessionToken() !== null;
}

/**
 * The signed-in user as the server knows them (Cloud Code `whoami`: staff membership comes from
 * the role). On a deep link, the shell asked already (early-calls.ts): no need to wait for the SDK.
 */
export async function whoami(): Promise<User> {
  const early = takeEarlyFunctionCall('whoami', storedSessionToken());
  if (early) return (await early.result) as User;
  const Parse = await getParse();
  return (await Parse.Cloud.run('whoami')) as User;
}

/**
 * The signed-in user, checked with the server: what localStorage says is only trusted to know
 * whom to ask about. A session the server no longer knows is cleared on this device.
 */
export async function fetchSession(): Promise<User | null> {
  const token = storedSessionToken();
  if (token === null) return null;
  if (token === undefined) {
    const Parse = await getParse();
    if (!(await Parse.User.currentAsync())) return null;
  }
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
