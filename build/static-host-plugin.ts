/**
 * Makes `dist/` deployable to any static host or CDN as it is:
 *
 * - `404.html` (written by the prerender step, a copy of the finished shell) is listed here
 *   with the HTML files that are never cached.
 * - `_redirects` (Netlify, and the hosts that copied its format): every path under the base
 *   is rewritten, status 200, to the shell; files that exist are served first.
 * - `_headers` (Netlify and Cloudflare Pages format): a Content-Security-Policy that lets the
 *   page talk only to its own origin and the configured Parse Server (inline styles and
 *   scripts by their hash only), long immutable caching
 *   for the hashed assets, no-cache for the HTML, the service worker and the web app manifest,
 *   and the usual hardening headers.
 *
 * Everything is derived from the resolved config: the base path (VITE_BASE_PATH) and
 * VITE_PARSE_SERVER_URL from Vite's loaded env, the very value baked into the bundle.
 */
import crypto from 'node:crypto';
import type { Plugin, ResolvedConfig } from 'vite';
import { bundlePlugin } from './bundle-plugin.ts';
import { isLanguage, LANGUAGES } from '../src/domain/languages.ts';
import { languagePrefix } from '../src/i18n/language.ts';
import { NOT_FOUND_FILE, SERVICE_WORKER_FILE, SPA_SHELL_FILE, WEB_MANIFEST_FILE } from './html-files.ts';

export const HEADERS_FILE = '_headers';
export const REDIRECTS_FILE = '_redirects';

/**
 * The origins the page may connect to: the Parse Server (REST) and its LiveQuery WebSocket,
 * which the SDK opens on the same host with http(s) turned into ws(s).
 */
export function parseConnectSources(parseServerURL: string): string[] {
  const url = new URL(parseServerURL);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`VITE_PARSE_SERVER_URL must be an http(s) URL, got "${parseServerURL}".`);
  }
  const socket = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return [url.origin, `${socket}//${url.host}`];
}

