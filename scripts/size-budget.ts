/**
 * The pure part of `npm run size`: which JavaScript each budget counts, read from Vite's
 * manifest and the built index.html. scripts/size.ts does the reading, gzipping and printing.
 */

import { PAGE_CHUNK, SHELL_CHUNK } from '../build/page-chunk-plugin.ts';
import { ROUTES } from '../src/app/route-manifest.ts';

/** One entry of Vite's `.vite/manifest.json` (the fields this script reads). */
export interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface HtmlScripts {
  /** `src` of module scripts and `href` of modulepreloads, as written (base included). */
  readonly files: readonly string[];
  /** The text of inline scripts (JSON data excluded). */
  readonly inline: readonly string[];
}

const ATTRIBUTE = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i');

/** What a browser fetches or runs as script for this HTML before anything else happens. */
export function scriptsOfHtml(html: string): HtmlScripts {
  const files: string[] = [];
  const inline: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? '';
    const src = ATTRIBUTE('src').exec(attributes)?.[1];
    const type = ATTRIBUTE('type').exec(attributes)?.[1]?.toLowerCase();
    if (src) files.push(src);
    else if (!type || type === 'module' || type === 'text/javascript') inline.push(match[2] ?? '');
  }
  for (const match of html.matchAll(/<link\b([^>]*)>/gi)) {
    const attributes = match[1] ?? '';
    const rel = ATTRIBUTE('rel').exec(attributes)?.[1]?.toLowerCase();
    const href = ATTRIBUTE('href').exec(attributes)?.[1];
    if (href && rel === 'modulepreload') files.push(href);
  }
  return { files, inline };
}

