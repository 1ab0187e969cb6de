/**
 * The links in staff emails: to the app's dashboard (the app's address with its base path, the
 * reader's language prefix) and to the one-click unsubscribe page, whose token is signed with an
 * HMAC so that nobody can unsubscribe another user, or from another kind of email.
 */
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

// The local server sets them from its own configuration before it loads Cloud Code; on Back4App
// they are the Parse Config's `appUrl` and `unsubscribeUrl` (docs/deploy.md).
let configured: LinkSettings | null = null;

export function configureEmailLinks(values: LinkSettings): void {
  configured = values;
}

async function linkSettings(): Promise<LinkSettings> {
  if (configured) return configured;
  const config = await Parse.Config.get({ useMasterKey: true });
  const appUrl: unknown = config.get('appUrl');
  const unsubscribeUrl: unknown = config.get('unsubscribeUrl');
  if (typeof appUrl !== 'string' || typeof unsubscribeUrl !== 'string') {
    throw new Error('Set appUrl and unsubscribeUrl in the Parse Config: the staff emails link to them (docs/deploy.md).');
  }
  return { appUrl, unsubscribeUrl };
}

/** A page of the app in `language`, as an absolute address. */
export async function appLink(language: Language, path: string): Promise<string> {
  return (await linkSettings()).appUrl.replace(/\/+$/, '') + withLanguage(language, path);
}

/** The dashboard's list of the opinions between two range bounds (venue time; src/domain/dashboard.ts isRangeBound). */
export function dashboardLink(language: Language, from: string, to: string): Promise<string> {
  return appLink(language, paths.dashboard(new URLSearchParams({ from, to }).toString()));
}

const encoder = new TextEncoder();

async function hmac(key: Uint8Array<ArrayBuffer>, data: string): Promise<Uint8Array<ArrayBuffer>> {
  const cryptoKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(data)));
}

// The master key never leaves the server: a key derived from it signs the tokens, on the local
// server and on Back4App alike, with nothing more to configure. Web Crypto, not node:crypto: the
// Back4App bundle requires no module (server/back4app/build-cloud.ts).
async function signature(payload: string): Promise<Uint8Array<ArrayBuffer>> {
  const key = await hmac(encoder.encode(Parse.masterKey ?? ''), 'unsubscribe-links');
  return hmac(key, payload);
}

export async function unsubscribeToken(userId: string, kind: EmailKind): Promise<string> {
  const payload = `${userId}.${kind}`;
  return `${payload}.${Buffer.from(await signature(payload)).toString('base64url')}`;
}

export async function unsubscribeLink(userId: string, kind: EmailKind): Promise<string> {
  const url = new URL((await linkSettings()).unsubscribeUrl);
  url.searchParams.set('token', await unsubscribeToken(userId, kind));
  return url.href;
}

/** Equal bytes, compared in a time that does not tell where they differ. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= (a[index] ?? 0) ^ (b[index] ?? 0);
  return difference === 0;
}

const KINDS: readonly EmailKind[] = ['alerts', 'digest'];
const isKind = (value: string | undefined): value is EmailKind => KINDS.some((kind) => kind === value);

/** The user and kind a token names, when its signature is ours. */
export async function readUnsubscribeToken(token: unknown): Promise<{ userId: string; kind: EmailKind } | null> {
  if (typeof token !== 'string') return null;
  const [userId, kind, mac, ...rest] = token.split('.');
  if (!userId || !isKind(kind) || !mac || rest.length > 0) return null;
  const expected = await signature(`${userId}.${kind}`);
  return sameBytes(new Uint8Array(Buffer.from(mac, 'base64url')), expected) ? { userId, kind } : null;
}
