import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  basePath,
  contentSecurityPolicy,
  headersFile,
  inlineScriptHashes,
  inlineStyleHashes,
  parseConnectSources,
  redirectsFile,
} from '../../../build/static-host-plugin.ts';
import { headersFor, matchesPattern, parseHeadersFile, parseRedirectsFile } from '../../helpers/static-host.ts';

describe('connect-src', () => {
  test('https: the origin and its wss form, without the path', () => {
    expect(parseConnectSources('https://parseapi.back4app.com/')).toEqual(['https://parseapi.back4app.com', 'wss://parseapi.back4app.com']);
  });

  test('http on localhost: the origin with its port and the ws form', () => {
    expect(parseConnectSources('http://localhost:1337/parse')).toEqual(['http://localhost:1337', 'ws://localhost:1337']);
  });

  test('anything else is refused', () => {
    expect(() => parseConnectSources('ftp://example.com')).toThrow(/http\(s\) URL/);
    expect(() => parseConnectSources('not a url')).toThrow();
  });
});

describe('the Content-Security-Policy', () => {
  const csp = contentSecurityPolicy({ base: '/', parseServerURL: 'https://parseapi.back4app.com' });

  test('has the directives a static deployment needs, and no unsafe-inline', () => {
    const directives = csp.split('; ');
    expect(directives).toEqual(
      expect.arrayContaining([
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self' https://parseapi.back4app.com wss://parseapi.back4app.com",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ]),
    );
    expect(csp).not.toContain('unsafe');
  });

  test('inline scripts are allowed by their hash only', () => {
    const hashes = inlineScriptHashes('<script>a()</script><script type="module" src="/x.js"></script><script></script>');
    expect(hashes).toEqual([`'sha256-${createHash('sha256').update('a()').digest('base64')}'`]);
    expect(contentSecurityPolicy({ base: '/', parseServerURL: 'https://a.example', scriptHashes: hashes })).toContain(
      `script-src 'self' ${hashes[0]}`,
    );
  });

  test('inline styles are allowed by their hash only', () => {
    const hashes = inlineStyleHashes('<style>body{margin:0}</style><script>a()</script>');
    expect(hashes).toEqual([`'sha256-${createHash('sha256').update('body{margin:0}').digest('base64')}'`]);
    expect(contentSecurityPolicy({ base: '/', parseServerURL: 'https://a.example', styleHashes: hashes })).toContain(
      `style-src 'self' ${hashes[0]}`,
    );
  });
});

describe('_headers', () => {
  const rules = parseHeadersFile(headersFile({ base: '/opinions/', parseServerURL: 'https://parseapi.back4app.com' }));

  test('security headers on every path under the base, Cache-Control never set twice', () => {
    for (const path of ['/opinions/', '/opinions/login', '/opinions/assets/index-abc12345.js', '/opinions/404.html']) {
      const headers = headersFor(rules, path);
      expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
      // Hosts join a header set by two matching rules with a comma: none is.
      const names = rules.filter((rule) => matchesPattern(rule.pattern, path)).flatMap((rule) => rule.headers.map(([name]) => name));
      expect(names.length, path).toBe(new Set(names).size);
    }
    expect(headersFor(rules, '/opinions/assets/index-abc12345.js')['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/opinions/')['cache-control']).toBe('no-cache');
    expect(headersFor(rules, '/opinions/index.html')['cache-control']).toBe('no-cache');
    expect(headersFor(rules, '/elsewhere')).toEqual({});
  });
});

describe('_redirects', () => {
  test('at the root: one rewrite of everything to the shell', () => {
    expect(parseRedirectsFile(redirectsFile('/', 'spa-shell.html'))).toEqual([{ from: '/*', to: '/spa-shell.html', status: 200 }]);
  });

  test('under a sub-path: the bare base too (the router links home without the slash)', () => {
    expect(parseRedirectsFile(redirectsFile('/opinions/', 'index.html'))).toEqual([
      { from: '/opinions', to: '/opinions/index.html', status: 200 },
      { from: '/opinions/*', to: '/opinions/index.html', status: 200 },
    ]);
  });
});

test('basePath: what rules can name, from any Vite base', () => {
  expect(basePath('/')).toBe('/');
  expect(basePath('/opinions/')).toBe('/opinions/');
  expect(basePath('/opinions')).toBe('/opinions/');
  expect(basePath('./')).toBe('/');
  expect(basePath('https://cdn.example/app/')).toBe('/app/');
});

test('the test host matches patterns as Netlify and Cloudflare Pages do', () => {
  expect(matchesPattern('/opinions/*', '/opinions/dashboard/opinions/abc')).toBe(true);
  expect(matchesPattern('/opinions/*', '/other')).toBe(false);
  expect(matchesPattern('/opinions/:id', '/opinions/abc')).toBe(true);
  expect(matchesPattern('/opinions/:id', '/opinions/a/b')).toBe(false);
  expect(matchesPattern('/a.html', '/aXhtml')).toBe(false);
});

test('each language’s prerendered home is never cached either', () => {
  const rules = parseHeadersFile(headersFile({ base: '/opinions/', parseServerURL: 'https://parseapi.back4app.com' }));
  for (const path of ['/opinions/es/', '/opinions/fr/index.html', '/opinions/ar/']) {
    expect(headersFor(rules, path)['cache-control']).toBe('no-cache');
  }
});

test('the service worker and the web app manifest are never cached: a cached sw.js keeps devices on its version', () => {
  const rules = parseHeadersFile(headersFile({ base: '/opinions/', parseServerURL: 'https://parseapi.back4app.com' }));
  for (const path of ['/opinions/sw.js', '/opinions/manifest.webmanifest']) {
    expect(headersFor(rules, path)['cache-control']).toBe('no-cache');
  }
});
