/**
 * Every page is a lazy chunk, asked for only once the entry script has arrived and run: on a
 * phone's network, one more round trip before a deep link (the dashboard, above all) can show
 * anything. So the shell carries a small inline script (allowed by its hash in the CSP, like
 * the stylesheet) that, before any other script runs, preloads the chunks and stylesheets of
 * the page the URL names, and the Parse SDK that every page but `/` needs.
 * `/` is prerendered and typeable without them: its entry script is not in its HTML but added by
 * that script (low priority, in the page's language), and its form's code prefetched once the
 * page has painted; the form sends without the SDK (src/parse/rest.ts).
 *
 * When someone is signed in on the device, the same script sends the page's first requests
 * too (src/parse/early-calls.ts): the session check on every deep link, and the dashboard's
 * visit (which carries its first stats) and first page when it opens with its default filters.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin, ResolvedConfig, Rolldown } from 'vite';
import { bundlePlugin } from './bundle-plugin.ts';
import { PRERENDERED_ROUTE, QUERY_ROOT_MODULE, ROUTES, routeEntries, SHELL_MODULES } from '../src/app/route-manifest.ts';
import type { CatalogFiles, RoutePreload, ShellScriptData } from '../src/app/route-preload-script.ts';
import type { MessageArea } from '../src/i18n/i18n.ts';
import { isLanguage, type Language } from '../src/domain/languages.ts';
import type { ParseServer } from '../src/parse/wire.ts';
import { compileInlineScript } from './inline-script.ts';
import { SPA_SHELL_FILE } from './html-files.ts';
import { basePath, parseServerUrlOf } from './static-host-plugin.ts';

type Chunk = Rolldown.OutputChunk;

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
    chunk.viteMetadata?.importedCss.forEach((css) => seen.add(css));
  };
  visit(start.fileName);
  return [...seen];
}

/** The chunk whose module is `modulePath` (relative to the root: a page, or a package's folder under node_modules). */
function chunkOf(bundle: Rolldown.OutputBundle, root: string, modulePath: string): Chunk {
  // Through symlinks (a node_modules linked from another checkout), as the bundler names modules.
  const wanted = fs.realpathSync(path.join(root, modulePath)) + (modulePath.endsWith('/') ? '/' : '');
  const isWanted = (id: string | null) => (modulePath.endsWith('/') ? id?.startsWith(wanted) : id === wanted);
  // The chunk it is the facade of, or the one a chunking group put it in (vite.config.ts).
  const chunk =
    chunksOf(bundle).find((candidate) => isWanted(candidate.facadeModuleId)) ??
    chunksOf(bundle).find((candidate) => candidate.moduleIds.some(isWanted));
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
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : escapeRegExp(segment)))
    .join('/');
  return `^${escaped}/?$`;
}

export const SHELL_SCRIPT_MODULE = 'src/app/shell-script.ts';
export const ROUTE_PRELOAD_MODULE = 'src/app/route-preload-script.ts';
export const SEND_CAPTURE_MODULE = 'src/app/send-capture-script.ts';

/** The inline script of a page whose table is `data.routes` (src/app/shell-script.ts, compiled). */
export function routePreloadScript(root: string, data: ShellScriptData): Promise<string> {
  // Only where some page is preloaded: `/` sends none, and gets no code to send.
  const { server, ...table } = data;
  if (server === undefined || !data.routes.some((route) => route.mode === 'preload')) {
    return compileInlineScript(root, ROUTE_PRELOAD_MODULE, 'preloadRoute', table);
  }
  return compileInlineScript(root, SHELL_SCRIPT_MODULE, 'preloadRouteAndCallEarly', data);
}

