/**
 * The visitor's page and what it imports beyond the entry, in two chunks: what the dashboard
 * needs too, and the rest. Left to itself the bundler makes a chunk of each set of pages that
 * share modules: eleven small chunks for `/`, and on HTTP/1.1's six connections per host each
 * wave of six costs a phone a round trip (Slow 4G: 562 ms) before the form hydrates. The other
 * pages load one of these chunks for any module of it they use: a few kilobytes more for them,
 * fewer requests; the dashboard loads only its part.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { PRERENDERED_ROUTE, QUERY_ROOT_MODULE, ROUTES, SHELL_MODULES } from '../src/app/route-manifest.ts';

export const PAGE_CHUNK = 'visitor';
/** What the visitor's page shares with the dashboard. */
export const SHARED_CHUNK = 'shared';

export function pageChunkPlugin(): Plugin {
  const own = new Set<string>();
  const shared = new Set<string>();
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
              groups: [
                { name: PAGE_CHUNK, test: (id: string) => own.has(id) },
                { name: SHARED_CHUNK, test: (id: string) => shared.has(id) },
              ],
            },
          },
        },
      },
    }),
    configResolved(config) {
      root = config.root;
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
      // React Query's client comes with the page (src/app/query-slot.tsx).
      const queryRoot = moduleOf(QUERY_ROOT_MODULE);
      if (!this.getModuleInfo(page)) return;
      const loadedAnyway = staticClosure([...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry));
      const dashboard = staticClosure([ROUTES.dashboard.module, QUERY_ROOT_MODULE, ...SHELL_MODULES].map(moduleOf));
      for (const id of staticClosure([page, queryRoot])) {
        if (!loadedAnyway.has(id)) (dashboard.has(id) ? shared : own).add(id);
      }
    },
  };
}
