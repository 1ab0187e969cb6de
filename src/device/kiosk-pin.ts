/**
 * The kiosk's exit PIN, kept on the device only as a PBKDF2 hash with a random salt (Web Crypto):
 * whoever reads the tablet's storage does not read the PIN. A 4 to 8 digit PIN can be found from
 * its hash by trying them all; the iterations make each try cost, the lockout after wrong tries
 * (kiosk-store.ts) guards the screen, and the PIN guards only the way out of kiosk mode, never a
 * staff account (the kiosk holds no session).
 */
export interface PinHash {
  readonly algorithm: 'PBKDF2-SHA-256';
  readonly iterations: number;
  /** base64 */
  readonly salt: string;
  /** base64, 256 bits */
  readonly hash: string;
}

/** OWASP's recommendation for PBKDF2-HMAC-SHA256 (2023): about half a second on a tablet. */
export const PIN_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

/** Web Crypto's digests exist only in secure contexts (https, localhost). */
export function canHashPin(): boolean {
  return typeof crypto !== 'undefined' && typeof crypto.subtle?.deriveBits === 'function';
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

export async function hashPin(pin: string, iterations = PIN_ITERATIONS): Promise<PinHash> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return { algorithm: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), hash: toBase64(await derive(pin, salt, iterations)) };
}

/** Compares every byte whatever the first difference, as password checks do. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) difference |= (a[index] ?? 0) ^ (b[index] ?? 0);
  return difference === 0;
}

export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  return sameBytes(await derive(pin, fromBase64(stored.salt), stored.iterations), fromBase64(stored.hash));
}

export function isPinHash(value: unknown): value is PinHash {
  if (typeof value !== 'object' || value === null) return false;
  const stored: Record<string, unknown> = { ...value };
  return (
    stored.algorithm === 'PBKDF2-SHA-256' &&
    typeof stored.iterations === 'number' &&
    Number.isInteger(stored.iterations) &&
    stored.iterations > 0 &&
    typeof stored.salt === 'string' &&
    typeof stored.hash === 'string'
  );
}
