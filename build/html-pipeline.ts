/**
 * The build's HTML pipeline: this project's plugins, in the order they run on the client
 * bundle's HTML once Vite's own HTML plugin has written the pages (each `enforce: 'post'`,
 * so Vite runs them in the order of this list).
 */
import type { Plugin } from 'vite';
import { inlineCssPlugin } from './inline-css-plugin.ts';
import { prerenderPlugin } from './prerender-plugin.ts';
import { routePreloadPlugin } from './route-preload-plugin.ts';
import { staticHostPlugin } from './static-host-plugin.ts';

export function htmlPipeline(): Plugin[] {
  return [
    // 1. The app's stylesheet into the pages: the steps below copy and hash what it leaves.
    inlineCssPlugin(),
    // 2. index.html copied into the deep links' shell (spa-shell.html); once the bundle is
    //    written, the prerendered `/` and shell go into them, and 404.html is the shell's copy.
    prerenderPlugin(),
    // 3. Each page's inline scripts, compiled from src/: index.html gets what `/` needs, the
    //    shell what the other pages do.
    routePreloadPlugin(),
    // 4. Last, as it hashes the inline scripts and styles the steps above left: _headers
    //    (CSP) and _redirects.
    staticHostPlugin(),
  ];
}
