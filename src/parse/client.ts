/**
 * The one place that loads and initialises the Parse SDK. It is loaded on demand (it is the
 * biggest library of the app and the visitor's form does not need it to be typed into).
 */
import type ParseType from 'parse';
import { appConfig } from '../config/env';
import { appError } from '../domain/errors';

export type ParseSdk = typeof ParseType;

let loading: Promise<ParseSdk> | undefined;

export function getParse(): Promise<ParseSdk> {
  loading ??= import('parse').then(({ default: Parse }) => {
    if (!appConfig.ok) throw appError('configuration');
    Parse.initialize(appConfig.config.parseAppId, appConfig.config.parseJsKey);
    Parse.serverURL = appConfig.config.parseServerURL;
    // LiveQuery shares the server's host and port: http(s) becomes ws(s).
    Parse.liveQueryServerURL = appConfig.config.parseServerURL.replace(/^http/, 'ws');
    // One retry policy for the whole app: React Query and the opinion outbox retry,
    // with backoff and a visible state, so the SDK must not retry silently underneath.
    Parse.CoreManager.set('REQUEST_ATTEMPT_LIMIT', 1);
    return Parse;
  });
  return loading;
}

/** Starts loading the SDK without waiting for it, e.g. when the browser is idle. */
export function preloadParse(): void {
  void getParse().catch(() => undefined);
}

/** How long the dashboard waits for one read before it shows an error with a retry. */
export const READ_TIMEOUT_MS = 15_000;
