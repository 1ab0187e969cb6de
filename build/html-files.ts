/** The HTML files the build writes besides index.html, named once for the plugins that make and serve them. */

/**
 * What a deep link such as /login must get (a static host's fallback, `vite preview` here): the
 * shell with the header and a page on its way (build/prerender-plugin.ts).
 */
export const SPA_SHELL_FILE = 'spa-shell.html';

/** The same shell, for hosts that answer unknown paths with `404.html` (GitHub Pages, S3 + CloudFront, Cloudflare Pages). */
export const NOT_FOUND_FILE = '404.html';

/** The service worker (build/pwa-plugin.ts): hosts must revalidate it, or a new version reaches nobody. */
export const SERVICE_WORKER_FILE = 'sw.js';

/** The web app manifest (build/pwa-plugin.ts). */
export const WEB_MANIFEST_FILE = 'manifest.webmanifest';
