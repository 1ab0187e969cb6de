/**
 * The build as an operator deploys it: built with VITE_BASE_PATH for a sub-path, uploaded to a
 * plain static host that applies the build's own `_headers` and `_redirects` (or only its
 * `404.html`), and used in Chromium under the Content-Security-Policy it ships.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { EARLY_CALLS_GLOBAL } from '../../src/parse/early-calls.ts';
import { inlineScriptHashes } from '../../build/static-host-plugin.ts';
import { opinionsWithComment } from '../helpers/parse-rest.ts';
import { chromiumForFile, liveSubscriptions, newPage, PHONE, workerActive } from '../helpers/browser.ts';
import { seedOpinions } from '../helpers/dashboard-data.ts';
import { serveStaticHost, type StaticHost } from '../helpers/static-host.ts';

const BASE = '/opinions/';
const stack = inject('stack');
const parseOrigin = new URL(stack.serverURL).origin;

let outDir: string;
let host: StaticHost;
let fallbackOnlyHost: StaticHost;
const browser = chromiumForFile();

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'visitor-opinions-static-'));
  // What an operator sets; vite.config.ts reads VITE_BASE_PATH as `base`.
  process.env.VITE_BASE_PATH = BASE;
  process.env.VITE_PARSE_SERVER_URL = stack.serverURL;
  process.env.VITE_PARSE_APP_ID = stack.appId;
  process.env.VITE_PARSE_JS_KEY = stack.javascriptKey;
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  host = await serveStaticHost(outDir, { mount: BASE });
  fallbackOnlyHost = await serveStaticHost(outDir, { mount: BASE, redirects: false });
});

afterAll(async () => {
  await host?.close();
  await fallbackOnlyHost?.close();
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

const read = (file: string) => fs.readFileSync(path.join(outDir, file), 'utf8');

/** A page that records console errors, failed scripts and every CSP violation the browser reports. */
async function watchedPage(options: { viewport?: { width: number; height: number } } = {}) {
  const opened = await newPage(browser(), options);
  // An init script comes through the DevTools protocol, which the page's CSP does not govern.
  await opened.page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return opened;
}

const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);


