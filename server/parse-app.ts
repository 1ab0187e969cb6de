import { randomUUID } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { ParseServer } from 'parse-server';
import { RedisCacheAdapter } from 'parse-server/lib/Adapters/Cache/RedisCacheAdapter.js';
import { PostgresStorageAdapter } from 'parse-server/lib/Adapters/Storage/Postgres/PostgresStorageAdapter.js';
import { allowCrossDomain } from 'parse-server/lib/middlewares.js';
import { paths } from '../src/app/paths.ts';
import { CLASS } from '../src/domain/classes.ts';
import { countBoundOf } from '../src/domain/dashboard.ts';
import { DEFAULT_LANGUAGE } from '../src/domain/languages.ts';
import { VENUE_LIMITS } from '../src/domain/venue.ts';
import { PASSWORD_PATTERN, PASSWORD_RULE_MESSAGE } from '../src/domain/password.ts';
import { parseServerUrl, publicServerUrl, type StackConfig } from './config.ts';
import { dashboardSqlPool } from './dashboard-sql.ts';
import { RESET_LINK_HOURS, VERIFY_LINK_HOURS } from './account-mail.ts';
import { settleBackground } from './cloud/background.ts';
import { LogAdapterWithoutInput } from './log-adapter.ts';
import { SmallFramesAdapter } from './live-query-sockets.ts';
import { smtpMailAdapter } from './mail.ts';
import { BODY_LIMIT, requestLimits } from './request-limits.ts';
import { classDefinitions } from './schema.ts';

/** Seven days, extended on use: a device left alone for a week asks for the password again. */
export const SESSION_LENGTH_SECONDS = 7 * 24 * 60 * 60;

/** Failed log-ins, from all addresses, after which an account is locked for 15 minutes. */
export const ACCOUNT_LOCKOUT_THRESHOLD = 100;

export interface RunningParse {
  serverURL: string;
  stop(): Promise<void>;
}

/**
 * Parse's PostgreSQL function for `$all` on an array field (`containsAll`, the dashboard's tag
 * filter) counts the array's elements row by row: no index can answer it, and at a million
 * opinions a tag's first page took a minute. Parse defines it at every start; defined again
 * right after, as the JSON containment it means, it is inlined by the planner into
 * `"tags" @> '["late"]'`, which the GIN index on tags answers (server/migrations.ts). No values
 * still match nothing, as Parse's does; an array holding one value twice no longer matches two.
 */
const CONTAINS_ALL_AS_CONTAINMENT = `CREATE OR REPLACE FUNCTION array_contains_all("array" jsonb, "values" jsonb)
  RETURNS boolean LANGUAGE sql IMMUTABLE
  AS $$ SELECT jsonb_array_length("values") > 0 AND "array" @> "values" $$`;

/**
 * Parse's SQL for an exact count. tests/unit/server/bounded-count.test.ts has Parse's adapter
 * build it, so that a change in Parse fails there.
 */
const PARSE_COUNT = /^SELECT count\(\*\) FROM \$1:name ?/;

/** Parse's count SQL as a count that stops at `bound` + 1 rows. */
export function boundedCountSql(sql: string, bound: number): string {
  if (!PARSE_COUNT.test(sql)) throw new Error(`Parse Server's count is no longer "SELECT count(*) FROM $1:name": ${sql.slice(0, 80)}`);
  return `SELECT count(*) FROM (SELECT 1 FROM $1:name ${sql.replace(PARSE_COUNT, '')} LIMIT ${bound + 1}) AS bounded`;
}

/**
 * Parse's PostgreSQL adapter with two changes for the dashboard at scale (decision 0032).
 *
 * Counts: Parse's adapter answers a count without constraints from the planner's estimate
 * (pg_class.reltuples), which is 0 or stale until ANALYZE runs. Staff read totals as facts, so
 * every count here is exact, or an honest bound when the request asks for one: a count whose
 * `comment` is `countUpTo(n)` (src/domain/dashboard.ts) stops at n + 1 rows, which the dashboard
 * reads as "more than n". At a million opinions an exact count(*) of a common filter walks most
 * of the table; finding n + 1 of them does not.
 *
 * `$all`: answered by an index (CONTAINS_ALL_AS_CONTAINMENT).
 */
