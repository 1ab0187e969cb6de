/**
 * What a request may do, decided in front of Parse Server: the rate limits, counted on the
 * operation a request performs rather than on how its path is spelled, and the input Parse
 * Server mishandles, refused before it gets there (see refusalOf).
 *
 * Parse Server's own `rateLimit` option matches the path as written, while its router
 * decodes and case-folds it: `/classes/%6Fpinions`, `/Classes/opinions/`, `/classes/_User`
 * instead of `/users`, a `/batch` of 100 creates, `/verifyPassword` or `/challenge`
 * instead of `/login`, the pages router's `resend_verification_email`… all reached the same
 * handlers uncounted. Here each request (and each `/batch` sub-request) is read the way
 * Parse's router reads it, with the very `Layer` class Parse routes with, after the same
 * method override (`_method` in a POST body), and counted per operation and address.
 */
import { timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { ipKeyGenerator, MemoryStore, type Store } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { createClient } from 'redis';
import { OPINION_FUNCTION } from '../src/domain/classes.ts';
import { OUR_ERROR_CODE, RATE_LIMIT_MESSAGE } from '../src/domain/errors.ts';
import { parseServerUrl, publicServerUrl, type StackConfig } from './config.ts';
import { parseRequire } from './parse-require.ts';

export type LimitedOperation = 'createOpinion' | 'signUp' | 'logIn' | 'passwordReset' | 'verificationEmail' | 'createSession';

/**
 * Refused outright to clients: Parse Server makes a session for a signed-in user's POST to
 * /sessions itself, before class-level permissions apply, with whatever other fields came with
 * it, so a user could add columns to `_Session`. Sessions are made by logging in.
 */
const REFUSED: ReadonlySet<LimitedOperation> = new Set(['createSession']);
export const SESSION_CREATE_MESSAGE = 'Sessions are made by logging in.';

/** One limited operation of a request; `account` is who a log-in is for, when it says. */
export interface Operation {
  operation: LimitedOperation;
  account?: string;
}

interface RouteLayer {
  match(path: string): boolean;
  params: Record<string, string>;
}

// Parse Server's own copy of `router` (pinned, see package.json): the same matching as its routes.
const Layer = parseRequire('router/lib/layer') as new (path: string, options: object, handler: () => void) => RouteLayer;

// Parse's own resolution of a /batch sub-request's path (lib/batch.js): the very function, so
// that what is counted is what Parse routes (`/parse/x/../login` is `/login`), whatever
// serverURL and publicServerURL are.
const { makeBatchRoutingPathFunction } = parseRequire('./batch.js') as {
  makeBatchRoutingPathFunction(originalUrl: string, serverURL?: string, publicServerURL?: string): (path: string) => string;
};

/** Where a request came in, and the server's URLs: what Parse resolves a /batch's sub-paths against. */
export interface BatchUrls {
  originalUrl: string;
  serverURL: string;
  publicServerURL: string;
}

/** A route as Parse's PromiseRouter declares it: case-insensitive, trailing slash optional. */
function routeLayer(path: string): RouteLayer {
  return new Layer(path, { sensitive: false, strict: false, end: true }, () => {});
}

type Body = Record<string, unknown>;
type Classify = (params: Record<string, string>, body: Body, query: Body) => Operation | null;

function accountOf(body: Body, query: Body): string | undefined {
  const value = body.username ?? query.username ?? body.email ?? query.email;
  if (value === undefined || value === null) return undefined;
  return (typeof value === 'string' ? value : JSON.stringify(value)).trim().toLowerCase();
}

const logIn: Classify = (_params, body, query) => ({ operation: 'logIn', account: accountOf(body, query) });
const always = (operation: LimitedOperation): Classify => () => ({ operation });
// Changing a user's email sends a verification mail to the new address.
const emailChange: Classify = (_params, body) => ('email' in body ? { operation: 'verificationEmail' } : null);

/**
 * Every route of Parse Server 9 that reaches a limited operation (node_modules/parse-server/
 * lib/Routers: ClassesRouter, FunctionsRouter, UsersRouter, PagesRouter). `*` is any method.
 */
const ROUTE_TABLE: ReadonlyArray<{ method: string; path: string; classify: Classify }> = [
  {
    method: 'POST',
    path: '/classes/:className',
    classify: ({ className }) => {
      const operation = ({ opinions: 'createOpinion', _User: 'signUp', _Session: 'createSession' } as const)[className ?? ''];
      return operation ? { operation } : null;
    },
  },
  // Opinions are created through their Cloud function (server/cloud/opinions.ts); the class refuses clients.
  {
    method: 'POST',
    path: '/functions/:functionName',
    classify: ({ functionName }) => (functionName === OPINION_FUNCTION.submit ? { operation: 'createOpinion' } : null),
  },
  { method: 'POST', path: '/users', classify: always('signUp') },
  { method: 'POST', path: '/sessions', classify: always('createSession') },
  { method: '*', path: '/login', classify: logIn },
  { method: '*', path: '/verifyPassword', classify: logIn },
  { method: 'POST', path: '/challenge', classify: logIn },
  { method: 'POST', path: '/loginAs', classify: logIn },
  { method: 'POST', path: '/requestPasswordReset', classify: always('passwordReset') },
  // Sets a new password with a reset token: guessing tokens counts as asking for resets.
  { method: 'POST', path: '/apps/:appId/request_password_reset', classify: always('passwordReset') },
  { method: 'POST', path: '/verificationEmailRequest', classify: always('verificationEmail') },
  { method: 'POST', path: '/apps/:appId/resend_verification_email', classify: always('verificationEmail') },
  { method: 'PUT', path: '/users/:objectId', classify: emailChange },
  {
    method: 'PUT',
    path: '/classes/:className/:objectId',
    classify: (params, body, query) => (params.className === '_User' ? emailChange(params, body, query) : null),
  },
];
const ROUTES = ROUTE_TABLE.map((route) => ({ ...route, layer: routeLayer(route.path) }));

const BATCH = routeLayer('/batch');

function asBody(value: unknown): Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Body) : {};
}

