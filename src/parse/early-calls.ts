/**
 * Parse REST calls that the deep links' inline script (src/app/shell-script.ts, compiled by
 * build/route-preload-plugin.ts) sends before any module has run: the session check, and the
 * dashboard's visit (with its first stats) and first page. Their answers then wait for the app
 * instead of the app waiting for its entry script, the Parse SDK (80 KB, not tree-shakable)
 * and a round trip, and the dashboard shows its first page without the SDK at all. Each
 * request is the one the SDK sends (wire.ts); earlyOrAsk hands each answer to the first
 * matching read of the app, once.
 *
 * No configuration and no SDK here: the inline script is compiled from this module.
 */
import { restBody, restRequest, sameJSON, type ParseServer } from './wire';

/** Where the inline script leaves its calls, on `window`. */
export const EARLY_CALLS_GLOBAL = '__earlyCloudCalls';

/** An early call: a REST path under the server's URL, and its params as the app sends them. */
export type EarlyCallSpec = readonly [path: string, params: object];

/** A Cloud function's REST path. */
export function functionPath(name: string): string {
  return `functions/${name}`;
}

/** The Cloud function that says who is signed in (staff membership comes from the role). */
export const WHOAMI = 'whoami';

/** Sent on every deep link when someone is signed in: who they are. */
export const SESSION_CALL: EarlyCallSpec = [functionPath(WHOAMI), {}];

export interface EarlyCall {
  readonly path: string;
  readonly params: object;
  readonly sessionToken: string;
  /** Rejects only when the request could not be made at all (offline, refused). */
  readonly answer: Promise<{ readonly status: number; readonly text: string }>;
}

function isEarlyCall(value: unknown): value is EarlyCall {
  return typeof value === 'object' && value !== null && 'path' in value && 'sessionToken' in value && 'answer' in value;
}

/** The calls the inline script left (an array it made: nothing else writes that global). */
function earlyCalls(): unknown[] | undefined {
  const calls: unknown = Reflect.get(globalThis, EARLY_CALLS_GLOBAL);
  return Array.isArray(calls) ? calls : undefined;
}

/** Sends `specs` with this session, and leaves them for the app (run by the inline script). */
export function sendEarlyCalls(server: ParseServer, sessionToken: string, specs: readonly EarlyCallSpec[]): void {
  let calls = earlyCalls();
  if (!calls) {
    calls = [];
    Reflect.set(globalThis, EARLY_CALLS_GLOBAL, calls);
  }
  for (const [path, params] of specs) {
    const answer = fetch(...restRequest(server, path, params, sessionToken)).then(async (response) => ({
      status: response.status,
      text: await response.text(),
    }));
    // Never taken, a failed call must not be reported as unhandled: the app makes its own.
    answer.catch(() => undefined);
    const call: EarlyCall = { path, params, sessionToken, answer };
    calls.push(call);
  }
}

/**
 * The early call of `path` made with this session, if there is one not taken yet (and, when
 * `params` are given, made with those). A call made for another session (the user has logged
 * in again since) is never answered.
 */
export function takeEarlyCall(path: string, sessionToken: string | null | undefined, params?: object): EarlyCall | undefined {
  const calls = earlyCalls();
  if (typeof sessionToken !== 'string' || !calls) return undefined;
  const index = calls.findIndex(
    (call) => isEarlyCall(call) && call.path === path && call.sessionToken === sessionToken && (!params || sameJSON(call.params, params)),
  );
  const [call] = index < 0 ? [] : calls.splice(index, 1);
  return isEarlyCall(call) ? call : undefined;
}

/** One read of the app that the shell may have sent already. */
export interface Read<T> {
  /** Its REST path and params, as the shell would have sent them. */
  readonly path: string;
  readonly params: object;
  readonly sessionToken: string | null | undefined;
  /** The value in the REST answer's body. */
  readonly read: (body: Record<string, unknown>) => T;
  /** Asks the server (through the SDK). */
  readonly ask: () => Promise<T>;
  /**
   * A call that must be made once (the visit, which the server records): its early answer is
   * taken whatever params it was sent with.
   */
  readonly anyParams?: boolean;
}

/**
 * The early answer of `read` when the shell sent it, else the server's. `asAsked`: the answer
 * is to these very params (compared as JSON values: the order of keys does not matter).
 */
export async function earlyOrAsk<T>(read: Read<T>): Promise<{ value: T; asAsked: boolean }> {
  const early = takeEarlyCall(read.path, read.sessionToken, read.anyParams ? undefined : read.params);
  if (!early) return { value: await read.ask(), asAsked: true };
  const body = restBody(await early.answer);
  return { value: read.read(body), asAsked: sameJSON(early.params, read.params) };
}