export class AppPostgresAdapter extends PostgresStorageAdapter {
  override async count(className: string, schema: unknown, query: unknown, readPreference: unknown, _estimate?: boolean, hint?: unknown, comment?: unknown) {
    const bound = countBoundOf(comment);
    if (bound === null) return super.count(className, schema, query, readPreference, false, hint, comment);
    // Parse's own count (its WHERE clause, its errors), run as a subquery that stops at bound + 1
    // rows: one number comes back, where 10,001 rows turned into objects cost more than the query.
    const client = this._client;
    const bounded = Object.create(this, {
      _client: { value: { one: (sql: string, values: unknown, map: unknown) => client.one(boundedCountSql(sql, bound), values, map) } },
    }) as this;
    return super.count.call(bounded, className, schema, query, readPreference, false, hint, comment);
  }

  override async performInitialization(options: unknown) {
    await super.performInitialization(options);
    await this._client.none(CONTAINS_ALL_AS_CONTAINMENT);
  }
}
const refuseFiles = () => Promise.reject(new Error('This app stores no files.'));
const noFilesAdapter = {
  createFile: refuseFiles,
  deleteFile: refuseFiles,
  getFileData: refuseFiles,
  getFileLocation: () => '',
  validateFilename: () => null,
};

/**
 * The links in verification and reset emails go to Parse Server, which checks the token and
 * then redirects here, into the app, instead of showing its own pages. To the password reset
 * page it adds `token`, `appId`, `appName` and `publicServerUrl` as query parameters.
 */
export function accountPageUrls(appUrl: string) {
  const app = appUrl.replace(/\/+$/, '');
  return {
    passwordReset: `${app}/reset-password`,
    passwordResetLinkInvalid: `${app}/reset-password?status=invalid`,
    passwordResetSuccess: `${app}/reset-password?status=done`,
    emailVerificationSuccess: `${app}/verify-email?status=verified`,
    emailVerificationLinkInvalid: `${app}/verify-email?status=invalid`,
    emailVerificationLinkExpired: `${app}/verify-email?status=expired`,
    emailVerificationSendSuccess: `${app}/verify-email?status=sent`,
    emailVerificationSendFail: `${app}/verify-email?status=invalid`,
  };
}

export interface ParseStartOptions {
  /**
   * Apply server/schema.ts at start (Parse Server's `schema` option); default true. Off, the
   * server starts as a hosted one does before `deploy:schema` (its tests use this).
   */
  applySchema?: boolean;
  /**
   * Parse Server's own `rateLimit`, as Back4App runs it (README); unset here, where
   * server/request-limits.ts counts instead. Its tests set it to meet Parse's own refusal.
   */
  rateLimit?: ParseRateLimit[];
}

/** One entry of Parse Server's `rateLimit` option (the fields this app's configuration uses). */
export interface ParseRateLimit {
  requestPath: string;
  requestTimeWindow: number;
  requestCount: number;
  requestMethods?: string[];
  errorResponseMessage?: string;
  /** Parse skips requests from 127.0.0.1 unless this is set. */
  includeInternalRequests?: boolean;
}

