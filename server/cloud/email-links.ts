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
import { readSignedUnsubscribeToken, signUnsubscribeToken } from './unsubscribe-token.ts';

const Parse = serverParse();

interface LinkSettings {
  /** The app's address with its base path (APP_URL). */
  appUrl: string;
  /**
   * Where a mail client's one-click unsubscribe posts (RFC 8058): the local server's own
   * (server/parse-app.ts). Without one, the mail's header names the app's page, opened as a link.
   */
  unsubscribeUrl?: string;
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
  if (typeof appUrl !== 'string') throw new Error('Set appUrl in the Parse Config: the staff emails link to the app (docs/deploy.md).');
  return { appUrl, ...(typeof unsubscribeUrl === 'string' ? { unsubscribeUrl } : {}) };
}

/** A page of the app in `language`, as an absolute address. */
export async function appLink(language: Language, path: string): Promise<string> {
  return (await linkSettings()).appUrl.replace(/\/+$/, '') + withLanguage(language, path);
}

/** The dashboard's list of the opinions between two range bounds (venue time; src/domain/dashboard.ts isRangeBound). */
export function dashboardLink(language: Language, from: string, to: string): Promise<string> {
  return appLink(language, paths.dashboard(new URLSearchParams({ from, to }).toString()));
}

/** The token of an unsubscribe link: signed with the master key, which never leaves the server. */
function tokenFor(userId: string, kind: EmailKind): Promise<string> {
  return signUnsubscribeToken(Parse.masterKey ?? '', userId, kind);
}

/** The user and kind a token names, when its signature is ours. */
export function readUnsubscribeToken(token: unknown): Promise<{ userId: string; kind: EmailKind } | null> {
  return readSignedUnsubscribeToken(Parse.masterKey ?? '', token);
}

export interface UnsubscribeLinks {
  /** In the mail's text: the app's page, in the reader's language (src/pages/unsubscribe-page.tsx). */
  readonly page: string;
  /** The `List-Unsubscribe` header: a server's one-click endpoint where there is one, else the page. */
  readonly header: string;
  readonly oneClick: boolean;
}

export async function unsubscribeLinks(userId: string, kind: EmailKind, language: Language): Promise<UnsubscribeLinks> {
  const token = await tokenFor(userId, kind);
  const page = await appLink(language, `${paths.unsubscribe()}?${new URLSearchParams({ token }).toString()}`);
  const { unsubscribeUrl } = await linkSettings();
  if (!unsubscribeUrl) return { page, header: page, oneClick: false };
  const endpoint = new URL(unsubscribeUrl);
  endpoint.searchParams.set('token', token);
  return { page, header: endpoint.href, oneClick: true };
}
