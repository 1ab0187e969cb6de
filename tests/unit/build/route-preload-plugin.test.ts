import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { appNames, patternSource, withoutEntryTags } from '../../../build/route-preload-plugin';
import { NOT_FOUND, PRERENDERED_ROUTE, ROUTES, routeEntries, SHELL_MODULES } from '../../../src/app/route-manifest';
import { routePatterns } from '../../../src/app/paths';
import { preloadRoute, type RoutePreload } from '../../../src/app/route-preload-script';
import { preloadRouteAndCallEarly } from '../../../src/app/shell-script';
import { dashboardFirstCalls } from '../../../src/parse/dashboard-first-calls';
import { EARLY_CALLS_GLOBAL, earlyOrAsk, takeEarlyCall } from '../../../src/parse/early-calls';

const root = path.resolve(import.meta.dirname, '../../..');

describe('the route preload table', () => {
  test('every page module of the route manifest is there, for the router and the build alike', () => {
    const modules = [...routeEntries().map(([, route]) => route.module), NOT_FOUND.module, ...SHELL_MODULES];
    for (const module of modules) expect(fs.existsSync(path.join(root, module)), module).toBe(true);
    expect(ROUTES[PRERENDERED_ROUTE].pattern).toBe('/');
  });

  test('patterns match their paths, with or without a trailing slash, and nothing else', () => {
    const dashboard = new RegExp(patternSource(routePatterns.dashboard));
    const opinion = new RegExp(patternSource(routePatterns.opinion));
    expect(['/dashboard', '/dashboard/'].every((p) => dashboard.test(p))).toBe(true);
    expect(dashboard.test('/dashboard/opinions/abc')).toBe(false);
    expect(opinion.test('/dashboard/opinions/abc')).toBe(true);
    expect(opinion.test('/dashboard/opinions/')).toBe(false);
    expect(opinion.test('/dashboard/opinions/a/b')).toBe(false);
  });
});