describe('the files a static host needs', () => {
  test('_headers: CSP naming the Parse Server, security headers, caching for assets and HTML', () => {
    const headers = read('_headers');
    const csp = /Content-Security-Policy: (.*)/.exec(headers)?.[1] ?? '';
    expect(csp).toContain(`connect-src 'self' ${parseOrigin} ${parseOrigin.replace(/^http/, 'ws')}`);
    for (const directive of [
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-inline');
    expect(headers).toContain(`${BASE}*\n`);
    expect(headers).toMatch(/X-Content-Type-Options: nosniff/);
    expect(headers).toMatch(/Referrer-Policy: strict-origin-when-cross-origin/);
    expect(headers).toMatch(/Permissions-Policy: /);
    expect(headers).toContain(`${BASE}assets/*\n  Cache-Control: public, max-age=31536000, immutable`);
    expect(headers).toContain(`${BASE}index.html\n  Cache-Control: no-cache`);
  });

  test('_redirects and 404.html: the SPA fallback, under the base path', () => {
    const rules = read('_redirects')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    expect(rules).toEqual([
      `${BASE.slice(0, -1)} ${BASE}index.html 200`,
      expect.stringMatching(new RegExp(`^${BASE}\\* ${BASE}(spa-shell|index)\\.html 200$`)),
    ]);
    // The deep links' shell (header and a page on its way), as spa-shell.html.
    const notFound = read('404.html');
    expect(notFound).toBe(read('spa-shell.html'));
    expect(notFound).toContain('<header class="site-header">');
    expect(notFound).not.toContain('id="comment"');
    expect(notFound).toContain(`src="${BASE}assets/`);
  });

  test('every HTML file runs under the CSP: inline scripts allowed by their hashes, assets with hashed names under the base', () => {
    const csp = /Content-Security-Policy: (.*)/.exec(read('_headers'))?.[1] ?? '';
    const scriptSources = /script-src ([^;]*)/.exec(csp)?.[1]?.split(' ') ?? [];
    const htmlFiles = fs.readdirSync(outDir).filter((file) => file.endsWith('.html'));
    expect(htmlFiles).toEqual(expect.arrayContaining(['index.html', '404.html']));
    // The shell's two inline scripts: a click on Send before the app's code has run is kept,
    // and the chunks of the page a deep link names are asked for with the entry.
    expect(inlineScriptHashes(read('index.html'))).toHaveLength(2);
    for (const file of htmlFiles) {
      for (const hash of inlineScriptHashes(read(file))) expect(scriptSources, file).toContain(hash);
      expect(read(file), file).not.toMatch(/\sstyle="/);
      // The app's stylesheet is inline (allowed by its hash): no round trip before the first paint.
      expect(read(file), file).toContain('<style>');
      expect(read(file), file).not.toMatch(/rel="stylesheet"/);
    }
    const assets = fs.readdirSync(path.join(outDir, 'assets'));
    expect(assets.some((file) => file.endsWith('.js'))).toBe(true);
    for (const file of assets) expect(file).toMatch(/-[\w-]{8}\.(js|css)$/);
  });
});

describe('served by a plain static host', () => {
  test('answers with the headers of _headers: immutable assets, no-cache HTML, the CSP everywhere', async () => {
    const home = await fetch(`${host.origin}${BASE}`);
    expect(home.status).toBe(200);
    expect(home.headers.get('cache-control')).toBe('no-cache');
    expect(home.headers.get('content-security-policy')).toContain(parseOrigin);
    expect(home.headers.get('x-content-type-options')).toBe('nosniff');

    const deepLink = await fetch(`${host.origin}${BASE}login`);
    expect(deepLink.status).toBe(200);
    expect(deepLink.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    // The shell: another page than the form must not show the form first; its header links stay under the base.
    const shell = await deepLink.text();
    // The deep links' shell names its entry script (the prerendered form loads its own once painted).
    const script = /src="([^"]+\.js)"/.exec(shell)?.[1];
    expect(script).toMatch(new RegExp(`^${BASE}assets/`));
    const asset = await fetch(`${host.origin}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(shell).toContain('<header class="site-header">');
    expect(shell).not.toContain('id="comment"');
    expect(shell).toMatch(new RegExp(`class="site-header__brand"[^>]* href="${BASE.slice(0, -1)}"`));
    // The host's own configuration is never served (here the path falls back to the shell).
    expect(await (await fetch(`${host.origin}${BASE}_headers`)).text()).not.toContain('Content-Security-Policy');
  });

  test('a deep link to <base>/login renders the login page, with no console error and no CSP violation', async () => {
    const { context, page, errors } = await watchedPage({ viewport: PHONE });
    const response = await page.goto(`${host.origin}${BASE}login`);
    expect(response?.headers()['content-security-policy']).toContain(parseOrigin);
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`${BASE}login`);
    expect(await cspViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('an unknown path under the base renders the not-found page', async () => {
    const { context, page, errors } = await watchedPage();
    await page.goto(`${host.origin}${BASE}nope`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await cspViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('<base>/: the form submits to the real Parse Server under the CSP', async () => {
    const { context, page, errors } = await watchedPage({ viewport: PHONE });
    await page.goto(`${host.origin}${BASE}`);
    await page.locator('form[aria-label="Your opinion"] button[type="submit"]').waitFor();
    // The inline stylesheet applies (the page background is the theme's, not the browser's white).
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(246, 247, 249)');
    const comment = `Deployed under a sub-path ${crypto.randomUUID()}`;
    await page.getByLabel('Your comment').fill(comment);
    await page.getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('button', { name: 'Send my opinion' }).click();
    await page.getByRole('heading', { name: 'Thank you for your opinion' }).waitFor();
    expect(await opinionsWithComment(stack, comment)).toHaveLength(1);
    expect(await cspViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the service worker: its scope is the base, hosts revalidate it, and the pages load offline under the CSP', async () => {
    for (const file of ['sw.js', 'manifest.webmanifest']) {
      expect((await fetch(`${host.origin}${BASE}${file}`)).headers.get('cache-control')).toBe('no-cache');
    }
    const { context, page, errors } = await watchedPage({ viewport: PHONE });
    await page.goto(`${host.origin}${BASE}`);
    await workerActive(page);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(`${host.origin}${BASE}`);
    await context.setOffline(true);
    for (const [path, heading] of [
      [BASE, 'Tell us about your visit'],
      [`${BASE}es/`, 'Cuéntenos su visita'],
      [`${BASE}login`, 'Log in'],
    ] as const) {
      const response = await page.goto(`${host.origin}${path}`);
      expect(response?.fromServiceWorker()).toBe(true);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await cspViolations(page)).toEqual([]);
    }
    expect(errors.filter((error) => !error.startsWith('Failed to load resource'))).toEqual([]);
    await context.close();
  });

  test('in-app navigation stays under the base path', async () => {
    const { context, page, errors } = await watchedPage();
    await page.goto(`${host.origin}${BASE}nope`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    const links = page.getByRole('link');
    const hrefs = await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    const local = hrefs.filter((href) => href.startsWith('/'));
    // The router writes the home link as the base without its slash; the host answers both.
    expect(local.filter((href) => !`${href}/`.startsWith(BASE))).toEqual([]);
    for (const href of new Set(local)) expect((await fetch(host.origin + href)).status, href).toBe(200);
    await page.getByRole('link', { name: 'Leave an opinion about your visit' }).click();
    await page.locator('form[aria-label="Your opinion"]').waitFor();
    await page.reload();
    await page.locator('form[aria-label="Your opinion"] button[type="submit"]').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('staff log in and use the dashboard (chart, LiveQuery over WebSocket) under the CSP', async () => {
    const { context, page, errors } = await watchedPage();
    const subscriptions = liveSubscriptions(page);
    await page.goto(`${host.origin}${BASE}login?next=${encodeURIComponent('/dashboard')}`);
    await page.getByLabel('Username').fill('staff');
    await page.getByLabel('Password', { exact: true }).fill('Staff#Opinions1');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((url) => url.pathname === `${BASE}dashboard`);
    await page.getByRole('heading', { name: 'Opinions', level: 1 }).waitFor();
    await expect.poll(() => page.locator('.per-day-chart .per-day-chart__day').count()).toBeGreaterThan(0);
    // The live signal arrives over the LiveQuery WebSocket, which connect-src must allow.
    await expect.poll(() => subscriptions.confirmedSince(0), { timeout: 15_000 }).toBe(true);
    await seedOpinions([{ name: 'Live', comment: `Under the CSP ${crypto.randomUUID()}`, willReturn: true }]);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: /new opinion/ }).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);

    // Opened by its address: the shell's inline script sends the first requests, under the CSP too.
    const subscribedBefore = subscriptions.asked();
    await page.goto(`${host.origin}${BASE}dashboard`);
    await expect.poll(() => page.locator('.stats__caption').textContent()).toMatch(/^Opinions per day, /);
    await expect.poll(() => page.locator('.opinion-card').count()).toBeGreaterThan(0);
    expect(await page.evaluate((key) => Array.isArray((window as unknown as Record<string, unknown>)[key]), EARLY_CALLS_GLOBAL)).toBe(true);
    // Once the Parse SDK has loaded (it subscribes), the page links only stylesheets it does not
    // have inline: the app's own is in the HTML, and fetching it again would restyle the whole page.
    await expect.poll(() => subscriptions.confirmedSince(subscribedBefore), { timeout: 15_000 }).toBe(true);
    const inline = await page.locator('style').allTextContents();
    const linked = await page.locator('link[rel="stylesheet"]').evaluateAll((links: HTMLLinkElement[]) => links.map((link) => link.href));
    expect(linked.length).toBeGreaterThan(0);
    for (const href of linked) expect(inline).not.toContain((await (await page.request.get(href)).text()).trim());
    expect(await cspViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the CSP is enforced: an injected inline script is refused and reported', async () => {
    const { context, page } = await watchedPage();
    await page.goto(`${host.origin}${BASE}login`);
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    await page
      .evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__injected = true;';
        document.head.append(script);
      })
      .catch(() => undefined);
    await expect.poll(() => cspViolations(page)).toEqual([expect.stringMatching(/^script-src(-elem)? inline$/)]);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    await context.close();
  });
});

describe('on a host with only the 404.html fallback (no _redirects)', () => {
  test('a deep link still renders its page', async () => {
    const { context, page, errors } = await watchedPage();
    const response = await page.goto(`${fallbackOnlyHost.origin}${BASE}login`);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    expect(await cspViolations(page)).toEqual([]);
    // Chromium reports the 404 answer itself as a console error; nothing else may appear.
    expect(errors.filter((error) => !/status of 404/.test(error))).toEqual([]);
    await context.close();
  });
});
