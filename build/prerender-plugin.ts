/**
 * Prerenders the visitor's form (`/`) into index.html at build time, for `vite build` and for
 * every build() that loads vite.config.ts (the browser tests' global setup does).
 *
 * - SPA_SHELL_FILE is what a deep link such as /login must get (a static host's fallback,
 *   `vite preview` here): the shell with the header and a page on its way, so that another page
 *   does not show the form for a moment before its own, and the header is there at first paint.
 * - After the client build is written, the SSR entry (src/app/prerender.tsx) is built for Node
 *   into a throwaway folder, imported, and its HTML for `/` and for that shell goes into their
 *   `<div id="root">`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import type { Prerendered } from '../src/app/prerender';
import { DEFAULT_LANGUAGE, LANGUAGE_CODES, LANGUAGES, type Language } from '../src/domain/languages.ts';
import { languagePrefix } from '../src/i18n/language.ts';
import { SHELL_LANGUAGE_ATTRIBUTE } from '../src/app/shell-language-script.ts';
import { catalogsPlugin } from './catalogs-plugin.ts';
import { compileInlineScript } from './inline-script.ts';
import { NOT_FOUND_FILE, SPA_SHELL_FILE } from './html-files.ts';


const SSR_ENTRY = 'src/app/prerender.tsx';
const ROOT_DIV = '<div id="root"></div>';

/**
 * Both prerendered pages are painted from their HTML alone: their scripts make the form work,
 * or bring the page the URL names. The browser is told so (`fetchpriority="low"`, as the route
 * preloader does for the page's chunks), so that nothing it schedules puts them before the
 * paint; among themselves they keep their order.
 */
