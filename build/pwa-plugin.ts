/**
 * The service worker and the web app manifest (vite-plugin-pwa, Workbox's generateSW):
 * docs/decisions/0024-service-worker-with-vite-plugin-pwa.md says why and what it may serve.
 *
 * - Precached: every page and script of the build, so that the kiosk and the visitor's form
 *   load with the network down. Not 404.html (the shell's copy) nor source maps.
 * - Navigations: a prerendered page (`/`, `/es/`…) gets its own file from the precache, any
 *   other app path the SPA shell. A navigation to `/parse` is the API's, never the app's.
 * - Nothing else: no runtime caching, so the Parse API (any origin) always goes to the network,
 *   where the outbox sends each opinion exactly once.
 * - A new version waits (`registerType: 'prompt'`: no skipWaiting); the page says when it is
 *   taken (src/device/service-worker.ts), and registers the worker itself once idle
 *   (`injectRegister: null`), so that nothing is added to the critical path.
 */
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { NOT_FOUND_FILE, SERVICE_WORKER_FILE, SPA_SHELL_FILE, WEB_MANIFEST_FILE } from './html-files.ts';

/** src/app/styles.css's --color-primary and --color-bg. */
const THEME_COLOR = '#1d4f91';
const BACKGROUND_COLOR = '#f6f7f9';

/** Paths of the Parse API under the app's origin (a host may proxy it there): never the worker's. */
export const PARSE_API_PATHS = /^[^?]*\/parse(\/|\?|$)/;

export function pwaPlugin(): Plugin[] {
  return VitePWA({
    strategies: 'generateSW',
    filename: SERVICE_WORKER_FILE,
    manifestFilename: WEB_MANIFEST_FILE,
    injectRegister: null,
    registerType: 'prompt',
    // The worker's files are written after the prerender step's closeBundle, so that they list its pages.
    integration: { closeBundleOrder: 'post' },
    manifest: {
      name: 'Visitor Opinions',
      short_name: 'Opinions',
      description: 'Tell us about your visit: leave your opinion in a minute, with or without your name.',
      // Relative to the manifest, which sits at the base path: the visitor's form.
      start_url: './',
      scope: './',
      display: 'standalone',
      theme_color: THEME_COLOR,
      background_color: BACKGROUND_COLOR,
      // What a venue's tablet opens from the icon (docs/architecture.md, "Offline").
      shortcuts: [{ name: 'Kiosk', url: './kiosk', icons: [{ src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' }] }],
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
      globIgnores: [NOT_FOUND_FILE, '**/*.map', '.vite/**'],
      navigateFallback: SPA_SHELL_FILE,
      navigateFallbackDenylist: [PARSE_API_PATHS],
      // A query (`?lang=es`, `?next=…`) does not change a page's file: `/?lang=es` is still the prerendered `/`.
      ignoreURLParametersMatching: [/.*/],
      cleanupOutdatedCaches: true,
      // One file, sw.js, that hosts must not cache (build/static-host-plugin.ts): no workbox-<hash>.js beside it.
      inlineWorkboxRuntime: true,
      sourcemap: false,
    },
  });
}
