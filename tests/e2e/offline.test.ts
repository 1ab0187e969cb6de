/**
 * Through outages and reloads (issue 17): the production build on a static host this file starts
 * and stops, its service worker, and Parse behind the browser's offline switch. The outage is
 * real: the host is closed, so whatever loads comes from the worker's precache.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { chromiumForFile, newPage, PHONE, TABLET, workerActive } from '../helpers/browser.ts';
import { fillForm, setUpKiosk } from '../helpers/kiosk.ts';
import { marker, opinionsWithComment } from '../helpers/parse-rest.ts';
import { serveStaticHost, type StaticHost } from '../helpers/static-host.ts';

const stack = inject('stack');
let outDir: string;
const browser = chromiumForFile();
const hosts: StaticHost[] = [];

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'visitor-opinions-offline-'));
  process.env.VITE_BASE_PATH = '/';
  process.env.VITE_PARSE_SERVER_URL = stack.serverURL;
  process.env.VITE_PARSE_APP_ID = stack.appId;
  process.env.VITE_PARSE_JS_KEY = stack.javascriptKey;
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
});

afterAll(async () => {
  await Promise.all(hosts.map((host) => host.close()));
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

/** A host of its own for each test: the worker's origin, stopped for the outage. */
async function startHost(dist = outDir): Promise<StaticHost> {
  const host = await serveStaticHost(dist);
  hosts.push(host);
  return host;
}

/** The whole network down: the app's host stopped, and the browser offline (Parse unreachable). */
async function networkDown(context: BrowserContext, host: StaticHost) {
  await host.close();
  await context.setOffline(true);
}

const rowsOf = (comment: string) => opinionsWithComment(stack, comment).then((rows) => rows.length);