/** The server and keys the bundle was built with, when they are all set (else the app shows its configuration error). */
function earlyCallServer(config: ResolvedConfig): ParseServer | undefined {
  const url = parseServerUrlOf(config);
  const [appId, javascriptKey] = ['VITE_PARSE_APP_ID', 'VITE_PARSE_JS_KEY'].map((name) => {
    const value: unknown = config.env[name];
    return typeof value === 'string' ? value.trim() : '';
  });
  if (!url || !appId || !javascriptKey || !/^https?:\/\//.test(url)) return undefined;
  return { url: url.replace(/\/+$/, ''), appId, javascriptKey };
}

const CATALOG = /\/src\/i18n\/messages\/([a-z]+)\/([a-z]+)\.json$/;

/** The chunk of each language's messages of `areas` (src/i18n/i18n.ts loads them before the app renders a page). */
export function catalogFiles(bundle: Rolldown.OutputBundle, areas: readonly MessageArea[]): CatalogFiles {
  const catalogs: CatalogFiles = {};
  for (const chunk of chunksOf(bundle)) {
    const [, area, language] = CATALOG.exec(chunk.facadeModuleId ?? '') ?? [];
    const wanted = areas.find((candidate) => candidate === area);
    if (wanted && isLanguage(language)) catalogs[wanted] = { ...catalogs[wanted], [language]: chunk.fileName };
  }
  return catalogs;
}

/** The message areas `routes` load: the shell's, then their pages' own. */
function messageAreas(routes: readonly RoutePreload[]): MessageArea[] {
  return [...new Set<MessageArea>(['shell', ...routes.flatMap((route) => route.messages ?? [])])];
}

/**
 * `html` without the entry's script tag and the modulepreloads Vite wrote for it; throws when
 * they are not there as expected (a change in how Vite writes them).
 */
export function withoutEntryTags(html: string, entry: readonly string[], assets: string): string {
  let rest = html;
  for (const [index, file] of entry.entries()) {
    const url = escapeRegExp(assets + file);
    const tag =
      index === 0
        ? new RegExp(`<script type="module"[^>]*\\ssrc="${url}"[^>]*></script>\\s*`)
        : new RegExp(`<link rel="modulepreload"[^>]*\\shref="${url}"[^>]*>\\s*`);
    if (!tag.test(rest)) throw new Error(`index.html has no ${index === 0 ? 'script' : 'modulepreload'} for ${assets + file}.`);
    rest = rest.replace(tag, '');
  }
  if (/<script type="module"[^>]*\ssrc=|<link rel="modulepreload"/.test(rest)) throw new Error('index.html loads a script the entry does not.');
  return rest;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The entry chunk, then the JavaScript it imports statically. */
function entryFiles(bundle: Rolldown.OutputBundle): [string, ...string[]] {
  const entry = entryChunk(bundle);
  return [entry.fileName, ...withStaticImports(bundle, entry).filter((file) => file !== entry.fileName && file.endsWith('.js'))];
}

/** The app's name in each language (the shell messages' `app.name`): the deep links' first title. */
export function appNames(root: string): Partial<Record<Language, string>> {
  const names: Partial<Record<Language, string>> = {};
  const dir = path.join(root, 'src/i18n/messages/shell');
  for (const file of fs.readdirSync(dir)) {
    const language = path.basename(file, '.json');
    const catalog: unknown = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    const name = typeof catalog === 'object' && catalog !== null && 'app.name' in catalog ? catalog['app.name'] : undefined;
    if (isLanguage(language) && typeof name === 'string') names[language] = name;
  }
  return names;
}

/** Step 3 of build/html-pipeline.ts: index.html (the prerendered `/`) gets only what `/` needs, the shell what the other pages do. */
export function routePreloadPlugin(): Plugin {
  return bundlePlugin('route-preload', async (bundle, config) => {
    const index = bundle['index.html'];
    if (index?.type !== 'asset') return;
    const prerendered = ROUTES[PRERENDERED_ROUTE];
    const entry = entryFiles(bundle);
    const home: RoutePreload = {
      pattern: patternSource(prerendered.pattern),
      mode: 'prefetch',
      // Its stylesheets are in the page already (inline-css-plugin).
      files: filesBeyondEntry(bundle, config.root, [prerendered.module, QUERY_ROOT_MODULE]).filter((file) => file.endsWith('.js')),
      messages: prerendered.messages,
    };
    const deepLinks = routeEntries()
      .filter(([id]) => id !== PRERENDERED_ROUTE)
      .map(([, route]): RoutePreload => {
        const files = filesBeyondEntry(bundle, config.root, [route.module, QUERY_ROOT_MODULE, ...(route.preloads ?? []), ...SHELL_MODULES]);
        const sdk = filesBeyondEntry(bundle, config.root, [PARSE_SDK_MODULE]).filter((file) => !files.includes(file));
        return {
          pattern: patternSource(route.pattern),
          mode: 'preload',
          files,
          messages: route.messages,
          ...(route.readsWithSdk ? { sdk } : {}),
          ...(route.first ? { first: route.first } : {}),
        };
      });
    const server = earlyCallServer(config);
    const titles = appNames(config.root);
    const addScript = async (page: Rolldown.OutputAsset, routes: readonly RoutePreload[], entry?: ShellScriptData['entry']) => {
      const data: ShellScriptData = {
        base: basePath(config.base),
        assets: config.base,
        routes,
        catalogs: catalogFiles(bundle, messageAreas(routes)),
        ...(server ? { server } : {}),
        ...(entry ? { entry } : {}),
        titles,
      };
      const script = `<script>${await routePreloadScript(config.root, data)}</script>`;
      // Before the entry script: its request is on its way, and these join it.
      page.source = String(page.source).replace('</head>', () => `  ${script}\n  </head>`);
    };
    // The prerendered form's Send, clicked before the app's code has run (src/app/send-capture-script.ts).
    const capture = `<script>${await compileInlineScript(config.root, SEND_CAPTURE_MODULE, 'captureEarlySends')}</script>`;
    index.source = String(index.source).replace('</head>', () => `  ${capture}\n  </head>`);
    const shell = bundle[SPA_SHELL_FILE];
    if (shell?.type === 'asset') {
      index.source = withoutEntryTags(String(index.source), entry, config.base);
      await Promise.all([addScript(index, [home], entry), addScript(shell, deepLinks)]);
    } else {
      // One page for every route (no prerendering): it keeps its entry script.
      await addScript(index, [home, ...deepLinks]);
    }
  });
}
