/**
 * Who is signed in on this device, through the Parse SDK. Apart from the account actions
 * (auth.ts): the shell needs this on every page, the account actions only on their own.
 */
import { appConfig } from '../config/env';
import type { User } from '../domain/user';
import { booleanAt, objectOf, stringAt } from './answer';
import { getParse } from './client';
import { earlyOrAsk, SESSION_CALL, WHOAMI } from './early-calls';
import { forgetStoredUser, storedSessionTokenOf } from './sdk-storage';
import { toAppError } from './errors';

/**
 * The session token the SDK keeps on this device (read directly: see hasStoredUser): null when
 * nobody is signed in here, undefined when storage cannot be read (the SDK decides then).
 */
export function storedSessionToken(): string | null | undefined {
  return appConfig.ok ? storedSessionTokenOf(appConfig.config.parseAppId) : null;
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
  const [path, params] = SESSION_CALL;
  const { value } = await earlyOrAsk<unknown>({
    path,
    params,
    sessionToken: storedSessionToken(),
    read: (body) => body.result,
    ask: async () => (await getParse()).Cloud.run(WHOAMI, params),
  });
  return toUser(value);
}

/** Cloud Code's `whoami` answer (server/cloud/main.ts). */
export function toUser(value: unknown): User {
  const answer = objectOf(value);
  return {
    id: stringAt(answer, 'id'),
    username: stringAt(answer, 'username'),
    email: stringAt(answer, 'email'),
    emailVerified: booleanAt(answer, 'emailVerified'),
    isStaff: booleanAt(answer, 'isStaff'),
  };
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
  await forgetStoredUser(await getParse());
}
