/**
 * Every page is a lazy chunk, asked for only once the entry script has arrived and run: on a
 * phone's network, one more round trip before a deep link (the dashboard, above all) can show
 * anything. So the shell carries a small inline script (allowed by its hash in the CSP, like
 * the stylesheet) that, before any other script runs, preloads the chunks and stylesheets of
 * the page the URL names, and the Parse SDK that every page but `/` needs for the session.
 * `/` is prerendered and typeable without them: its form's code and the SDK that sending needs
 * are prefetched (low priority) once the page has painted, so they never delay that paint.
 */
import path from 'node:path';
import type { Plugin, Rolldown } from 'vite';
import { bundlePlugin } from './bundle-plugin.ts';
import { routePatterns } from '../src/app/paths.ts';
import { basePath } from './static-host-plugin.ts';

/** The page prerendered at `/` (src/app/routes.tsx): a lazy chunk, hydrated when it arrives. */
export const HOME_PAGE_MODULE = 'src/pages/feedback-page.tsx';

/**
 * The page module each route renders (the lazy imports of src/app/routes.tsx: a unit test keeps
 * the two in step), then what else that page loads lazily at once: the dashboard's chart. The
 * not-found page has no pattern of its own.
 */
export const ROUTE_MODULES: Readonly<Record<Exclude<keyof typeof routePatterns, 'home'>, readonly [string, ...string[]]>> = {
  login: ['src/pages/login-page.tsx'],
  signup: ['src/pages/signup-page.tsx'],
  resetPassword: ['src/pages/reset-password-page.tsx'],
  verifyEmail: ['src/pages/verify-email-page.tsx'],
  account: ['src/pages/account-page.tsx'],
  dashboard: ['src/pages/dashboard-page.tsx', 'src/components/dashboard/per-day-chart.tsx'],
  opinion: ['src/pages/opinion-page.tsx'],
};

/** What every page loads lazily after the shell (src/app/layout.tsx). */
const SHELL_MODULES = ['src/app/account-links.tsx', 'src/queries/outbox.ts'];

type Chunk = Rolldown.OutputChunk & { viteMetadata?: { importedCss: Set<string> } };

function chunksOf(bundle: Rolldown.OutputBundle): Chunk[] {
  return Object.values(bundle).filter((file): file is Chunk => file.type === 'chunk');
}

function entryChunk(bundle: Rolldown.OutputBundle): Chunk {
  const entry = chunksOf(bundle).find((chunk) => chunk.isEntry);
  if (!entry) throw new Error('The bundle has no entry chunk.');
  return entry;
}

/** A chunk and everything it imports statically: its JavaScript files and their stylesheets. */
function withStaticImports(bundle: Rolldown.OutputBundle, start: Chunk): string[] {
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    const chunk = bundle[fileName];
    if (chunk?.type !== 'chunk') return;
    chunk.imports.forEach(visit);
    (chunk as Chunk).viteMetadata?.importedCss.forEach((css) => seen.add(css));
  };
  visit(start.fileName);
  return [...seen];
}

/** The chunk whose module is `modulePath` (relative to the root: a page, or a package's folder under node_modules). */
function chunkOf(bundle: Rolldown.OutputBundle, root: string, modulePath: string): Chunk {
  const wanted = path.join(root, modulePath);
  const chunk = chunksOf(bundle).find((candidate) =>
    modulePath.endsWith('/') ? candidate.facadeModuleId?.startsWith(wanted) : candidate.facadeModuleId === wanted,
  );
  if (!chunk) throw new Error(`No chunk for ${modulePath} in the bundle.`);
  return chunk;
}

export const PARSE_SDK_MODULE = 'node_modules/parse/';

/**
 * The files that loading `modules` needs beyond what the entry loads anyway (that one is in the
 * HTML already), in a stable order and each once.
 */
export function filesBeyondEntry(bundle: Rolldown.OutputBundle, root: string, modules: readonly string[]): string[] {
  const loaded = new Set(withStaticImports(bundle, entryChunk(bundle)));
  const files = new Set(modules.flatMap((module) => withStaticImports(bundle, chunkOf(bundle, root, module))));
  return [...files].filter((file) => !loaded.has(file));
}

/** A route pattern (`/dashboard/opinions/:id`) as a regular expression's source over the path inside the base. */
export function patternSource(pattern: string): string {
  const escaped = pattern
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return `^${escaped}/?$`;
}

/** `preload`: needed to show the page, now; `prefetch`: needed soon, once the page has painted. */
export type RoutePreload = readonly [patternSource: string, files: readonly string[], mode: 'preload' | 'prefetch'];

/**
 * The inline script. `base`: the path the app is served under (`/`, `/opinions/`); `assets`:
 * where its files are (Vite's `base`, a CDN's URL perhaps).
 */
export function routePreloadScript(base: string, assets: string, routes: readonly RoutePreload[]): string {
  return `(function (base, assets, routes) {
  var path = location.pathname.indexOf(base) === 0 ? location.pathname.slice(base.length - 1) : location.pathname;
  function add(files, prefetch) {
    files.forEach(function (file) {
      var link = document.createElement('link');
      if (prefetch) link.rel = 'prefetch';
      else if (/\\.css$/.test(file)) { link.rel = 'preload'; link.setAttribute('as', 'style'); }
      else link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.setAttribute('fetchpriority', 'low');
      link.href = assets + file;
      document.head.appendChild(link);
    });
  }
  for (var i = 0; i < routes.length; i++) {
    var route = routes[i];
    if (!new RegExp(route[0]).test(path)) continue;
    if (route[2] === 'prefetch') requestAnimationFrame(function () { setTimeout(function () { add(route[1], true); }); });
    else add(route[1], false);
    return;
  }
})(${JSON.stringify(base)}, ${JSON.stringify(assets)}, ${JSON.stringify(routes)});`;
}

/** Listed before the prerender and static-host plugins: they copy and hash the HTML it leaves. */
export function routePreloadPlugin(): Plugin {
  return bundlePlugin('route-preload', (bundle, config) => {
    const index = bundle['index.html'];
    if (index?.type !== 'asset') return;
    const routes: RoutePreload[] = [
      [
        patternSource(routePatterns.home),
        // Its stylesheets are in the page already (inline-css-plugin).
        filesBeyondEntry(bundle, config.root, [HOME_PAGE_MODULE, PARSE_SDK_MODULE]).filter((file) => file.endsWith('.js')),
        'prefetch',
      ],
      ...(Object.keys(ROUTE_MODULES) as (keyof typeof ROUTE_MODULES)[]).map(
        (route): RoutePreload => [
          patternSource(routePatterns[route]),
          filesBeyondEntry(bundle, config.root, [...ROUTE_MODULES[route], ...SHELL_MODULES, PARSE_SDK_MODULE]),
          'preload',
        ],
      ),
    ];
    const script = `<script>${routePreloadScript(basePath(config.base), config.base, routes)}</script>`;
    // Before the entry script: its request is on its way, and these join it.
    index.source = String(index.source).replace('</head>', () => `  ${script}\n  </head>`);
  });
}
