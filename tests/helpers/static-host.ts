/**
 * A plain static host for browser tests, reading the built `dist/` as Netlify or Cloudflare
 * Pages would: files first, then the `_redirects` rewrites (status 200), then `404.html`
 * with status 404; every response gets the headers of each `_headers` rule its path matches.
 * Nothing here knows the app: if the build's files are wrong, the tests see it.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { CONTENT_TYPES } from '../../scripts/static-server.ts';

export interface HeaderRule {
  pattern: string;
  headers: [name: string, value: string][];
}

export interface RedirectRule {
  from: string;
  to: string;
  status: number;
}

/** Parses the `_headers` format: a path line, then indented `Name: value` lines; `#` comments. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const current = rules.at(-1);
    const colon = line.indexOf(':');
    if (!current || colon < 0) throw new Error(`_headers: a header line outside a rule or without a colon: "${line}"`);
    current.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** Parses the `_redirects` format: `from to [status]` per line; `#` comments. */
export function parseRedirectsFile(text: string): RedirectRule[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [from, to, status = '301'] = line.split(/\s+/);
      if (!from || !to) throw new Error(`_redirects: "${line}" needs a source and a target.`);
      return { from, to, status: Number.parseInt(status, 10) };
    });
}

/** `*` matches anything (slashes included), `:name` one path segment; the rest literally. */
export function matchesPattern(pattern: string, pathname: string): boolean {
  const regex = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${regex}$`).test(pathname);
}

/** The headers of every rule the path matches; a name set by several rules is joined with commas. */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    if (!matchesPattern(rule.pattern, pathname)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
    }
  }
  return headers;
}

export interface StaticHost {
  /** The origin, without a trailing slash. */
  readonly origin: string;
  close(): Promise<void>;
}

function readOptional(file: string): string {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}

/**
 * Serves `dist` on 127.0.0.1 under `mount` (the app's base path, as if dist/ had been uploaded
 * into that folder of the site; `_headers` and `_redirects` already name full paths).
 * `redirects: false` ignores `_redirects`, as GitHub Pages or an S3 bucket would, so that
 * unknown paths get `404.html`.
 */
export async function serveStaticHost(
  dist: string,
  options: { mount?: string; redirects?: boolean } = {},
): Promise<StaticHost> {
  const root = path.resolve(dist);
  const mount = options.mount ?? '/';
  const headerRules = parseHeadersFile(readOptional(path.join(root, '_headers')));
  const redirectRules = options.redirects === false ? [] : parseRedirectsFile(readOptional(path.join(root, '_redirects')));

  const fileAt = (pathname: string): string | undefined => {
    if (!pathname.startsWith(mount)) return undefined;
    const inside = pathname.slice(mount.length);
    // Hosts never serve their own configuration files.
    if (inside === '_headers' || inside === '_redirects') return undefined;
    const file = path.join(root, inside === '' || inside.endsWith('/') ? `${inside}index.html` : inside);
    if (!file.startsWith(root + path.sep)) return undefined;
    return fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
  };

  const server = http.createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://host.invalid').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let status = 200;
    let file = fileAt(pathname);
    if (!file) {
      const rewrite = redirectRules.find((rule) => rule.status === 200 && matchesPattern(rule.from, pathname));
      file = rewrite ? fileAt(rewrite.to) : undefined;
    }
    if (!file) {
      status = 404;
      file = fileAt(`${mount}404.html`);
    }
    const headers: http.OutgoingHttpHeaders = { ...headersFor(headerRules, pathname) };
    if (!file) {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const body = fs.readFileSync(file);
    headers['content-type'] = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    headers['content-length'] = body.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
