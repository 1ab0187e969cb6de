/**
 * Fewer, larger chunks than the bundler makes. Left to itself it makes a chunk of each set of
 * pages that share modules: eleven small chunks for `/` and thirteen for the dashboard, and on
 * HTTP/1.1's six connections per host each wave of six costs a phone a round trip (Slow 4G:
 * 562 ms; Lighthouse's simulation counts them too) before the page can show itself. So:
 * - the visitor's page and what it imports beyond the entry, in two chunks: what the dashboard
 *   needs too (`shared`), and the rest (`visitor`);
 * - what every page loads after the shell beyond those (the account links, the session, the idle
 *   timer, the service worker): one chunk (`shell`), which `/` loads as it hydrates;
 * - what the dashboard shares with the other pages but `/` (the guards, the opinions' queries,
 *   tags): one chunk (`pages`), its stylesheets left where the bundler puts them (a page
 *   that uses none of the dashboard's styles is not sent them).
 * A page loads a whole chunk for any module of it that it uses: a few kilobytes more for some,
 * fewer requests for all; `/` loads nothing more before its form is typeable.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { CATALOG } from './catalogs-plugin.ts';
import { NOT_FOUND, PRERENDERED_ROUTE, QUERY_ROOT_MODULE, ROUTES, routeEntries, SHELL_MODULES } from '../src/app/route-manifest.ts';

export const PAGE_CHUNK = 'visitor';
/** What the visitor's page shares with the dashboard. */
export const SHARED_CHUNK = 'shared';
/** What every page loads after the shell, beyond the two above. */
export const SHELL_CHUNK = 'shell';
/** What the dashboard shares with the other pages (but `/`), beyond the three above. */
export const PAGES_CHUNK = 'pages';

/** A language's messages: one file each, loaded by language. */
const isCatalog = (id: string) => CATALOG.test(id);

/** The groups; which modules each holds is found once the modules are known (buildEnd). */
const GROUPS = [PAGE_CHUNK, SHARED_CHUNK, SHELL_CHUNK, PAGES_CHUNK] as const;

export function pageChunkPlugin(): Plugin {
  const members = new Map<string, (typeof GROUPS)[number]>();
  let root = '';
  return {
    name: 'visitor-opinions:page-chunk',
    apply: 'build',
    config: () => ({
      build: {
        rolldownOptions: {
          output: {
            // Only the modules found below: what they import stays where it is (the entry's, above all).
            codeSplitting: {
              includeDependenciesRecursively: false,
              groups: GROUPS.map((name) => ({ name, test: (id: string) => members.get(id) === name })),
            },
          },
        },
      },
    }),
    configResolved(config) {
      root = config.root;
    },
    buildStart() {
      members.clear();
    },
    buildEnd() {
      const staticClosure = (start: readonly string[]) => {
        const seen = new Set<string>();
        const visit = (id: string) => {
          if (seen.has(id)) return;
          seen.add(id);
          this.getModuleInfo(id)?.importedIds.forEach(visit);
        };
        start.forEach(visit);
        return seen;
      };
      const moduleOf = (file: string) => fs.realpathSync(path.join(root, file));
      const page = moduleOf(ROUTES[PRERENDERED_ROUTE].module);
      if (!this.getModuleInfo(page)) return;
      const claim = (name: (typeof GROUPS)[number], ids: Iterable<string>) => {
        for (const id of ids) if (!members.has(id)) members.set(id, name);
      };
      const loadedAnyway = staticClosure([...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry));
      const pageModules = new Set([...routeEntries().map(([, entry]) => entry.module), NOT_FOUND.module].map(moduleOf));
      // What the shell loads after itself on every page, `/` too: the account links, React Query's
      // root, the idle timer, the venue's name, the service worker.
      const afterShell = staticClosure([
        ...[QUERY_ROOT_MODULE, ...SHELL_MODULES].map(moduleOf),
        ...[...loadedAnyway]
          .flatMap((id) => this.getModuleInfo(id)?.dynamicallyImportedIds ?? [])
          .filter((id) => !pageModules.has(id) && !isCatalog(id)),
      ]);
      const dashboard = staticClosure([moduleOf(ROUTES.dashboard.module), ...afterShell]);
      // React Query's client comes with the page (src/app/query-slot.tsx).
      const visitor = [...staticClosure([page, moduleOf(QUERY_ROOT_MODULE)])].filter((id) => !loadedAnyway.has(id));
      claim(SHARED_CHUNK, visitor.filter((id) => dashboard.has(id)));
      claim(PAGE_CHUNK, visitor);
      claim(SHELL_CHUNK, [...afterShell].filter((id) => !loadedAnyway.has(id)));
      // Everything `/` may load without leaving it, lazily or not (not another page, another
      // language's messages or the Parse SDK): none of it may join the dashboard's group.
      const homeMayLoad = new Set<string>();
      const reach = (id: string) => {
        if (homeMayLoad.has(id) || (pageModules.has(id) && id !== page) || isCatalog(id) || id.includes(`${path.sep}node_modules${path.sep}parse${path.sep}`)) return;
        homeMayLoad.add(id);
        const info = this.getModuleInfo(id);
        [...(info?.importedIds ?? []), ...(info?.dynamicallyImportedIds ?? [])].forEach(reach);
      };
      [...loadedAnyway, page].forEach(reach);
      const otherPages = routeEntries()
        .filter(([id]) => id !== PRERENDERED_ROUTE && id !== 'dashboard')
        .map(([, entry]) => staticClosure([moduleOf(entry.module)]));
      claim(
        PAGES_CHUNK,
        [...dashboard].filter((id) => !homeMayLoad.has(id) && !id.endsWith('.css') && otherPages.some((closure) => closure.has(id))),
      );
    },
  };
}