/** Parse's allowDoubleForwardSlash drops one leading slash; more slashes count as one here. */
function routable(path: string): string {
  return path.replace(/\/{2,}/g, '/');
}

function classifyOne(method: string, path: string, body: Body, query: Body): Operation | null {
  const upper = method.toUpperCase();
  for (const route of ROUTES) {
    if (route.method !== '*' && route.method !== upper) continue;
    if (!route.layer.match(path)) continue;
    return route.classify({ ...route.layer.params }, body, query);
  }
  return null;
}

/** Parse's allowMethodOverride: a POST carrying `_method` is that method. */
function effectiveMethod(method: string, body: Body): string {
  return (method === 'POST' && typeof body._method === 'string' ? body._method : method).toUpperCase();
}

interface SubRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  readonly query: Body;
}

/**
 * The sub-requests of a `/batch` (their paths below the mount, as Parse routes them), or null
 * when the request is not a batch of requests.
 */
function subRequestsOf(method: string, path: string, body: Body, urls: BatchUrls): SubRequest[] | null {
  if (effectiveMethod(method, body) !== 'POST' || !BATCH.match(routable(path)) || !Array.isArray(body.requests)) return null;
  const resolve = makeBatchRoutingPathFunction(urls.originalUrl, urls.serverURL, urls.publicServerURL);
  return body.requests.flatMap((entry): SubRequest[] => {
    const sub = asBody(entry);
    if (typeof sub.path !== 'string') return [];
    let subPath: string;
    try {
      subPath = resolve(sub.path);
    } catch {
      // Parse refuses the whole batch ("cannot route batch path"): nothing of it runs.
      return [];
    }
    const subMethod = typeof sub.method === 'string' ? sub.method.toUpperCase() : 'GET';
    return [{ method: subMethod, path: routable(subPath), body: sub.body, query: {} }];
  });
}

/** A request as Parse routes it: itself, after `_method`, or each sub-request of a `/batch`. */
export interface Routed {
  /** The request's own method, after `_method`. */
  readonly method: string;
  readonly requests: readonly SubRequest[];
}

/** Reads a request once, for both its refusals and its operations. `path` is below the mount (`/parse`). */
export function routedOf(method: string, path: string, rawBody: unknown, query: Body, urls: BatchUrls): Routed {
  const body = asBody(rawBody);
  const effective = effectiveMethod(method, body);
  const requests = subRequestsOf(method, path, body, urls) ?? [{ method: effective, path: routable(path), body: rawBody, query }];
  return { method: effective, requests };
}

