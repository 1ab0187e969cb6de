/**
 * What the Parse SDK keeps on this device, read without loading it: the one place that knows
 * the SDK's private storage (its key and shape) and its private way to forget the user. A
 * unit test (tests/unit/parse/sdk-storage.test.ts) logs in with the real SDK and fails when
 * either changes. No configuration here: the shell's inline script reads it too.
 */
import type { ParseSdk } from './client';

/** The localStorage key under which the Parse SDK keeps the signed-in user (its session token included). */
export function storedUserKey(appId: string): string {
  return `Parse/${appId}/currentUser`;
}

/**
 * The session token the SDK keeps on this device for the app `appId`: null when nobody is
 * signed in here, undefined when storage cannot be read (the SDK decides then).
 */
export function storedSessionTokenOf(appId: string): string | null | undefined {
  try {
    const stored = localStorage.getItem(storedUserKey(appId));
    if (stored === null) return null;
    const user: unknown = JSON.parse(stored);
    const token = typeof user === 'object' && user !== null && 'sessionToken' in user ? user.sessionToken : undefined;
    return typeof token === 'string' ? token : undefined;
  } catch {
    return undefined;
  }
}

/** Forgets the signed-in user on this device without asking the server (whose token may be dead already). */
export async function forgetStoredUser(Parse: ParseSdk): Promise<void> {
  await Parse.CoreManager.getUserController().removeUserFromDisk();
}