/** sha256 sources for inline `<script>` or `<style>` elements, so that a CSP without 'unsafe-inline' allows them. */
function inlineHashes(html: string, element: 'script' | 'style'): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(new RegExp(`<${element}\\b([^>]*)>([\\s\\S]*?)</${element}>`, 'gi'))) {
    const [, attributes = '', body = ''] = match;
    if (/\bsrc\s*=/i.test(attributes) || body === '') continue;
    hashes.add(`'sha256-${crypto.createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return [...hashes].sort();
}

export const inlineScriptHashes = (html: string) => inlineHashes(html, 'script');
/** The inline-css plugin's `<style>`. */
export const inlineStyleHashes = (html: string) => inlineHashes(html, 'style');

export interface StaticHostOptions {
  /** The public base path, with leading and trailing slashes (Vite's `base`). */
  base: string;
  parseServerURL: string;
  /** Hashes of inline scripts in the HTML files, from inlineScriptHashes(). */
  scriptHashes?: readonly string[];
  /** Hashes of inline styles in the HTML files, from inlineStyleHashes(). */
  styleHashes?: readonly string[];
}

export function contentSecurityPolicy({ parseServerURL, scriptHashes = [], styleHashes = [] }: StaticHostOptions): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes].join(' '),
    ["style-src 'self'", ...styleHashes].join(' '),
    "img-src 'self' data:",
    "font-src 'self'",
    // 'self' too: Vite's modulepreload polyfill fetches chunks in browsers without modulepreload.
    `connect-src 'self' ${parseConnectSources(parseServerURL).join(' ')}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * The `_headers` file. Hosts combine the headers of every rule a path matches (Cloudflare
 * Pages joins repeated names with commas), so no header is set by two rules: the security
 * headers on every path, Cache-Control only on the assets and on the HTML files by name.
 * Deep links (rewritten to the shell) keep the host's default, which both Netlify and
 * Cloudflare Pages send as `max-age=0, must-revalidate`.
 */
export function headersFile(options: StaticHostOptions): string {
  const { base } = options;
  // Each language's prerendered `/` too (build/prerender-plugin.ts): `es/`, `es/index.html`…
  const languageHomes = Object.keys(LANGUAGES)
    .filter(isLanguage)
    .flatMap((language) => (languagePrefix(language) ? [`${base}${language}/`, `${base}${language}/index.html`] : []));
  const htmlFiles = [base, `${base}index.html`, ...languageHomes, `${base}${NOT_FOUND_FILE}`, `${base}${SPA_SHELL_FILE}`];
  // Not hashed either: a host that cached sw.js would keep every device on the version it has.
  const appFiles = [`${base}${SERVICE_WORKER_FILE}`, `${base}${WEB_MANIFEST_FILE}`];
  const rule = (path: string, headers: Record<string, string>) =>
    [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  return [
    '# Generated by build/static-host-plugin.ts at build time (Netlify / Cloudflare Pages format).',
    rule(`${base}*`, {
      'Content-Security-Policy': contentSecurityPolicy(options),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    }),
    // Hashed file names: a new build gets new names, so a cached copy is never stale.
    rule(`${base}assets/*`, { 'Cache-Control': 'public, max-age=31536000, immutable' }),
    ...[...htmlFiles, ...appFiles].map((path) => rule(path, { 'Cache-Control': 'no-cache' })),
    '',
  ].join('\n');
}

/**
 * The `_redirects` file: the SPA fallback, scoped to the base path. Under a sub-path the router
 * links home as the base without its trailing slash (`/opinions`), which no file matches.
 */
export function redirectsFile(base: string, shellFile: string): string {
  const bare = base.replace(/\/$/, '');
  return [
    '# Generated by build/static-host-plugin.ts: every app path that is not a file gets the app shell.',
    ...(bare === '' ? [] : [`${bare} ${base}index.html 200`]),
    `${base}* ${base}${shellFile} 200`,
    '',
  ].join('\n');
}

/** The base as a path: `_headers` and `_redirects` rules match paths, not URLs ('./' or 'https://cdn/x/'). */
export function basePath(base: string): string {
  if (base.startsWith('/')) return base.endsWith('/') ? base : `${base}/`;
  if (/^https?:\/\//.test(base)) return basePath(new URL(base).pathname);
  return '/';
}

/** VITE_PARSE_SERVER_URL from Vite's loaded env, trimmed; undefined when it is not set. */
export function parseServerUrlOf(config: ResolvedConfig): string | undefined {
  const value: unknown = config.env.VITE_PARSE_SERVER_URL;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Step 4 of build/html-pipeline.ts: `index.html` in the bundle is still the shell here, and the
 * prerendered shell file, when the prerender step is on, is already emitted.
 */
export function staticHostPlugin(): Plugin {
  return bundlePlugin('static-host', function (bundle, config) {
    const index = bundle['index.html'];
    if (index?.type !== 'asset') return;
    const parseServerURL = parseServerUrlOf(config);
    if (!parseServerURL) {
      // The app shows its configuration error page; there is no server to allow.
      this.warn('VITE_PARSE_SERVER_URL is not set: no _headers file written.');
    }
    const base = basePath(config.base);
    const shellFile = bundle[SPA_SHELL_FILE]?.type === 'asset' ? SPA_SHELL_FILE : 'index.html';
    this.emitFile({ type: 'asset', fileName: REDIRECTS_FILE, source: redirectsFile(base, shellFile) });
    if (!parseServerURL) return;
    const html = Object.values(bundle)
      .filter((file) => file.type === 'asset' && file.fileName.endsWith('.html'))
      .map((file) => (file.type === 'asset' ? String(file.source) : ''));
    const scriptHashes = [...new Set(html.flatMap(inlineScriptHashes))].sort();
    const styleHashes = [...new Set(html.flatMap(inlineStyleHashes))].sort();
    this.emitFile({
      type: 'asset',
      fileName: HEADERS_FILE,
      source: headersFile({ base, parseServerURL, scriptHashes, styleHashes }),
    });
  });
}