/** The limited operations a request performs. */
export function operationsOf({ requests }: Routed): Operation[] {
  return requests.flatMap((request) => {
    const found = classifyOne(request.method, request.path, asBody(request.body), request.query);
    return found ? [found] : [];
  });
}

/**
 * Input that Parse Server itself mishandles (answering 500, or doing work for nobody), refused
 * before it gets there, for every route and every /batch sub-request:
 * - JSON nested deeper than any request of this app (3,000 levels made Parse fail);
 * - an Increment: no field of this app is a number, and one on a boolean was a 500;
 * - an ACL whose grants are not true or false (a 500);
 * - keys Parse keeps for itself (`_rperm`, `_hashed_password`, `sessionToken`…; `authData` is Parse's to refuse) or that start
 *   with `$`: Parse drops some silently and stores the rest of the object;
 * - class names that are properties of every JavaScript object (`__proto__`, `constructor`);
 * - Parse routes this app never uses: purchase validation (which would ask the App Store),
 *   analytics events, files (this app stores none).
 */
export interface Refusal {
  code: number;
  error: string;
}

const MAX_DEPTH = 32;

/**
 * The largest body a request may carry. This app's largest are a few tens of KB (a /batch of
 * 100 deletes, a triage call of 100 ids, an opinion of 2,000 characters); Parse's default of 20 MB let one request
 * hold a process for half a minute.
 */
export const BODY_LIMIT = '1mb';

/** A pointer (or an object) without its class: Parse's decoding of it failed with a 500. */
function classlessPointer(value: Body): boolean {
  return (value.__type === 'Pointer' || value.__type === 'Object') && (typeof value.className !== 'string' || value.className === '');
}
const CLASSLESS_POINTER: Refusal = { code: 106, error: 'A pointer names its class.' };

// What the SDK carries in a text/plain body instead of headers.
const TRANSPORT_KEYS = new Set(['_method', '_ApplicationId', '_JavaScriptKey', '_ClientKey', '_ClientVersion', '_InstallationId',
  '_SessionToken', '_MasterKey', '_RevocableSession', '_ContentType', '_context', '_noBody']);
const RESERVED_KEY = /^(_|\$)|^sessionToken$/;
const UNUSED_ROUTES = ['/validate_purchase', '/events/:eventName', '/files/:appId/metadata/:filename', '/files/:filename'].map(routeLayer);
const CLASS_ROUTES = ['/classes/:className', '/classes/:className/:objectId'].map(routeLayer);

function depthOf(value: unknown, limit: number, depth = 0): number {
  if (depth > limit || typeof value !== 'object' || value === null) return depth;
  let deepest = depth;
  for (const inner of Object.values(value as Body)) deepest = Math.max(deepest, depthOf(inner, limit, depth + 1));
  return deepest;
}

function someValue(value: unknown, test: (value: Body) => boolean, depth = 0): boolean {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return false;
  if (!Array.isArray(value) && test(value as Body)) return true;
  return Object.values(value as Body).some((inner) => someValue(inner, test, depth + 1));
}

function badAcl(acl: unknown): boolean {
  if (acl === undefined) return false;
  if (typeof acl !== 'object' || acl === null || Array.isArray(acl)) return true;
  return Object.values(acl as Body).some(
    (grant) => typeof grant !== 'object' || grant === null || Object.values(grant as Body).some((allowed) => typeof allowed !== 'boolean'),
  );
}

function refusalOfOne(method: string, path: string, rawBody: unknown): Refusal | null {
  const here = routable(path);
  if (UNUSED_ROUTES.some((layer) => layer.match(here))) return { code: 119, error: 'This app does not offer that.' };
  for (const layer of CLASS_ROUTES) {
    if (layer.match(here) && (layer.params.className ?? '') in Object.prototype) {
      return { code: 103, error: `${layer.params.className} is not a class name.` };
    }
  }
  if (method === 'GET' || typeof rawBody !== 'object' || rawBody === null) return null;
  const body = rawBody as Body;
  if (someValue(body, (value) => value.__op === 'Increment')) return { code: 111, error: 'Nothing in this app can be incremented.' };
  if (someValue(body, classlessPointer)) return CLASSLESS_POINTER;
  if (badAcl(body.ACL)) return { code: 123, error: 'An ACL grants true or false.' };
  const reserved = Object.keys(body).find((key) => RESERVED_KEY.test(key) && !TRANSPORT_KEYS.has(key));
  if (reserved) return { code: 105, error: `${reserved} is a field name clients cannot set.` };
  return null;
}

