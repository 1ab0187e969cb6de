/**
 * Parse REST calls that the deep links' inline script (build/route-preload-plugin.ts) sends
 * before any module has run: the session check, and the dashboard's visit (with its first
 * stats) and first page. Their answers then wait for the app instead of the app waiting for
 * its entry script, the Parse SDK (80 KB, not tree-shakable) and a round trip, and the
 * dashboard shows its first page without the SDK at all. Each request is the one the SDK
 * sends (a POST whose text/plain JSON body carries the keys, so no CORS preflight); this
 * module hands each answer to the first matching call of the app, once.
 *
 * No imports and no configuration: the build reads it too.
 */

/** Where the inline script leaves its calls, on `window`. */
export const EARLY_CALLS_GLOBAL = '__earlyCloudCalls';

/** The localStorage key under which the Parse SDK keeps the signed-in user (its session token included). */
export function storedUserKey(appId: string): string {
  return `Parse/${appId}/currentUser`;
}

/** The early calls a page makes: a REST path under the server's URL, and its params as the SDK sends them. */
export type EarlyCallSpec = readonly [path: string, params: object];

/** Sent on every deep link when someone is signed in: who they are (Cloud Code `whoami`). */
export const SESSION_CALL: EarlyCallSpec = ['functions/whoami', {}];

export interface EarlyCall {
  readonly path: string;
  /** The params as the JSON that was sent, keys aside. */
  readonly params: string;
  readonly sessionToken: string;
  /** Rejects only when the request could not be made at all (offline, refused). */
  readonly answer: Promise<{ readonly status: number; readonly text: string }>;
}

/** A refusal as the SDK reports one: Parse's error code and its message. */
export class RestError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'RestError';
  }
}

/** Parse's "connection failed": what the SDK reports when the answer is not Parse's JSON. */
const CONNECTION_FAILED = 100;

/** An answer read as the SDK reads it: the JSON body, or Parse's error code and message. */
export function restBody({ status, text }: { status: number; text: string }): Record<string, unknown> {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new RestError(CONNECTION_FAILED, `The server answered ${status} with something other than JSON.`);
  }
  if (status >= 200 && status < 300) return body;
  if (typeof body.code !== 'number') throw new RestError(CONNECTION_FAILED, `The server answered ${status}.`);
  throw new RestError(body.code, typeof body.error === 'string' ? body.error : '');
}

export interface TakenCall {
  /** The params it was sent with (JSON), to compare with the app's own. */
  readonly params: string;
  readonly body: Promise<Record<string, unknown>>;
}

/**
 * The early call of `path` made with this session, if there is one not taken yet. A call made
 * for another session (the user has logged in again since) is never answered.
 */
export function takeEarlyCall(path: string, sessionToken: string | null | undefined): TakenCall | undefined {
  if (typeof sessionToken !== 'string') return undefined;
  const calls = (globalThis as Record<string, unknown>)[EARLY_CALLS_GLOBAL];
  if (!Array.isArray(calls)) return undefined;
  const index = (calls as EarlyCall[]).findIndex((call) => call.path === path && call.sessionToken === sessionToken);
  if (index < 0) return undefined;
  const [call] = (calls as EarlyCall[]).splice(index, 1) as [EarlyCall];
  return { params: call.params, body: call.answer.then(restBody) };
}

/** takeEarlyCall for a Cloud function: its `result`. */
export function takeEarlyFunctionCall(name: string, sessionToken: string | null | undefined) {
  const call = takeEarlyCall(`functions/${name}`, sessionToken);
  return call && { params: call.params, result: call.body.then((body) => body.result) };
}