function scriptsAtLowPriority(html: string): string {
  return html.replace(/<(script type="module"|link rel="modulepreload")(?![^>]*fetchpriority)/g, '<$1 fetchpriority="low"');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export function insertPrerendered(shell: string, page: Prerendered): string {
  if (!shell.includes(ROOT_DIV)) throw new Error(`index.html has no ${ROOT_DIV} to prerender into.`);
  let html = scriptsAtLowPriority(shell).replace(ROOT_DIV, () => `<div id="root">${page.html}</div>`);
  if (page.title !== null) html = html.replace(/<title>[^<]*<\/title>/, () => `<title>${page.title}</title>`);
  html = html.replace(/<meta name="description" content="[^"]*"/, () => `<meta name="description" content="${escapeAttribute(page.description)}"`);
  return html;
}

/** The page in `language`: its `<html lang dir>` (its inline script loads its messages with the entry). */
export function inLanguage(html: string, language: Language): string {
  return html.replace(/<html[^>]*>/, () => `<html lang="${language}" dir="${LANGUAGES[language].dir}">`);
}

/** Where each language's prerendered `/` is written in dist/: index.html, es/index.html… */
export function homeFileOf(language: Language): string {
  return `${languagePrefix(language).slice(1)}${languagePrefix(language) ? '/' : ''}index.html`;
}

/**
 * The shell in every language in one: the default language's markup, each other's in a
 * template that the shell's inline script puts in its place (src/app/shell-language-script.ts).
 * Its language links, rendered at no page's path, become links to this page in that language,
 * which the head's script turns into its path in the language (src/i18n/language-script.ts).
 */
export function shellInEveryLanguage(shells: ReadonlyMap<Language, Prerendered>): Prerendered {
  const shell = shells.get(DEFAULT_LANGUAGE);
  if (!shell) throw new Error('No shell in the default language.');
  const links = (html: string) => html.replace(/href="[^"]*\?(lang=[a-z]+)"/g, 'href="?$1"');
  const templates = [...shells]
    .filter(([language]) => language !== DEFAULT_LANGUAGE)
    .map(([language, { html }]) => `<template ${SHELL_LANGUAGE_ATTRIBUTE}="${language}">${links(html)}</template>`);
  return { ...shell, html: links(shell.html) + templates.join('') };
}

/** The shell's HTML with the script that shows it in the page's language, right after its root. */
export async function withShellLanguageScript(html: string, root: string): Promise<string> {
  if (!html.includes(ROOT_DIV)) throw new Error(`index.html has no ${ROOT_DIV} to prerender into.`);
  const script = await compileInlineScript(root, 'src/app/shell-language-script.ts', 'showShellInLanguage');
  return html.replace(ROOT_DIV, () => `${ROOT_DIV}\n    <script>${script}</script>`);
}

async function renderPages(config: ResolvedConfig): Promise<{ homes: Map<Language, Prerendered>; shell: Prerendered } | null> {
  // Inside the project, so that Node resolves the SSR bundle's external packages from node_modules.
  const outDir = fs.mkdtempSync(path.join(config.root, 'node_modules', '.prerender-'));
  try {
    await build({
      configFile: false,
      root: config.root,
      base: config.base,
      mode: config.mode,
      envDir: config.envDir,
      logLevel: 'warn',
      plugins: [react(), catalogsPlugin()],
      build: { ssr: SSR_ENTRY, outDir, emptyOutDir: true, sourcemap: false, copyPublicDir: false, minify: false },
    });
    const entry = path.join(outDir, 'prerender.js');
    const { prerender, prerenderShell } = (await import(pathToFileURL(entry).href)) as {
      prerender: (language: Language, path: string) => Promise<Prerendered | null>;
      prerenderShell: (language: Language) => Promise<Prerendered | null>;
    };
    // One language at a time: the messages are the active language's.
    const homes = new Map<Language, Prerendered>();
    for (const language of LANGUAGE_CODES) {
      const home = await prerender(language, '/');
      if (!home) return null;
      homes.set(language, home);
    }
    const shells = new Map<Language, Prerendered>();
    for (const language of LANGUAGE_CODES) {
      const shell = await prerenderShell(language);
      if (!shell) return null;
      shells.set(language, shell);
    }
    return { homes, shell: shellInEveryLanguage(shells) };
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

/** The shell for deep links: in `vite preview`, every HTML navigation but `/` gets it. */
function servesShellForDeepLinks(base: string, outDir: string) {
  return (req: { url?: string; headers: { accept?: string } }, _res: unknown, next: () => void) => {
    const url = new URL(req.url ?? '/', 'http://preview.invalid');
    const isPage = req.headers.accept?.includes('text/html') && !path.extname(url.pathname);
    const inBase = url.pathname.startsWith(base) ? url.pathname.slice(base.length - 1) : url.pathname;
    const home = LANGUAGE_CODES.map((language) => languagePrefix(language) + '/').find((page) => page === inBase || page === `${inBase}/`);
    if (isPage && home !== undefined && home !== '/' && home !== inBase) {
      // `/es` → `/es/`, as static hosts do for a folder's index.html.
      req.url = `${base}${home.slice(1)}`;
    }
    const isHome = home !== undefined;
    if (isPage && !isHome && fs.existsSync(path.join(outDir, SPA_SHELL_FILE))) req.url = `${base}${SPA_SHELL_FILE}`;
    next();
  };
}

export function prerenderPlugin(): Plugin {
  let config: ResolvedConfig;
  let emitted = false;
  return {
    name: 'visitor-opinions:prerender',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    async generateBundle(_options, bundle) {
      if (config.command !== 'build' || config.build.ssr) return;
      const index = bundle['index.html'];
      if (index?.type !== 'asset') return;
      // Its script now, so that the CSP's hashes (static-host-plugin.ts) have it; its markup once written.
      this.emitFile({ type: 'asset', fileName: SPA_SHELL_FILE, source: await withShellLanguageScript(String(index.source), config.root) });
      emitted = true;
    },
    async closeBundle() {
      if (config.command !== 'build' || config.build.ssr || !emitted) return;
      // Both as written, with what the plugins after this one put in them.
      const outDir = path.resolve(config.root, config.build.outDir);
      const written = (file: string) => fs.readFileSync(path.join(outDir, file), 'utf8');
      const write = (file: string, html: string) => fs.writeFileSync(path.join(outDir, file), html);
      const pages = await renderPages(config);
      let shell = written(SPA_SHELL_FILE);
      if (pages) {
        const index = written('index.html');
        for (const [language, home] of pages.homes) {
          const file = homeFileOf(language);
          fs.mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
          write(file, inLanguage(insertPrerendered(index, home), language));
        }
        // One shell for every language: its head's script sets `<html lang dir>` from the path,
        // its body's shows the shell in that language.
        shell = insertPrerendered(shell, pages.shell);
        write(SPA_SHELL_FILE, shell);
      }
      // The deep links' shell for hosts that fall back to 404.html: a copy of the finished one, made here only.
      write(NOT_FOUND_FILE, shell);
    },
    configurePreviewServer(server) {
      const outDir = path.resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use(servesShellForDeepLinks(server.config.base, outDir));
    },
  };
}