describe('with the network down', () => {
  test('the visitor’s form loads after a reload, keeps the opinion in the outbox, and it is stored once when the network is back', async () => {
    const host = await startHost();
    const { context, page, errors } = await newPage(browser(), { viewport: PHONE });
    await page.goto(`${host.origin}/`);
    await workerActive(page);
    await networkDown(context, host);

    await page.reload();
    await page.getByRole('heading', { name: 'Tell us about your visit' }).waitFor();
    const comment = marker('Sent with the network down');
    await fillForm(page, comment, 'Lea');
    await page.getByRole('button', { name: 'Send my opinion' }).click();
    await page.getByRole('heading', { name: 'Your opinion is saved on this device' }).waitFor();

    // A browser restarted with the network still down: a new page, from the worker alone.
    await page.close();
    const again = await context.newPage();
    await again.goto(`${host.origin}/`);
    await again.getByText('1 opinion is saved on this device and will be sent when the connection is back.').waitFor();
    expect(await rowsOf(comment)).toBe(0);

    await context.setOffline(false);
    await expect.poll(() => rowsOf(comment), { timeout: 30_000, interval: 500 }).toBe(1);
    await again.getByText(/will be sent when the connection is back/).waitFor({ state: 'detached' });
    expect(await rowsOf(comment)).toBe(1);
    expect(errors.filter((error) => !error.startsWith('Failed to load resource'))).toEqual([]);
    await context.close();
  });

  test('each language’s form is its prerendered page, and other app paths get the shell', async () => {
    const host = await startHost();
    const { context, page } = await newPage(browser(), { viewport: PHONE });
    await page.goto(`${host.origin}/`);
    await workerActive(page);
    await networkDown(context, host);

    for (const [path, lang, heading] of [
      ['/es/', 'es', 'Cuéntenos su visita'],
      ['/ar/', 'ar', null],
      ['/fr/?utm_source=poster', 'fr', null],
    ] as const) {
      const response = await page.goto(`${host.origin}${path}`);
      expect(response?.fromServiceWorker()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      // The page's own file, its form in the HTML before any script runs.
      expect(await response?.text()).toContain('data-opinion-form');
      if (heading) await page.getByRole('heading', { name: heading }).waitFor();
    }
    const shell = await page.goto(`${host.origin}/login`);
    expect(shell?.fromServiceWorker()).toBe(true);
    expect(await shell?.text()).not.toContain('data-opinion-form');
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await context.close();
  });

  test('the kiosk loads after a reload and a restart, and what a visitor sent is stored once when the network is back', async () => {
    const host = await startHost();
    const { context, page } = await newPage(browser(), { viewport: TABLET });
    await setUpKiosk(page, { origin: host.origin });
    await workerActive(page);
    await networkDown(context, host);

    await page.reload();
    await page.getByRole('heading', { name: 'Tell us about your visit' }).waitFor();
    const comment = marker('Kiosk with the network down');
    await fillForm(page, comment);
    await page.getByRole('button', { name: 'Send my opinion' }).click();
    await page.getByText('It is saved on this tablet and will be sent automatically').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('heading', { name: 'Tell us about your visit' }).waitFor();

    await page.close();
    const again = await context.newPage();
    await again.goto(`${host.origin}/kiosk`);
    await again.getByRole('heading', { name: 'Tell us about your visit' }).waitFor();
    expect(await again.getByLabel('Your comment').inputValue()).toBe('');
    expect(await rowsOf(comment)).toBe(0);

    await context.setOffline(false);
    await expect.poll(() => rowsOf(comment), { timeout: 30_000, interval: 500 }).toBe(1);
    await again.reload();
    await again.getByRole('heading', { name: 'Tell us about your visit' }).waitFor();
    expect(await rowsOf(comment)).toBe(1);
    await context.close();
  });
});

/**
 * What each version of sw.js gets in the update tests (`VERSION` replaced): it says which version
 * it is when asked (a MessageChannel); tells the pages when the app asks it to take over (the
 * generated worker's SKIP_WAITING, which Workbox's own listener, added before it, acts on); and,
 * told to 'hold', stays busy until told to 'release', as a worker with work under way does: the
 * browser does not activate a new version while the old one is busy.
 */
const VERSION_LISTENER = `let release = () => {};
self.addEventListener('message', (event) => {
  if (event.data === 'version?') event.ports[0].postMessage(VERSION);
  if (event.data === 'hold') {
    event.waitUntil(new Promise((resolve) => (release = resolve)));
    event.ports[0].postMessage('held');
  }
  if (event.data === 'release') release();
  if (event.data && event.data.type === 'SKIP_WAITING') {
    event.waitUntil(self.clients.matchAll({ includeUncontrolled: true }).then((clients) => clients.forEach((client) => client.postMessage('asked to skip waiting'))));
  }
});`;

/**
 * A deployment of its own for the update tests: the build copied, and each version of sw.js made
 * to say which it is (VERSION_LISTENER), as a new build's worker differs from the old.
 */
function deployment() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'visitor-opinions-update-'));
  fs.cpSync(outDir, dir, { recursive: true });
  const worker = path.join(dir, 'sw.js');
  const built = fs.readFileSync(worker, 'utf8');
  const deploy = (version: string) =>
    fs.writeFileSync(
      worker,
      `${built}\n${VERSION_LISTENER.replace('VERSION', JSON.stringify(version))}\n`,
    );
  deploy('first');
  return { dir, deploy, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Sends the worker that controls the page a message, and waits for its answer if it gives one. */
const tellController = (page: Page, message: string, answer = true) =>
  page.evaluate(
    ([message, answer]) =>
      new Promise<unknown>((resolve, reject) => {
        const controller = navigator.serviceWorker.controller;
        if (!controller) return reject(new Error('No worker controls this page.'));
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => resolve(event.data);
        controller.postMessage(message, [channel.port2]);
        if (!answer) resolve(undefined);
      }),
    [message, answer] as const,
  );

/** The version of the worker that controls the page. */
const controllingVersion = (page: Page) => tellController(page, 'version?').then(String);

/** The browser looks for a new sw.js (as it does on its own), and it installs and waits. */
async function newVersionWaiting(page: Page) {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    await registration.update();
    const worker = registration.installing ?? registration.waiting;
    if (!worker) throw new Error('No new version found.');
    if (worker.state === 'installed') return;
    await new Promise<void>((resolve) => worker.addEventListener('statechange', () => worker.state === 'installed' && resolve()));
  });
}

