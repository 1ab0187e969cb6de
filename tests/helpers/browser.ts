import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page, type Route, type WebSocket } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Language } from '../../src/domain/languages.ts';
import { withLanguage } from '../../src/i18n/language.ts';
import { message } from './messages.ts';

/**
 * Playwright's own --disable-features (playwright-core 1.65, chromiumSwitches.ts). Chromium
 * honours only the last --disable-features on its command line, so ours must repeat these: on an
 * upgrade of playwright-core, compare them with its list.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * SpeculativeServiceWorkerWarmUp: Chromium starts a page's service worker ahead of the links in
 * view and under the pointer. Once the app has asked a new version to take over, Chromium
 * activates it when the old worker has no work left, at the latest after five minutes; in full
 * test runs, on a loaded machine, these warm-ups kept the old worker busy, and the page's move to
 * the new version (tests/e2e/offline.test.ts, "a new version") waited for those five minutes.
 * Measured under load, the phone test alone: 4 runs in 14 waited so; none in 12 with warm-ups off.
 */
const DISABLED_FEATURES = ['SpeculativeServiceWorkerWarmUp'];

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...DISABLED_FEATURES].join(',')}`,
];

export function chromiumPath(): string {
  const candidate = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(candidate)) {
    throw new Error(
      `No Chromium at ${candidate}. Install Debian's Chromium (sudo apt-get install -y chromium) or set CHROME_PATH to a Chromium or Chrome binary.`,
    );
  }
  return candidate;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/**
 * One Chromium for a test file, launched before its tests and closed after them: what each file
 * calls at its top, then `browser()` in its tests.
 */
export function chromiumForFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is launched in beforeAll: use browser() in a test or a hook.');
    return browser;
  };
}

export const PHONE = { width: 360, height: 740 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;
/** A tablet, landscape (a venue's, or a staff member's). */
export const TABLET = { width: 1024, height: 768 } as const;

/**
 * Logs in through the app's form, on the log-in page in `language`, and waits for the page
 * `next` leads to (in that language too).
 */
export async function logInThroughForm(
  page: Page,
  appURL: string,
  user: { username: string; password: string },
  next = '/dashboard',
  language: Language = 'en',
) {
  const say = (id: string) => message(language, id);
  await page.goto(`${appURL}${withLanguage(language, '/login')}?next=${encodeURIComponent(next)}`);
  await page.getByLabel(say('account.username'), { exact: true }).fill(user.username);
  await page.getByLabel(say('account.password'), { exact: true }).fill(user.password);
  await page.getByRole('button', { name: say('login.submit'), exact: true }).click();
  await page.waitForURL((url) => url.pathname === withLanguage(language, next.split('?')[0] ?? '/'));
}

/**
 * A fresh context (its own storage and IndexedDB) whose pages record console errors and
 * failed page scripts, so that each test can assert there were none.
 */
export async function newPage(
  browser: Browser,
  options: Pick<BrowserContextOptions, 'viewport' | 'locale' | 'hasTouch' | 'isMobile' | 'deviceScaleFactor' | 'timezoneId'> = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ ...options, viewport: options.viewport ?? DESKTOP });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/**
 * Holds back the requests for `pattern` until release() (later ones pass): a script on its way
 * for as long as a test needs. `count`: how many it holds, `asked()`: resolves once it holds
 * one (at once if it does already), `release(from)`: lets those from index `from` on go (the
 * ones before may belong to a page since reloaded).
 */
export async function holdBack(page: Page, pattern: RegExp) {
  const held: Route[] = [];
  let holding = true;
  let firstHeld!: () => void;
  const asked = new Promise<void>((resolve) => (firstHeld = resolve));
  await page.route(pattern, (route) => {
    if (!holding) return void route.continue();
    held.push(route);
    firstHeld();
  });
  return {
    count: () => held.length,
    asked: () => asked,
    async release(from = 0) {
      holding = false;
      await Promise.all(held.slice(from).map((route) => route.continue()));
    },
  };
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the page as it is now and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  const readable = (violations as AxeViolation[]).map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(readable).toEqual([]);
}

/**
 * The LiveQuery subscriptions the page asks for, in order: `asked()` how many so far,
 * `confirmedSince(n)` whether the server has confirmed one of those asked after the first n.
 */
export function liveSubscriptions(page: Page) {
  const subscriptions: { socket: WebSocket; requestId: unknown; confirmed: boolean }[] = [];
  const op = (payload: string | Buffer) => (typeof payload === 'string' ? (JSON.parse(payload) as { op?: unknown; requestId?: unknown }) : {});
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => {
      const { op: name, requestId } = op(payload);
      if (name === 'subscribe') subscriptions.push({ socket, requestId, confirmed: false });
    });
    socket.on('framereceived', ({ payload }) => {
      const { op: name, requestId } = op(payload);
      const subscription = subscriptions.find((candidate) => candidate.socket === socket && candidate.requestId === requestId);
      if (name === 'subscribed' && subscription) subscription.confirmed = true;
    });
  });
  return {
    asked: () => subscriptions.length,
    confirmedSince: (from: number) => subscriptions.slice(from).some((subscription) => subscription.confirmed),
  };
}

/** Resolves once the page's origin has an active service worker: it activates only after it has precached the app. */
export async function workerActive(page: Page) {
  await page.evaluate(async () => {
    const { active } = await navigator.serviceWorker.ready;
    if (!active || active.state === 'activated') return;
    await new Promise<void>((resolve) => active.addEventListener('statechange', () => active.state === 'activated' && resolve()));
  });
}
