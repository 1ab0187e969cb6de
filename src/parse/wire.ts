/**
 * Parse Server's REST protocol as the browser speaks it without the SDK: the request (a POST
 * whose text/plain JSON body carries the keys, as the SDK sends it, so no CORS preflight) and
 * the reading of its answer (the JSON body, or Parse's error code and message, as the SDK
 * reports them, so that toAppError knows them). The visitor's form (rest.ts), the account's
 * password reset (auth.ts) and the shell's early calls (early-calls.ts, compiled into an
 * inline script at build time) all use this module.
 *
 * No configuration and no SDK here: the build bundles it into the inline script.
 */

/** The Parse Server a call goes to, with the app's public keys. */
export interface ParseServer {
  readonly url: string;
  readonly appId: string;
  readonly javascriptKey: string;
}

/** A find is a GET the SDK sends as a POST: a GET's query string would need a preflight for its headers. */
export function findRequest(query: object): object {
  return { ...query, _method: 'GET' };
}

/** The fetch() of one REST call of `path` (under the server's URL) with these params. */
export function restRequest(
  server: ParseServer,
  path: string,
  params: object,
  sessionToken?: string,
): [url: string, init: RequestInit] {
  const keys = { _ApplicationId: server.appId, _JavaScriptKey: server.javascriptKey };
  const body = sessionToken === undefined ? { ...params, ...keys } : { ...params, ...keys, _SessionToken: sessionToken };
  return [`${server.url}/${path}`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(body) }];
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonOf(text: string): Record<string, unknown> | undefined {
  try {
    const json: unknown = JSON.parse(text);
    return isRecord(json) ? json : undefined;
  } catch {
    return undefined;
  }
}

/** Parse's refusal in an answer's body, when the body is one (a proxy's error page is not). */
export function refusalOf(text: string): RestError | undefined {
  const body = jsonOf(text);
  if (typeof body?.code !== 'number') return undefined;
  return new RestError(body.code, typeof body.error === 'string' ? body.error : '');
}

/** An answer read as the SDK reads it: the JSON body, or Parse's error code and message. */
export function restBody({ status, text }: { readonly status: number; readonly text: string }): Record<string, unknown> {
  const body = jsonOf(text);
  if (!body) throw new RestError(CONNECTION_FAILED, `The server answered ${status} with something other than JSON.`);
  if (status >= 200 && status < 300) return body;
  throw refusalOf(text) ?? new RestError(CONNECTION_FAILED, `The server answered ${status}.`);
}

/** Whether two JSON values are the same, whatever the order of their keys. */
export function sameJSON(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameJSON(item, b[index]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a).filter((key) => a[key] !== undefined);
    return keys.length === Object.keys(b).filter((key) => b[key] !== undefined).length && keys.every((key) => sameJSON(a[key], b[key]));
  }
  return a === b;
}
