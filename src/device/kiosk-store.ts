/**
 * The kiosk on this device: its settings (the exit PIN only as a hash), whether kiosk mode is on,
 * and the wrong PINs counted towards the wait. All in localStorage, so that a reload or a restart
 * of the tablet comes back in kiosk mode, and the wait is not undone by a reload.
 */
import { KIOSK_LIMITS, readKioskPreferences, type KioskPreferences } from '../domain/kiosk';
import { LAST_DELIVERED_KEY } from './deliveries';
import { isPinHash, type PinHash } from './kiosk-pin';

const KEY = 'visitor-opinions:kiosk';
const LOCK_KEY = 'visitor-opinions:kiosk-lock';

export interface Kiosk {
  readonly preferences: KioskPreferences;
  readonly pin: PinHash;
  /** Set up but not yet on: staff are still signed in, until their session has ended. */
  readonly on: boolean;
}

function readJson(key: string): unknown {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

function toKiosk(value: unknown): Kiosk | null {
  if (typeof value !== 'object' || value === null) return null;
  const stored: Record<string, unknown> = { ...value };
  const preferences = readKioskPreferences(stored.preferences);
  if (!preferences || !isPinHash(stored.pin)) return null;
  return { preferences, pin: stored.pin, on: stored.on === true };
}

const listeners = new Set<() => void>();
let cached: { raw: string | null; kiosk: Kiosk | null } | undefined;

/** The kiosk as stored (the same object while the storage has not changed), or null. */
export function readKiosk(): Kiosk | null {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(KEY);
  } catch {
    // No storage, no kiosk.
  }
  if (cached?.raw !== raw) cached = { raw, kiosk: toKiosk(readJson(KEY)) };
  return cached.kiosk;
}

export function subscribeToKiosk(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab of the tablet turning kiosk mode on or off.
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

function changed() {
  for (const listener of listeners) listener();
}

/** Throws when the storage refuses: a kiosk that would forget its PIN at the next reload must not start. */
export function saveKiosk(kiosk: Kiosk): void {
  localStorage.setItem(KEY, JSON.stringify(kiosk));
  changed();
}

/** Kiosk mode off, its settings and its count of wrong PINs gone. */
export function removeKiosk(): void {
  localStorage.removeItem(KEY);
  localStorage.removeItem(LOCK_KEY);
  changed();
}

interface PinLock {
  readonly wrong: number;
  readonly until: number | null;
}

function readLock(): PinLock {
  const value = readJson(LOCK_KEY);
  if (typeof value !== 'object' || value === null) return { wrong: 0, until: null };
  const stored: Record<string, unknown> = { ...value };
  return {
    wrong: typeof stored.wrong === 'number' ? stored.wrong : 0,
    until: typeof stored.until === 'number' ? stored.until : null,
  };
}

/** Until when a PIN may not be tried (after too many wrong ones), or null when it may. */
export function pinWaitUntil(now = Date.now()): number | null {
  const { until } = readLock();
  return until !== null && until > now ? until : null;
}

/** Counts a wrong PIN; returns until when the next try must wait, or null. */
export function noteWrongPin(now = Date.now()): number | null {
  const lock = readLock();
  // A wait that is over starts a new round of tries.
  const wrong = (lock.until !== null && lock.until <= now ? 0 : lock.wrong) + 1;
  const until = wrong >= KIOSK_LIMITS.pinTries ? now + KIOSK_LIMITS.pinLockoutSeconds * 1000 : null;
  localStorage.setItem(LOCK_KEY, JSON.stringify({ wrong, until } satisfies PinLock));
  return until;
}

export function noteRightPin(): void {
  localStorage.removeItem(LOCK_KEY);
}

/** What a reset keeps: the kiosk's own keys and the outbox's (IndexedDB is not Web Storage). */
const KEPT_KEYS: readonly string[] = [KEY, LOCK_KEY, LAST_DELIVERED_KEY];

/**
 * Clears everything a visitor may have left in Web Storage, whoever wrote it (a draft, a chosen
 * language, the Parse SDK's keys): between two visitors the device keeps only what the kiosk
 * itself needs. Not only the app's known keys, so that what a later feature stores cannot leak.
 */
export function clearVisitorTraces(): void {
  try {
    sessionStorage.clear();
    for (const key of Object.keys(localStorage)) if (!KEPT_KEYS.includes(key)) localStorage.removeItem(key);
  } catch {
    // Storage that cannot be read holds nothing either.
  }
}

/**
 * Kiosk mode on, as the staff session ends: nothing the staff member or an earlier visitor left in
 * Web Storage stays for the first visitor.
 */
export function turnKioskOn(): void {
  const kiosk = readKiosk();
  if (kiosk) saveKiosk({ ...kiosk, on: true });
  clearVisitorTraces();
}