/** Parse Server's options for this app: the same in development, tests and the docs. */
export function parseServerOptions(
  config: StackConfig,
  databaseAdapter: AppPostgresAdapter,
  { applySchema = true, rateLimit }: ParseStartOptions = {},
) {
  const serverURL = parseServerUrl(config);
  return {
    databaseAdapter,
    // Parse Server requires one; nothing here uses it, so it is new at every start.
    maintenanceKey: randomUUID(),
    // Nobody uploads files in this app; an explicit database adapter needs an explicit one.
    filesAdapter: noFilesAdapter,
    fileUpload: {
      enableForPublic: false,
      enableForAnonymousUser: false,
      enableForAuthenticatedUser: false,
      allowedFileUrlDomains: [],
    },
    appId: config.appId,
    javascriptKey: config.javascriptKey,
    masterKey: config.masterKey,
    serverURL,
    publicServerURL: publicServerUrl(config),
    // Several instances: a session or role changed through one is seen by all (decision 0033).
    cacheAdapter: config.redisURL ? new RedisCacheAdapter({ url: config.redisURL }) : undefined,
    appName: config.appName,
    cloud: async () => {
      const { configureEmailLinks } = await import('./cloud/email-links.ts');
      configureEmailLinks({ appUrl: config.appUrl, unsubscribeUrl: unsubscribeUrl(config) });
      await import('./cloud/main.ts');
    },
    // The staff dashboard hears of new opinions over a WebSocket on the same port (see dashboardSignalClass).
    // With Redis, a save through one instance reaches the sockets held by every other.
    liveQuery: { classNames: [CLASS.dashboardSignals], redisURL: config.redisURL },
    schema: applySchema ? {
      definitions: classDefinitions,
      // Extra fields or indexes made on a server by hand are left alone, never dropped.
      deleteExtraFields: false,
      recreateModifiedFields: false,
      lockSchemas: false,
      strict: false,
    } : undefined,
    rateLimit,
    allowClientClassCreation: false,
    enforcePrivateUsers: true,
    // Parse Server's own security check, answered at /security with the master key.
    security: { enableCheck: true, enableCheckLog: false },
    mountGraphQL: false,
    pages: {
      // Today's deprecation warnings, answered with the safer future defaults.
      encodePageParamHeaders: true,
      customUrls: accountPageUrls(config.appUrl),
    },
    readOnlyMasterKeyIps: ['127.0.0.1', '::1'],
    allowAggregationForReadOnlyMasterKey: false,
    requestComplexity: {
      includeDepth: 10,
      includeCount: 100,
      subqueryDepth: 10,
      queryDepth: 10,
      graphQLDepth: 20,
      graphQLFields: 200,
      batchRequestLimit: 100,
    },
    // A user reads their own email; everybody else has it hidden by protectedFields.
    protectedFieldsOwnerExempt: true,
    protectedFieldsTriggerExempt: true,
    protectedFieldsSaveResponseExempt: false,
    installation: { duplicateDeviceTokenActionEnforceAuth: true },
    verifyUserEmails: true,
    preventLoginWithUnverifiedEmail: false,
    emailVerifyTokenValidityDuration: VERIFY_LINK_HOURS * 60 * 60,
    emailAdapter: smtpMailAdapter({
      host: '127.0.0.1',
      port: config.smtpPort,
      from: `${config.appName} <no-reply@localhost>`,
    }),
    passwordPolicy: {
      validatorPattern: PASSWORD_PATTERN,
      validationError: PASSWORD_RULE_MESSAGE,
      doNotAllowUsername: true,
      resetTokenValidityDuration: RESET_LINK_HOURS * 60 * 60,
    },
    revokeSessionOnPasswordReset: true,
    // NIST SP 800-63B: at most 100 failed attempts per account. Guessing from one address is
    // throttled long before, per address and per account (server/request-limits.ts), so
    // a stranger cannot lock the owner out with five wrong passwords.
    accountLockout: { duration: 15, threshold: ACCOUNT_LOCKOUT_THRESHOLD, unlockOnPasswordReset: true },
    // Every account has an email and our username rule: no `authData.anonymous` sign-ups.
    enableAnonymousUsers: false,
    // A staff member who uses the dashboard stays signed in; a week without it signs them out.
    sessionLength: SESSION_LENGTH_SECONDS,
    expireInactiveSessions: true,
    extendSessionOnUse: true,
    logLevel: process.env.PARSE_LOG_LEVEL ?? 'warn',
    // Parse writes each trigger's and function's input and result at `info`, below `warn`, yet
    // serialises them on every call first: off unless PARSE_LOG_LEVEL asks for more (bench:load).
    logLevels: process.env.PARSE_LOG_LEVEL === undefined ? { triggerAfter: 'silent', triggerBeforeSuccess: 'silent', cloudFunctionSuccess: 'silent' } : {},
    // Its lines keep what failed and why, never what was sent (a visitor's words, a function's params).
    loggerAdapter: LogAdapterWithoutInput,
    logsFolder: path.join(config.dataDir, 'logs'),
    // No log outlives the shortest time a venue may keep its opinions.
    maxLogFiles: `${VENUE_LIMITS.retentionDays.min}d`,
    maxUploadSize: BODY_LIMIT,
    silent: process.env.PARSE_LOG_LEVEL === undefined,
  };
}

