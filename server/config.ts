import path from 'node:path';

/**
 * The local stack's settings: fixed defaults from PRODUCT.md, each overridable by an
 * environment variable. Only the server reads these; the app gets its public values
 * from VITE_ variables.
 */
export interface StackConfig {
  dataDir: string;
  postgresPort: number;
  parsePort: number;
  appId: string;
  javascriptKey: string;
  masterKey: string;
  smtpPort: number;
  mailWebPort: number;
  appUrl: string;
  appName: string;
  /** Applies Parse Server's rate limits to requests from localhost too (tests). */
  rateLimitLocalhost: boolean;
  /** Requests allowed per IP per minute when creating opinions. */
  opinionCreateLimit: number;
  /** Requests allowed per IP per minute to each of log in, sign up, password reset and verification email. */
  authRequestLimit: number;
  /** Log-in attempts allowed for one account from one IP per 15 minutes. */
  accountLogInLimit: number;
  /**
   * Express's `trust proxy` for the reverse proxy in front (e.g. `loopback`, `1`, an address
   * list): each visitor is then counted by its own address from X-Forwarded-For. Unset, the
   * connection's address counts and X-Forwarded-For is ignored.
   */
  trustProxy?: string | number;
  /**
   * Redis, when several instances share their state (npm run cluster): the rate limits,
   * Parse's cache and LiveQuery's pub/sub. Unset, each keeps its own in memory.
   */
  redisURL?: string;
  /** Where clients reach Parse when it is not this process's port (behind the cluster's balancer). */
  publicServerURL?: string;
}

// A development default only: production sets PARSE_MASTER_KEY on its own server.
const DEV_MASTER_KEY = 'dev-Master-Key-visitor-opinions-2c7e41b9-8d05';

function limit(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a whole number above 0, got "${raw}".`);
  return value;
}

function trustProxy(): string | number | undefined {
  const raw = process.env.TRUST_PROXY?.trim();
  if (raw === undefined || raw === '') return undefined;
  // `true` would trust whatever address a client writes into X-Forwarded-For.
  if (raw === 'true') throw new Error('TRUST_PROXY=true would trust forged X-Forwarded-For headers: name the proxies (loopback, an address) or the number of hops.');
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0 || value > 65535) {
    throw new Error(`${name} must be a port number between 1 and 65535, got "${raw}".`);
  }
  return value;
}

export function readStackConfig(overrides: Partial<StackConfig> = {}): StackConfig {
  return {
    dataDir: path.resolve(process.env.DATA_DIR ?? '.data'),
    postgresPort: port('POSTGRES_PORT', 5433),
    parsePort: port('PARSE_PORT', 1337),
    appId: process.env.PARSE_APP_ID ?? 'visitor-opinions',
    javascriptKey: process.env.PARSE_JS_KEY ?? 'visitor-opinions-js',
    masterKey: process.env.PARSE_MASTER_KEY ?? DEV_MASTER_KEY,
    smtpPort: port('SMTP_PORT', 1025),
    mailWebPort: port('MAIL_WEB_PORT', 1080),
    appUrl: process.env.APP_URL ?? 'http://localhost:5173',
    appName: process.env.APP_NAME ?? 'Visitor Opinions',
    rateLimitLocalhost: process.env.RATE_LIMIT_LOCALHOST === '1',
    opinionCreateLimit: limit('OPINION_CREATE_LIMIT', 30),
    authRequestLimit: limit('AUTH_REQUEST_LIMIT', 20),
    accountLogInLimit: limit('ACCOUNT_LOGIN_LIMIT', 10),
    trustProxy: trustProxy(),
    redisURL: process.env.REDIS_URL || undefined,
    publicServerURL: process.env.PUBLIC_SERVER_URL || undefined,
    ...overrides,
  };
}

export function parseServerUrl(config: StackConfig): string {
  return `http://localhost:${config.parsePort}/parse`;
}

/** The address in links that leave the server (emails): the balancer's, in a cluster. */
export function publicServerUrl(config: StackConfig): string {
  return config.publicServerURL ?? parseServerUrl(config);
}

/** The environment under which readStackConfig reads `config` back: how a parent hands it to a child process. */
export function stackConfigEnv(config: StackConfig): Record<string, string> {
  const optional = (value: string | number | undefined) => (value === undefined ? '' : String(value));
  return {
    DATA_DIR: config.dataDir,
    POSTGRES_PORT: String(config.postgresPort),
    PARSE_PORT: String(config.parsePort),
    PARSE_APP_ID: config.appId,
    PARSE_JS_KEY: config.javascriptKey,
    PARSE_MASTER_KEY: config.masterKey,
    SMTP_PORT: String(config.smtpPort),
    MAIL_WEB_PORT: String(config.mailWebPort),
    APP_URL: config.appUrl,
    APP_NAME: config.appName,
    RATE_LIMIT_LOCALHOST: config.rateLimitLocalhost ? '1' : '0',
    OPINION_CREATE_LIMIT: String(config.opinionCreateLimit),
    AUTH_REQUEST_LIMIT: String(config.authRequestLimit),
    ACCOUNT_LOGIN_LIMIT: String(config.accountLogInLimit),
    TRUST_PROXY: optional(config.trustProxy),
    REDIS_URL: optional(config.redisURL),
    PUBLIC_SERVER_URL: optional(config.publicServerURL),
  };
}