const isWaiting = (page: Page) => page.evaluate(async () => (await navigator.serviceWorker.ready).waiting !== null);
/**
 * Marks the document, to tell a reload; and records the app asking the waiting version to take
 * over, and the takeover (after the app's own listener has seen it).
 */
const markPage = (page: Page) =>
  page.evaluate(() => {
    Object.assign(window, { sameDocument: true });
    navigator.serviceWorker.addEventListener('message', (event) => {
      if (event.data === 'asked to skip waiting') Object.assign(window, { askedToSkipWaiting: true });
    });
    navigator.serviceWorker.addEventListener('controllerchange', () => Object.assign(window, { tookOver: true }));
    // Fired within location.reload() itself: a reload started, even before its new document comes.
    (window as unknown as { navigation: EventTarget }).navigation.addEventListener('navigate', (event) => {
      if ((event as Event & { navigationType: string }).navigationType === 'reload') Object.assign(window, { reloading: true });
    });
  });
/** Whether the app has asked the waiting version to take over, since markPage. */
const hasAsked = (page: Page) => page.evaluate(() => 'askedToSkipWaiting' in window);
const isSamePage = (page: Page) => page.evaluate(() => 'sameDocument' in window);

/**
 * The page, whose worker is active, reloaded to be controlled by the first version (it loaded
 * before the worker was there); then the next version deployed, installed and waiting, and the
 * page marked (markPage).
 */
async function firstThenNextWaiting(page: Page, deploy: (version: string) => void) {
  await workerActive(page);
  await page.reload();
  await page.getByRole('heading', { name: 'Tell us about your visit' }).waitFor();
  expect(await controllingVersion(page)).toBe('first');
  deploy('next');
  await newVersionWaiting(page);
  await markPage(page);
}

/** A phone on the visitor's form, with a deployment of its own: firstThenNextWaiting. */
async function phoneWithNewVersionWaiting() {
  const { dir, deploy, remove } = deployment();
  const host = await startHost(dir);
  const { context, page } = await newPage(browser(), { viewport: PHONE });
  await page.goto(`${host.origin}/`);
  await firstThenNextWaiting(page, deploy);
  return { context, page, remove };
}

/** Follows a link: the page reloads there, under the next version. */
async function nextPageTakesIt(page: Page, { link, heading, path }: { link: string; heading: string; path: string }) {
  await page.getByRole('link', { name: link }).click();
  // The app asks the new version to take over, the browser activates it, and the page reloads
  // under it: the app's code loaded again, on a machine busy with other test files.
  await expect.poll(() => isSamePage(page).catch(() => true), { timeout: 30_000 }).toBe(false);
  await page.getByRole('heading', { name: heading }).waitFor();
  expect(new URL(page.url()).pathname).toBe(path);
  expect(await controllingVersion(page)).toBe('next');
}