// The inline scripts' source, run as the build compiles it (tests/unit/build/inline-script.test.ts).
describe('the inline script', () => {
  function run(pathname: string, base = '/') {
    document.head.innerHTML = '';
    window.history.replaceState(null, '', pathname);
    const routes: RoutePreload[] = [
      { pattern: patternSource('/'), mode: 'prefetch', files: ['assets/home-a.js'] },
      { pattern: patternSource('/dashboard'), mode: 'preload', files: ['assets/dashboard-a.js', 'assets/dashboard-b.css'], sdk: ['assets/parse-a.js'] },
      { pattern: patternSource('/login'), mode: 'preload', files: ['assets/login-a.js'] },
    ];
    preloadRoute({ base, assets: `https://cdn.example${base}`, routes });
    return [...document.head.querySelectorAll('link')].map((link) => [link.rel, link.getAttribute('as'), link.href, link.crossOrigin]);
  }

  test('preloads the chunks and stylesheets of the page the URL names, and the SDK where it reads with it', () => {
    expect(run('/dashboard?page=2')).toEqual([
      ['modulepreload', null, 'https://cdn.example/assets/dashboard-a.js', ''],
      ['preload', 'style', 'https://cdn.example/assets/dashboard-b.css', ''],
      ['modulepreload', null, 'https://cdn.example/assets/parse-a.js', ''],
    ]);
    expect(run('/login')).toEqual([['modulepreload', null, 'https://cdn.example/assets/login-a.js', '']]);
  });

  test('the prerendered page gets its code prefetched, after it has painted', async () => {
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 0));
    try {
      expect(run('/')).toEqual([]);
      // After the frames it waits for, however long a busy machine takes to run them.
      await vi.waitFor(() => {
        const links = [...document.head.querySelectorAll('link')].map((link) => [link.rel, link.href]);
        expect(links).toEqual([['prefetch', 'https://cdn.example/assets/home-a.js']]);
      });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  test('the prerendered page loads its entry with the messages of its language at once, and prefetches its form after it has painted', async () => {
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 0));
    try {
      document.head.innerHTML = '';
      window.history.replaceState(null, '', '/es/');
      const routes: RoutePreload[] = [{ pattern: patternSource('/'), mode: 'prefetch', files: ['assets/home-a.js'], messages: ['visitor'] }];
      const entry = ['assets/index-b.js', 'assets/runtime-c.js'] as const;
      const catalogs = { shell: { en: 'assets/en-d.js', es: 'assets/es-e.js' }, visitor: { en: 'assets/en-f.js', es: 'assets/es-g.js' } };
      const loaded = () =>
        [...document.head.children].map((element) =>
          element instanceof HTMLScriptElement ? ['script', element.type, element.getAttribute('src')] : [element.getAttribute('rel'), element.getAttribute('href')],
        );
      preloadRoute({ base: '/', assets: '/', routes, catalogs, entry });
      const atOnce = [
        ['modulepreload', '/assets/es-e.js'],
        ['modulepreload', '/assets/runtime-c.js'],
        ['script', 'module', '/assets/index-b.js'],
      ];
      expect(loaded()).toEqual(atOnce);
      await vi.waitFor(() => expect(document.head.querySelector('link[rel="prefetch"]')).not.toBeNull());
      expect(loaded()).toEqual([...atOnce, ['prefetch', '/assets/es-g.js'], ['prefetch', '/assets/home-a.js']]);
    } finally {
      vi.unstubAllGlobals();
      window.history.replaceState(null, '', '/');
    }
  });

  test('the entry loads on whatever path the page is served at, such as the base without its slash', async () => {
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 0));
    try {
      document.head.innerHTML = '';
      window.history.replaceState(null, '', '/opinions');
      preloadRoute({ base: '/opinions/', assets: '/opinions/', routes: [], entry: ['assets/index-b.js'] });
      await vi.waitFor(() => expect(document.head.querySelector('script')?.getAttribute('src')).toBe('/opinions/assets/index-b.js'));
    } finally {
      vi.unstubAllGlobals();
      window.history.replaceState(null, '', '/');
    }
  });

  test('the build takes the entry out of the prerendered page, and refuses a page that loads another script', () => {
    const html = `<head>
    <script type="module" fetchpriority="low" crossorigin src="/app/assets/index-b.js"></script>
    <link rel="modulepreload" fetchpriority="low" crossorigin href="/app/assets/runtime-c.js">
    <style>p{}</style></head>`;
    expect(withoutEntryTags(html, ['assets/index-b.js', 'assets/runtime-c.js'], '/app/')).toBe('<head>\n    <style>p{}</style></head>');
    expect(() => withoutEntryTags(html, ['assets/index-b.js'], '/app/')).toThrow(/loads a script the entry does not/);
    expect(() => withoutEntryTags(html, ['assets/index-x.js'], '/app/')).toThrow(/no script for \/app\/assets\/index-x.js/);
  });

  test('under a base path, and nothing for a path it does not know', () => {
    expect(run('/opinions/login', '/opinions/')).toEqual([['modulepreload', null, 'https://cdn.example/opinions/assets/login-a.js', '']]);
    expect(run('/elsewhere')).toEqual([]);
  });
});

