/**
 * The service worker on this device (build/pwa-plugin.ts writes it; docs/decisions/0024-*.md):
 * registered once the page is idle, and a new version taken only at a moment when nobody is
 * typing: the kiosk's reset between two visitors, another page on a phone.
 */
import { BASE_PREFIX } from '../app/basename';
import { whenIdle } from './idle';

/** The worker's file at the base path (build/html-files.ts: SERVICE_WORKER_FILE). */
const WORKER_URL = `${BASE_PREFIX}/sw.js`;

/**
 * How often a page looks for a new version at its moments. The browser looks by itself on each
 * page load, but a kiosk never loads a page while its language stays, nor does a phone between
 * the pages of the app.
 */
export const UPDATE_CHECK_MS = 10 * 60_000;

/** A moment at which the page may be reloaded: the kiosk's reset, a phone's move to another page. */
export type UpdateMoment = 'reset' | 'navigation';

/** 'waiting': installed, waiting for this page; 'taken': active, but this page still runs the old one. */
export type NewVersion = 'none' | 'waiting' | 'taken';

export interface UpdateState {
  version: NewVersion;
  moment: UpdateMoment;
  /** The kiosk's page: its moment is the reset (a kiosk has no other pages). */
  kiosk: boolean;
  /** Some field of the page holds text, read once the moment has rendered. */
  typed: boolean;
}

/** Whether a new version is taken now (the page reloads): never while someone is typing. */
export function takesNewVersion({ version, moment, kiosk, typed }: UpdateState): boolean {
  if (version === 'none' || typed) return false;
  return moment === (kiosk ? 'reset' : 'navigation');
}

const TEXT_FIELDS = 'textarea, input:not([type="radio"], [type="checkbox"], [type="hidden"], [type="submit"], [type="button"], [type="reset"])';

/** Whether a field under `root` holds text: what a reload would throw away. */
export function hasTypedText(root: ParentNode): boolean {
  return [...root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(TEXT_FIELDS)].some((field) => field.value !== '');
}

const SCOPE = `${BASE_PREFIX}/`;
/** What tells that someone uses the page: a tap, a click, a key, a turn of the wheel. */
const USE_EVENTS = ['pointerdown', 'keydown', 'wheel'] as const;
let taken = false;
/** Asked for at a moment, and nobody has used the page since: it reloads when the version takes over. */
let reloadWhenTaken = false;
let lastCheck = 0;

/**
 * A new version became active: this page's, or another tab's doing. Either way the code this
 * page runs is no longer the one cached, so it reloads at its next moment, or now if it asked.
 */
function onControllerChange() {
  taken = true;
  // Typed text without a key (pasted, dictated) also waits for the next moment.
  if (reloadWhenTaken && !hasTypedText(document)) window.location.reload();
}

if ('serviceWorker' in navigator) navigator.serviceWorker.addEventListener('controllerchange', onControllerChange);

/**
 * Asks the waiting version to take over. The browser activates it once the old worker is idle:
 * at once as a rule, minutes later at worst (docs/architecture.md, "Offline"). Whoever starts
 * using the page meanwhile is not reloaded under: the next moment reloads instead.
 */
function take(waiting: ServiceWorker) {
  reloadWhenTaken = true;
  const watching = new AbortController();
  const used = () => {
    reloadWhenTaken = false;
    watching.abort();
  };
  for (const type of USE_EVENTS) window.addEventListener(type, used, { capture: true, passive: true, signal: watching.signal });
  navigator.serviceWorker.addEventListener('controllerchange', () => watching.abort(), { once: true, signal: watching.signal });
  // The generated worker's own message (registerType 'prompt'): it activates and takes this page.
  waiting.postMessage({ type: 'SKIP_WAITING' });
}

/** Called at each of the page's moments: takes a waiting version when it may, else looks for one now and then. */
export async function atUpdateMoment(moment: UpdateMoment, { kiosk }: { kiosk: boolean }): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  // The browser's, from an earlier visit: this page's own registration waits for idle.
  const registration = await navigator.serviceWorker.getRegistration(SCOPE);
  if (!registration) return;
  const version: NewVersion = taken ? 'taken' : registration.waiting ? 'waiting' : 'none';
  if (takesNewVersion({ version, moment, kiosk, typed: hasTypedText(document) })) {
    if (version === 'taken') window.location.reload();
    else if (registration.waiting) take(registration.waiting);
    return;
  }
  if (version === 'none' && Date.now() - lastCheck >= UPDATE_CHECK_MS) {
    lastCheck = Date.now();
    // Offline, or the host down: the next moment tries again.
    await registration.update().catch(() => undefined);
  }
}

/** Registers the worker once the page is idle. */
function registerWhenIdle(): void {
  if (!('serviceWorker' in navigator)) return;
  whenIdle(() => {
    // Without a worker the app works as before, online only.
    navigator.serviceWorker.register(WORKER_URL, { scope: SCOPE }).catch(() => undefined);
  });
}

let shownPath: string | undefined;

/** Each page the app shows: the first registers the worker, each next one is a moment to take a new version at. */
export function onPageShown(pathname: string, { kiosk }: { kiosk: boolean }): void {
  if (shownPath === undefined) {
    shownPath = pathname;
    registerWhenIdle();
    return;
  }
  if (pathname === shownPath) return;
  shownPath = pathname;
  void atUpdateMoment('navigation', { kiosk });
}
