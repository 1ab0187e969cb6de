/**
 * The app's account calls (src/parse/auth.ts and session.ts) against the test stack, for an
 * integration test file under jsdom (which gives the SDK the localStorage it keeps the session
 * in, as in a browser). Called at the file's top level: every test starts signed out.
 */
import { beforeAll, beforeEach, inject, vi } from 'vitest';

type Auth = typeof import('../../src/parse/auth');
type Session = typeof import('../../src/parse/session');
type ParseSdk = Awaited<ReturnType<typeof import('../../src/parse/client').getParse>>;

export interface AccountCalls {
  auth: Auth;
  session: Session;
  Parse: ParseSdk;
}

export const ACCOUNT_PASSWORD = 'Secret#Pass1';

export function setUpAccountCalls(): AccountCalls {
  const stack = inject('stack');
  const calls = {} as AccountCalls;
  beforeAll(async () => {
    vi.stubEnv('VITE_PARSE_SERVER_URL', stack.serverURL);
    vi.stubEnv('VITE_PARSE_APP_ID', stack.appId);
    vi.stubEnv('VITE_PARSE_JS_KEY', stack.javascriptKey);
    calls.auth = await import('../../src/parse/auth');
    calls.session = await import('../../src/parse/session');
    calls.Parse = await (await import('../../src/parse/client')).getParse();
    // The SDK keeps no current user under Node unless asked; the browser build always does.
    calls.Parse.User.enableUnsafeCurrentUser();
  });
  beforeEach(async () => {
    await calls.session.clearLocalSession();
  });
  return calls;
}

/** A new account's username, email and password, unique to the call. */
export function credentials() {
  const id = crypto.randomUUID();
  return { username: `u-${id}`, email: `${id}@example.com`, password: ACCOUNT_PASSWORD };
}
