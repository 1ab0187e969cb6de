import { lazy, type ComponentType } from 'react';
import { matchPath, Route, Routes } from 'react-router-dom';
import { activeLanguage, loadMessages } from '../i18n/i18n';
import { Layout } from './layout';
import { NOT_FOUND, routeEntries, type RouteEntry } from './route-manifest';
import { withQueries } from './query-slot';

/*
 * The one route table. Every page is its own chunk, so that account and staff code never loads
 * for a visitor, and the visitor's form (prerendered, typeable before any script) hydrates
 * when its code arrives, after the shell's (see prerendered-form.ts). The layout shows a
 * page's loading and its errors.
 */
type PageModule = { default: ComponentType };

/**
 * A page's lazy component. Once its module has arrived (see preloadPageAt), the page renders at
 * once: React.lazy is handed a thenable that answers synchronously, so nothing suspends, no
 * "Loading…" shows, and React does not hold the page back to pace the reveal of suspended
 * content (its 300 ms throttle, a whole round trip's worth on the dashboard's first load).
 */
function lazyPage(load: () => Promise<PageModule>) {
  let loaded: PageModule | undefined;
  const preload = () => load().then((module) => (loaded = module));
  // React.lazy takes any thenable (as documented); its type asks for a Promise.
  const ready = (module: PageModule) => ({ then: (resolve: (value: PageModule) => void) => resolve(module) }) as unknown as Promise<PageModule>;
  return Object.assign(
    lazy(() => (loaded ? ready(loaded) : preload())),
    { preload },
  );
}

/** Every page module, by its path in the manifest (`src/pages/…`): the build reads the same string. */
// The error pages are the shell's own, never a route's.
const PAGE_MODULES = import.meta.glob<Record<string, unknown>>(['../pages/*-page.tsx', '!../pages/*-error-page.tsx']);

function isComponent(value: unknown): value is ComponentType {
  return typeof value === 'function';
}

/** The manifest's page. */
function pageOf({ module, component, messages }: Pick<RouteEntry, 'module' | 'component' | 'messages'>) {
  const load = PAGE_MODULES[module.replace(/^src\//, '../')];
  if (!load) throw new Error(`No page module ${module}.`);
  const page = async () => {
    // Its messages come with its code, side by side: the page renders when both are there.
    const [exports] = await Promise.all([load(), ...(messages ?? []).map((area) => loadMessages(activeLanguage(), area))]);
    const Page = exports[component];
    if (!isComponent(Page)) throw new Error(`${module} exports no component ${component}.`);
    return Page;
  };
  // React Query's code too (query-slot.tsx), alongside.
  return lazyPage(async () => ({ default: await withQueries(page()) }));
}

const NotFoundPage = pageOf(NOT_FOUND);
const PAGES = routeEntries().map(([, entry]) => [entry.pattern, pageOf(entry)] as const);

/**
 * Starts loading the page at `pathname` (inside the router's basename), before the first
 * render: its chunk is usually there already (the shell preloads it), and then the page
 * renders with the shell instead of after a "Loading…".
 */
export function preloadPageAt(pathname: string): void {
  const page = PAGES.find(([pattern]) => matchPath(pattern, pathname))?.[1] ?? NotFoundPage;
  void page.preload().catch(() => undefined);
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        {PAGES.map(([pattern, Page]) => (
          <Route key={pattern} path={pattern} element={<Page />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