const WHOLE_NUMBER = /^\d{1,9}$/;

export function refusalOf(routed: Routed, rawBody: unknown, query: Body = {}): Refusal | null {
  if (depthOf(rawBody, MAX_DEPTH) > MAX_DEPTH) return { code: 107, error: 'The request is nested too deeply.' };
  // A Cloud function's params take the query string's values too (Parse reads it nested).
  if (someValue(query, classlessPointer)) return CLASSLESS_POINTER;
  const body = asBody(rawBody);
  // A limit or skip that is not a whole number reached PostgreSQL as it was, and came back a 500.
  for (const name of ['limit', 'skip']) {
    const value = routed.method === 'GET' ? (body[name] ?? query[name]) : undefined;
    if (value !== undefined && !WHOLE_NUMBER.test(String(value))) return { code: 102, error: `${name} must be a whole number.` };
  }
  for (const request of routed.requests) {
    const found = refusalOfOne(request.method, request.path, request.body);
    if (found) return found;
  }
  return null;
}

export interface LimitRule {
  /** What is counted, and under which key. */
  key(operation: Operation, address: string): string | null;
  requestCount: number;
  windowMs: number;
}

export function limitRules(config: StackConfig): LimitRule[] {
  const perAddress = (wanted: LimitedOperation, requestCount: number): LimitRule => ({
    key: ({ operation }, address) => (operation === wanted ? `${wanted}:${address}` : null),
    requestCount,
    windowMs: 60_000,
  });
  return [
    perAddress('createOpinion', config.opinionCreateLimit),
    perAddress('signUp', config.authRequestLimit),
    perAddress('logIn', config.authRequestLimit),
    perAddress('passwordReset', config.authRequestLimit),
    perAddress('verificationEmail', config.authRequestLimit),
    {
      // Guessing one account's password from one address: throttled for that address only,
      // so that a stranger cannot lock the owner out (Parse's accountLockout is the cap
      // across all addresses, at NIST SP 800-63B's 100).
      key: ({ operation, account }, address) => (operation === 'logIn' && account ? `account:${account}:${address}` : null),
      requestCount: config.accountLogInLimit,
      windowMs: 15 * 60_000,
    },
  ];
}

/** 127.0.0.0/8 and ::1, in IPv4, IPv6 and IPv4-mapped spellings. */
export function isLoopback(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4) || address === '::1' || address === '0:0:0:0:0:0:0:1';
}

/** The address a client is counted under: IPv4-mapped as IPv4, IPv6 by its /56 (one household or server). */
export function addressKey(address: string): string {
  const v4 = address.startsWith('::ffff:') && address.includes('.') ? address.slice('::ffff:'.length) : address;
  return ipKeyGenerator(v4, 56);
}