describe('the calls the inline script sends for whoever is signed in', () => {
  const server = { url: 'https://api.example/parse', appId: 'app-id', javascriptKey: 'js-key' };
  const routes: RoutePreload[] = [
    { pattern: patternSource('/'), mode: 'prefetch', files: [] },
    { pattern: patternSource('/dashboard'), mode: 'preload', files: [], sdk: ['assets/parse-a.js'], first: 'dashboard' },
    { pattern: patternSource('/account'), mode: 'preload', files: [] },
  ];
  const preloaded = () => [...document.head.querySelectorAll('link')].map((link) => new URL(link.href).pathname);
  const sent: { url: string; init: RequestInit }[] = [];

  function run(pathname: string, session?: object) {
    document.head.innerHTML = '';
    localStorage.clear();
    delete (window as unknown as Record<string, unknown>)[EARLY_CALLS_GLOBAL];
    if (session) localStorage.setItem('Parse/app-id/currentUser', JSON.stringify(session));
    window.history.replaceState(null, '', pathname);
    sent.length = 0;
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
      sent.push({ url, init });
      return Promise.resolve(new Response(JSON.stringify({ result: `answer to ${url}` }), { status: 200 }));
    });
    try {
      preloadRouteAndCallEarly({ base: '/', assets: '/', routes, server });
    } finally {
      vi.unstubAllGlobals();
    }
    return sent.map(({ url, init }) => [url, JSON.parse(String(init.body)) as unknown]);
  }

  test('on the dashboard with its default filters: the session check and its first calls, as the SDK sends them', async () => {
    const keys = { _ApplicationId: 'app-id', _JavaScriptKey: 'js-key', _SessionToken: 'r:token' };
    expect(run('/dashboard', { objectId: 'u1', sessionToken: 'r:token' })).toEqual([
      ['https://api.example/parse/functions/whoami', keys],
      // Built by the dashboard's own builders; the server counts in the venue's time zone.
      ...dashboardFirstCalls().map(([path, params]) => [`https://api.example/parse/${path}`, { ...params, ...keys }]),
    ]);
    expect(sent.every(({ init }) => init.method === 'POST' && new Headers(init.headers).get('content-type') === 'text/plain')).toBe(true);

    // The app takes them by their session, with the params they were sent with.
    expect(takeEarlyCall('functions/whoami', 'r:other')).toBeUndefined();
    const never = () => Promise.reject(new Error('asked the server'));
    const whoami = { path: 'functions/whoami', params: {}, sessionToken: 'r:token', read: (body: Record<string, unknown>) => body.result, ask: never };
    await expect(earlyOrAsk(whoami)).resolves.toEqual({ value: 'answer to https://api.example/parse/functions/whoami', asAsked: true });
    const [visitPath, visitParams] = dashboardFirstCalls()[0]!;
    expect(takeEarlyCall(visitPath, 'r:token')?.params).toEqual(visitParams);
  });

  test('the first calls sent, the page needs no SDK to show itself: it is not preloaded', () => {
    run('/dashboard', { sessionToken: 'r:token' });
    expect(preloaded()).toEqual([]);
    run('/dashboard');
    expect(preloaded()).toEqual(['/assets/parse-a.js']);
  });

  test('with filters in the URL, only the session check: the page asks for the rest itself, with the SDK', () => {
    expect(run('/dashboard?return=yes', { sessionToken: 'r:token' }).map(([url]) => url)).toEqual(['https://api.example/parse/functions/whoami']);
    expect(preloaded()).toEqual(['/assets/parse-a.js']);
    expect(run('/account', { sessionToken: 'r:token' }).map(([url]) => url)).toEqual(['https://api.example/parse/functions/whoami']);
  });

  test('nothing for nobody signed in, a stored user without a session, the prerendered page or a build without a server', () => {
    expect(run('/dashboard')).toEqual([]);
    expect(run('/dashboard', { objectId: 'u1' })).toEqual([]);
    expect(run('/', { sessionToken: 'r:token' })).toEqual([]);
    localStorage.setItem('Parse/app-id/currentUser', '{not json');
    expect(() => preloadRouteAndCallEarly({ base: '/', assets: '/', routes, server })).not.toThrow();
    expect((window as unknown as Record<string, unknown>)[EARLY_CALLS_GLOBAL]).toBeUndefined();
    localStorage.setItem('Parse/app-id/currentUser', JSON.stringify({ sessionToken: 'r:token' }));
    window.history.replaceState(null, '', '/dashboard');
    preloadRouteAndCallEarly({ base: '/', assets: '/', routes });
    expect((window as unknown as Record<string, unknown>)[EARLY_CALLS_GLOBAL]).toBeUndefined();
  });
});

describe('the inline script, in a language', () => {
  test('a deep link in Spanish preloads the Spanish shell messages and its page’s own with its page, and marks <html> Spanish', () => {
    document.head.innerHTML = '';
    window.history.replaceState(null, '', '/es/login');
    const routes: RoutePreload[] = [{ pattern: patternSource('/login'), mode: 'preload', files: ['assets/login-a.js'], messages: ['accounts'] }];
    const catalogs = { shell: { en: 'assets/en-a.js', es: 'assets/es-a.js' }, accounts: { en: 'assets/en-b.js', es: 'assets/es-b.js' }, staff: { es: 'assets/es-c.js' } };
    preloadRoute({ base: '/', assets: '/', routes, catalogs });
    const links = [...document.head.querySelectorAll('link')].map((link) => new URL(link.href).pathname);
    expect(links).toEqual(['/assets/es-a.js', '/assets/es-b.js', '/assets/login-a.js']);
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['es', 'ltr']);
  });

  test('a deep link in Arabic is titled with the app’s Arabic name until its page sets its own title', () => {
    document.title = 'Visitor Opinions';
    window.history.replaceState(null, '', '/ar/dashboard');
    const routes: RoutePreload[] = [{ pattern: patternSource('/dashboard'), mode: 'preload', files: [] }];
    preloadRoute({ base: '/', assets: '/', routes, titles: appNames(path.resolve(import.meta.dirname, '../../..')) });
    expect(document.title).toBe('آراء الزوار');
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['ar', 'rtl']);
  });
});