/** Where a mail client's one-click unsubscribe (RFC 8058) posts, beside Parse Server's own routes. */
const UNSUBSCRIBE_PATH = '/unsubscribe';

function unsubscribeUrl(config: StackConfig): string {
  return new URL(UNSUBSCRIBE_PATH, publicServerUrl(config)).href;
}

/**
 * A mail client's one-click unsubscribe (POST) switches the email off here; a client that opens
 * the header's link instead (GET) is sent to the app's page, which does the same in the
 * reader's language (src/pages/unsubscribe-page.tsx), as the link in the mail's text does.
 */
async function answerUnsubscribe(req: Request, res: Response) {
  // Loaded by Parse Server with Cloud Code: the same module, with its links configured.
  const [{ unsubscribe }, { appLink }] = await Promise.all([import('./cloud/unsubscribe.ts'), import('./cloud/email-links.ts')]);
  if (req.method === 'GET') {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    // The path without a language: the app chooses it as on any visit (the device's choice, the browser's).
    res.redirect(303, await appLink(DEFAULT_LANGUAGE, `${paths.unsubscribe()}?${new URLSearchParams({ token }).toString()}`));
    return;
  }
  const done = await unsubscribe(req.query.token);
  res.status(done ? 200 : 403).type('text').send(done ? 'Unsubscribed.' : 'This unsubscribe link is not valid.');
}

export async function startParse(config: StackConfig, databaseURI: string, startOptions: ParseStartOptions = {}): Promise<RunningParse> {
  // Parse Server's types say `cloud` is a path; it also takes a function, which lets the
  // TypeScript Cloud Code load through whatever runs this file (tsx, Vitest).
  const databaseAdapter = new AppPostgresAdapter({ uri: databaseURI });
  const options = parseServerOptions(config, databaseAdapter, startOptions) as unknown as Parameters<typeof ParseServer>[0];
  // The package's factory, not its default export: the default is lost under Node's CommonJS interop.
  const server = ParseServer(options);
  const dashboardSql = dashboardSqlPool(databaseURI);
  await server.start();
  const app = express();
  // Sub-apps inherit it: Parse reads the same client address as the limits.
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  // The query string read as Parse's own app reads it (nested), for the checks in front of it.
  app.set('query parser', 'extended');
  const limits = requestLimits(config, allowCrossDomain(config.appId));
  app.use('/parse', ...limits.handlers, server.app, limits.errorHandler);
  app.get(UNSUBSCRIBE_PATH, (req, res, next) => void answerUnsubscribe(req, res).catch(next));
  app.post(UNSUBSCRIBE_PATH, (req, res, next) => void answerUnsubscribe(req, res).catch(next));
  // A path no route of Parse's takes: a Parse error too, not Express's HTML page.
  app.use('/parse', (req: Request, res: Response) => {
    res.status(404).json({ code: 107, error: `cannot route ${req.method} ${req.path}` });
  });
  // Parse Server answers an HTTP error (403 on the master-key routes) and then passes it on:
  // Express's final handler, finding the answer already sent, would destroy the connection,
  // and a client reusing it (keep-alive) would see its next request fail. Answered is done.
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!res.headersSent) next(error);
  });
  const httpServer = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.parsePort, resolve);
  });
  // Parse pings each LiveQuery socket on this interval and only stops two ticks after it
  // closed: a short one lets a stopped server's process exit within seconds.
  const liveQuery = await ParseServer.createLiveQueryServer(
    httpServer,
    { websocketTimeout: 5_000, redisURL: config.redisURL, wssAdapter: SmallFramesAdapter },
    options,
  );
  return {
    serverURL: parseServerUrl(config),
    async stop() {
      await liveQuery.shutdown();
      await limits.stop();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      // What the last saves started (the alert check, the live signal) ends before the database.
      await settleBackground();
      await dashboardSql.end();
      // ParseServer.handleShutdown() assumes Parse started the HTTP server itself; we did, so
      // we close the one resource it holds beyond it: the database pool.
      await databaseAdapter.handleShutdown();
    },
  };
}