describe('a new version', () => {
  test('waits while the kiosk’s form has text, and is taken at its next reset', async () => {
    const { dir, deploy, remove } = deployment();
    const host = await startHost(dir);
    const { context, page } = await newPage(browser(), { viewport: TABLET });
    await setUpKiosk(page, { origin: host.origin, thanks: '3' });
    await firstThenNextWaiting(page, deploy);
    const comment = marker('Typed while a new version waits');
    await fillForm(page, comment);
    // Half a minute of thinking (the inactivity reset is at 60 s): nothing reloads under the visitor.
    await page.clock.fastForward(30_000);
    expect(await isSamePage(page)).toBe(true);
    expect(await page.getByLabel('Your comment').inputValue()).toBe(comment);
    expect(await isWaiting(page)).toBe(true);
    expect(await hasAsked(page)).toBe(false);

    await page.getByRole('button', { name: 'Send my opinion' }).click();
    await expect.poll(() => rowsOf(comment)).toBe(1);
    // The thank-you's 3 s, then the reset: the new version, on an empty form.
    await page.clock.fastForward(3_000);
    await expect.poll(() => isSamePage(page).catch(() => true)).toBe(false);
    await page.getByRole('heading', { name: 'Tell us about your visit' }).waitFor();
    expect(await controllingVersion(page)).toBe('next');
    expect(await page.getByLabel('Your comment').inputValue()).toBe('');
    expect(await isWaiting(page)).toBe(false);
    await context.close();
    remove();
  });

  test('on a phone, is not taken while the form has text, and is taken at the next page', async () => {
    const { context, page, remove } = await phoneWithNewVersionWaiting();
    await page.getByLabel('Your comment').fill('Half a thought');
    expect(await isSamePage(page)).toBe(true);
    expect(await isWaiting(page)).toBe(true);
    expect(await hasAsked(page)).toBe(false);

    await nextPageTakesIt(page, { link: 'Log in', heading: 'Log in', path: '/login' });
    await context.close();
    remove();
  });

  test('on a phone, someone who uses the page before the new version takes over is not reloaded under, and the next page takes it', async () => {
    const { context, page, remove } = await phoneWithNewVersionWaiting();
    // The old worker busy: the new version cannot take over until the test says so.
    expect(await tellController(page, 'hold')).toBe('held');

    await page.getByRole('link', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await expect.poll(() => hasAsked(page)).toBe(true);
    // Someone starts using the page, then the new version takes over.
    await page.getByLabel('Username').click();
    await tellController(page, 'release', false);
    // Watched from the page: a message to the old worker now would keep it from being replaced.
    await expect.poll(() => page.evaluate(() => 'tookOver' in window).catch(() => false)).toBe(true);
    expect(await page.evaluate(() => 'reloading' in window)).toBe(false);
    expect(await controllingVersion(page)).toBe('next');
    expect(await isSamePage(page)).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/login');

    await nextPageTakesIt(page, { link: 'Leave an opinion', heading: 'Tell us about your visit', path: '/' });
    await context.close();
    remove();
  });
});

interface WebManifest {
  icons: { src: string; sizes: string; type: string; purpose: string }[];
}

describe('the web app manifest', () => {
  test('is linked from every page, valid, and its icons load', async () => {
    const host = await startHost();
    const { context, page } = await newPage(browser(), { viewport: PHONE });
    for (const pagePath of ['/', '/es/', '/kiosk']) {
      await page.goto(`${host.origin}${pagePath}`);
      expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
    }
    const response = await page.request.get(`${host.origin}/manifest.webmanifest`);
    expect(response.headers()['content-type']).toBe('application/manifest+json');
    const manifest: WebManifest = await response.json();
    expect(manifest).toMatchObject({
      name: 'Visitor Opinions',
      short_name: 'Opinions',
      start_url: './',
      display: 'standalone',
      theme_color: '#1d4f91',
      background_color: '#f6f7f9',
      shortcuts: [{ name: 'Kiosk', url: './kiosk' }],
    });
    const { icons } = manifest;
    expect(icons.map(({ sizes, purpose }) => `${sizes} ${purpose}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of icons) {
      const url = new URL(icon.src, `${host.origin}/manifest.webmanifest`).href;
      const size = await page.evaluate(
        (src) =>
          new Promise<string>((resolve, reject) => {
            const image = new Image();
            image.onload = () => resolve(`${image.naturalWidth}x${image.naturalHeight}`);
            image.onerror = () => reject(new Error(`${src} did not load`));
            image.src = src;
          }),
        url,
      );
      expect(size).toBe(icon.sizes);
    }
    await context.close();
  });
});