/** `/base/assets/x.js` → `assets/x.js`, the manifest's file names. */
export function toDistPath(url: string, base: string): string {
  const withoutOrigin = url.replace(/^https?:\/\/[^/]+/, '');
  const path = withoutOrigin.startsWith(base) ? withoutOrigin.slice(base.length) : withoutOrigin.replace(/^\.?\//, '');
  return path.replace(/[?#].*$/, '');
}

/** The manifest keys of these chunks and everything they import statically, in a stable order. */
export function withStaticImports(manifest: Manifest, keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The manifest has no chunk "${key}".`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return [...seen];
}

/** The manifest key whose chunk is this file, e.g. `assets/index-abc.js` → `index.html`. */
export function keyOfFile(manifest: Manifest, file: string): string | undefined {
  return Object.keys(manifest).find((key) => manifest[key]?.file === file);
}

/** The manifest key of the chunk the build named `name` (build/page-chunk-plugin.ts). */
function chunkNamed(manifest: Manifest, name: string): string {
  const key = Object.keys(manifest).find((candidate) => manifest[candidate]?.name === name && !manifest[candidate]?.src);
  if (!key) throw new Error(`No chunk is named ${name}.`);
  return key;
}

/** The manifest key of the dynamic entry whose source matches, e.g. the Parse SDK's. */
export function findDynamicEntry(manifest: Manifest, source: RegExp): string {
  const key = Object.keys(manifest).find((candidate) => manifest[candidate]?.isDynamicEntry && source.test(candidate));
  if (!key) throw new Error(`No lazily loaded chunk matches ${source}.`);
  return key;
}

export interface Budget {
  readonly name: string;
  readonly limitKB: number;
  /** JavaScript files (dist paths) counted, each gzipped on its own as a server sends it. */
  readonly files: readonly string[];
  /** Inline scripts counted. */
  readonly inline: readonly string[];
}

export interface BudgetResult {
  readonly name: string;
  readonly limitKB: number;
  readonly gzipKB: number;
  readonly ok: boolean;
}

export function checkBudget(budget: Budget, gzipSize: (file: string) => number, gzipText: (text: string) => number): BudgetResult {
  const bytes =
    [...new Set(budget.files)].reduce((sum, file) => sum + gzipSize(file), 0) +
    budget.inline.reduce((sum, text) => sum + gzipText(text), 0);
  const gzipKB = Math.round((bytes / 1024) * 10) / 10;
  return { name: budget.name, limitKB: budget.limitKB, gzipKB, ok: gzipKB <= budget.limitKB };
}

/**
 * The shell's own lazy parts: what the entry imports dynamically from src/app and src/queries,
 * and the chunk build/page-chunk-plugin.ts groups them in (not pages, not the SDK).
 */
export function lazyPartsOf(manifest: Manifest, entry: string): string[] {
  return (manifest[entry]?.dynamicImports ?? []).filter((key) => /^src\/(app|queries)\//.test(key) || manifest[key]?.name === SHELL_CHUNK);
}

/** A message area's catalogs, one per language (src/i18n/messages/<area>/<language>.json). */
const catalogKeys = (manifest: Manifest, area: string) =>
  Object.keys(manifest).filter((key) => new RegExp(`^src/i18n/messages/${area}/[a-z]+\\.json$`).test(key));

/** The largest file, by `size` (none of none). */
function largestOf(files: readonly string[], size: (file: string) => number): string[] {
  const [largest] = [...files].sort((a, b) => size(b) - size(a));
  return largest ? [largest] : [];
}

export const LIMITS_KB = { critical: 100, afterIdle: 210, dashboard: 250 } as const;

/**
 * The three budgets of issue 6: what `/` needs before it works (entry, its static imports and
 * modulepreloads, inline scripts, the shell's messages in the language where they are largest:
 * the prerendered form is typeable without any of it), all of
 * `/` once its page's chunks and messages and the shell's lazy parts have arrived (a visitor's opinion is
 * sent without the Parse SDK: src/parse/rest.ts), and the staff dashboard (the critical JS,
 * the SDK, the dashboard page's chunks and messages, with the inline scripts of the deep links' shell).
 */
export function budgetsOf(
  manifest: Manifest,
  indexHtml: string,
  base: string,
  shellHtml = indexHtml,
  gzipSize: (file: string) => number = () => 0,
): Budget[] {
  const html = scriptsOfHtml(indexHtml);
  const htmlFiles = html.files.map((url) => toDistPath(url, base));
  const htmlKeys = htmlFiles.map((file) => keyOfFile(manifest, file) ?? file);
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error('The manifest has no entry chunk.');
  const fileOf = (keys: readonly string[]) => keys.map((key) => manifest[key]?.file ?? key);
  const criticalKeys = withStaticImports(manifest, [entry, ...htmlKeys.filter((key) => key in manifest)]);
  // The messages the inline scripts load with the code (the shell's with the entry, a page's with
  // its chunks), in the language where each area weighs most.
  const catalogs = (areas: readonly string[]) => areas.flatMap((area) => largestOf(fileOf(catalogKeys(manifest, area)), gzipSize));
  const critical = [...fileOf(criticalKeys), ...htmlFiles.filter((file) => file.endsWith('.js')), ...catalogs(['shell'])];
  const parse = fileOf(withStaticImports(manifest, [findDynamicEntry(manifest, /node_modules\/parse\//)]));
  // Parts of the shell that load after it (the outbox, the account links), and the page of `/`.
  const shellParts = fileOf(withStaticImports(manifest, lazyPartsOf(manifest, entry)));
  const homePage = fileOf(withStaticImports(manifest, [chunkNamed(manifest, PAGE_CHUNK)]));
  const dashboard = fileOf(withStaticImports(manifest, [findDynamicEntry(manifest, /src\/pages\/dashboard-page\.tsx$/)]));
  return [
    { name: 'critical JS of /', limitKB: LIMITS_KB.critical, files: critical, inline: html.inline },
    {
      name: 'all JS of / after idle',
      limitKB: LIMITS_KB.afterIdle,
      files: [...critical, ...shellParts, ...homePage, ...catalogs(ROUTES.home.messages)],
      inline: html.inline,
    },
    {
      name: 'the /dashboard route',
      limitKB: LIMITS_KB.dashboard,
      files: [...critical, ...parse, ...dashboard, ...catalogs(ROUTES.dashboard.messages)],
      inline: scriptsOfHtml(shellHtml).inline,
    },
  ];
}