function sameSecret(given: unknown, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface RequestLimits {
  /** Mount in front of Parse Server, on the same path. */
  handlers: RequestHandler[];
  /** Answers a body that cannot be read (malformed, too large) as a Parse error, with Parse's CORS headers. */
  errorHandler: (error: unknown, req: Request, res: Response, next: NextFunction) => void;
  stop(): Promise<void>;
}

/**
 * Counts kept in Redis, so that several instances behind one balancer count together
 * (decision 0033): the same store Parse Server's own `rateLimit.redisUrl` uses.
 */
function sharedCounts(url: string) {
  const client = createClient({ url });
  client.on('error', (error: unknown) => console.error(`Rate limits: Redis: ${error instanceof Error ? error.message : String(error)}`));
  const connected = client.connect();
  // The store loads its scripts at once; commands wait for the connection.
  const sendCommand = async (...args: string[]) => {
    await connected;
    // The store's scripts answer numbers and strings only, never a map or null.
    return client.sendCommand<RedisReply>(args);
  };
  return {
    store: (prefix: string) => new RedisStore({ sendCommand, prefix }),
    async close() {
      await connected.catch(() => undefined);
      if (client.isOpen) await client.close();
    },
  };
}

/**
 * `allowCrossDomain` is Parse's CORS middleware: a refusal must be readable by the app in
 * the browser, which tells "rate limited" from "offline" by it.
 */
export function requestLimits(config: StackConfig, allowCrossDomain: RequestHandler): RequestLimits {
  const shared = config.redisURL === undefined ? null : sharedCounts(config.redisURL);
  const rules = limitRules(config).map((rule, index) => {
    const store: Store = shared ? shared.store(`${config.appId}:limit:${index}:`) : new MemoryStore();
    store.init?.({ windowMs: rule.windowMs } as Parameters<MemoryStore['init']>[0]);
    return { rule, store };
  });
  let warnedAboutProxy = false;
  const serverURL = parseServerUrl(config);
  const publicServerURL = publicServerUrl(config);

  const refuse = (req: Request, res: Response) =>
    allowCrossDomain(req, res, () => {
      res.status(429).json({ code: OUR_ERROR_CODE.rateLimited, error: RATE_LIMIT_MESSAGE });
    });

  const count: RequestHandler = async (req, res, next) => {
    try {
      // The app sends JSON (the SDK's as text/plain). Parse reads multipart bodies for Cloud
      // functions, past every check here.
      if (req.is('multipart/form-data')) {
        return allowCrossDomain(req, res, () => {
          res.status(400).json({ code: 107, error: 'This app takes JSON bodies only.' });
        });
      }
      const urls: BatchUrls = { originalUrl: req.originalUrl, serverURL, publicServerURL };
      const routed = routedOf(req.method, req.path, req.body, asBody(req.query), urls);
      const master = sameSecret(req.get('X-Parse-Master-Key') ?? asBody(req.body)._MasterKey, config.masterKey);
      const refused = master ? null : refusalOf(routed, req.body, asBody(req.query));
      if (refused) {
        return allowCrossDomain(req, res, () => {
          res.status(400).json(refused);
        });
      }
      const operations = operationsOf(routed);
      if (operations.length === 0 || master) return next();
      if (operations.some(({ operation }) => REFUSED.has(operation))) {
        return allowCrossDomain(req, res, () => {
          res.status(400).json({ code: 119, error: SESSION_CREATE_MESSAGE });
        });
      }
      const address = req.ip ?? req.socket.remoteAddress ?? '';
      const forwarded = req.get('X-Forwarded-For') !== undefined;
      if (isLoopback(address) && !config.rateLimitLocalhost) {
        // Behind a proxy on this machine without trustProxy, every visitor would be "localhost".
        if (!forwarded) return next();
        if (!warnedAboutProxy && config.trustProxy === undefined) {
          warnedAboutProxy = true;
          console.warn('Requests arrive through a proxy but TRUST_PROXY is unset: every visitor is counted as the proxy.');
        }
      }
      const key = addressKey(address);
      let over = false;
      for (const operation of operations) {
        for (const { rule, store } of rules) {
          const ruleKey = rule.key(operation, key);
          if (ruleKey === null) continue;
          const { totalHits } = await store.increment(ruleKey);
          if (totalHits > rule.requestCount) over = true;
        }
      }
      if (over) return refuse(req, res);
      next();
    } catch (error) {
      next(error);
    }
  };

  // Parse's own body parsers, in its order; Parse then finds the body read and keeps it.
  // File uploads are left to Parse's FilesRouter, which reads them raw.
  const notFiles = (parser: RequestHandler): RequestHandler => (req, res, next) =>
    /^\/+files(\/|$)/i.test(req.path) ? next() : parser(req, res, next);
  return {
    handlers: [
      notFiles(express.urlencoded({ extended: false })),
      notFiles(express.json({ type: (req) => !(req as Request).is('multipart/form-data'), limit: BODY_LIMIT })),
      count,
    ],
    errorHandler: (error, req, res, next) => {
      const { status, type } = error as { status?: unknown; type?: unknown };
      if (res.headersSent || typeof status !== 'number') return next(error);
      // Answered as a Parse error, with a code the SDK and our client read.
      const [code, message] =
        type === 'entity.too.large' ? [116, 'The request is too large.'] : [107, 'The request body is not valid JSON.'];
      allowCrossDomain(req, res, () => {
        res.status(status).json({ code, error: message });
      });
    },
    async stop() {
      for (const { store } of rules) await store.shutdown?.();
      await shared?.close();
    },
  };
}
