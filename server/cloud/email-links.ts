/**
 * The links in staff emails: to the app's dashboard (the app's address with its base path, the
 * reader's language prefix) and to the one-click unsubscribe page, whose token is signed with an
 * HMAC so that nobody can unsubscribe another user, or from another kind of email.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { paths } from '../../src/app/paths.ts';
import type { EmailKind } from '../../src/domain/email-preferences.ts';
import type { Language } from '../../src/domain/languages.ts';
import { withLanguage } from '../../src/i18n/language.ts';
import { serverParse } from './parse-global.ts';

const Parse = serverParse();

interface LinkSettings {
  /** The app's address with its base path (APP_URL). */
  appUrl: string;
  /** The server's unsubscribe page (server/parse-app.ts). */
  unsubscribeUrl: string;
}

// Back4App's Cloud Code reads them from its environment variables (docs/deploy.md); the local
// server sets them from its own configuration before it loads Cloud Code.
const settings: LinkSettings = {
  appUrl: process.env.APP_URL ?? 'http://localhost:5173',
  unsubscribeUrl: process.env.UNSUBSCRIBE_URL ?? 'http://localhost:1337/unsubscribe',
};

export function configureEmailLinks(values: LinkSettings): void {
  Object.assign(settings, values);
}

/** A page of the app in `language`, as an absolute address. */
export function appLink(language: Language, path: string): string {
  return settings.appUrl.replace(/\/+$/, '') + withLanguage(language, path);
}

/** The dashboard's list of the opinions between two days (venue time), both included. */
export function dashboardLink(language: Language, from: string, to: string): string {
  return appLink(language, paths.dashboard(new URLSearchParams({ from, to }).toString()));
}

// The master key never leaves the server: a key derived from it signs the tokens, on the local
// server and on Back4App alike, with nothing more to configure.
function signature(payload: string): Buffer {
  const key = createHmac('sha256', Parse.masterKey ?? '').update('unsubscribe-links').digest();
  return createHmac('sha256', key).update(payload).digest();
}

export function unsubscribeToken(userId: string, kind: EmailKind): string {
  const payload = `${userId}.${kind}`;
  return `${payload}.${signature(payload).toString('base64url')}`;
}

export function unsubscribeLink(userId: string, kind: EmailKind): string {
  const url = new URL(settings.unsubscribeUrl);
  url.searchParams.set('token', unsubscribeToken(userId, kind));
  return url.href;
}

const KINDS: readonly EmailKind[] = ['alerts', 'digest'];
const isKind = (value: string | undefined): value is EmailKind => KINDS.some((kind) => kind === value);

/** The user and kind a token names, when its signature is ours. */
export function readUnsubscribeToken(token: unknown): { userId: string; kind: EmailKind } | null {
  if (typeof token !== 'string') return null;
  const [userId, kind, mac, ...rest] = token.split('.');
  if (!userId || !isKind(kind) || !mac || rest.length > 0) return null;
  const expected = signature(`${userId}.${kind}`);
  const given = Buffer.from(mac, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? { userId, kind } : null;
}
