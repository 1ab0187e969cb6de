/**
 * Serves a built dist/ as a static host or CDN would: Brotli (quality 11) or gzip (level 9),
 * compressed once per file,
 * long-lived caching for hashed assets, `/` from the prerendered index.html and every other
 * page from the SPA shell (the fallback), 404 for missing files. For the benchmarks.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { SPA_SHELL_FILE } from '../build/html-files.ts';

/** Content types of what a Vite build writes; the test server of tests/helpers uses them too. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt', '.map', '.webmanifest']);

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function serveDist(dist: string, options: { port?: number; host?: string } = {}): Promise<StaticServer> {
  const root = path.resolve(dist);
  const compressedFiles = new Map<string, Buffer>();

  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://static.invalid');
    let file = path.join(root, decodeURIComponent(pathname));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (pathname.endsWith('/')) file = path.join(file, 'index.html');
    else if (!path.extname(pathname)) file = path.join(root, SPA_SHELL_FILE);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const ext = path.extname(file);
    const headers: http.OutgoingHttpHeaders = {
      'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
      'cache-control': pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
    };
    let body: Buffer = fs.readFileSync(file);
    const accepted = String(req.headers['accept-encoding'] ?? '');
    // What CDNs send a browser that takes it: Brotli, else gzip.
    const encoding = !COMPRESSIBLE.has(ext) ? null : /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
    if (encoding) {
      const key = `${encoding}:${file}`;
      let compressed = compressedFiles.get(key);
      if (!compressed) {
        compressed =
          encoding === 'br'
            ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
            : zlib.gzipSync(body, { level: 9 });
        compressedFiles.set(key, compressed);
      }
      body = compressed;
      headers['content-encoding'] = encoding;
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
