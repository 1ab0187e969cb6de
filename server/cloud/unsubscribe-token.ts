/**
 * The tokens of unsubscribe links, `<userId>.<kind>.<HMAC-SHA256>`: a token names one user and
 * one kind of email, and nobody without the master key can make one. Pure, given the key, so
 * that the browser tests can make a user's token as the server does.
 */
import type { EmailKind } from '../../src/domain/email-preferences.ts';

const encoder = new TextEncoder();

async function hmac(key: Uint8Array<ArrayBuffer>, data: string): Promise<Uint8Array<ArrayBuffer>> {
  const cryptoKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(data)));
}

// The master key never leaves the server: a key derived from it signs the tokens, on the local
// server and on Back4App alike, with nothing more to configure. Web Crypto, not node:crypto: the
// Back4App bundle requires no module (server/back4app/build-cloud.ts).
async function signature(masterKey: string, payload: string): Promise<Uint8Array<ArrayBuffer>> {
  const key = await hmac(encoder.encode(masterKey), 'unsubscribe-links');
  return hmac(key, payload);
}

export async function signUnsubscribeToken(masterKey: string, userId: string, kind: EmailKind): Promise<string> {
  const payload = `${userId}.${kind}`;
  return `${payload}.${Buffer.from(await signature(masterKey, payload)).toString('base64url')}`;
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
export async function readSignedUnsubscribeToken(masterKey: string, token: unknown): Promise<{ userId: string; kind: EmailKind } | null> {
  if (typeof token !== 'string') return null;
  const [userId, kind, mac, ...rest] = token.split('.');
  if (!userId || !isKind(kind) || !mac || rest.length > 0) return null;
  const expected = await signature(masterKey, `${userId}.${kind}`);
  return sameBytes(new Uint8Array(Buffer.from(mac, 'base64url')), expected) ? { userId, kind } : null;
}
