/**
 * The part of the pages' inline script (shell-script.ts) that puts the visitor on the page in
 * their language, then preloads what that page needs, and that the prerendered `/` of each
 * language (which sends no calls) has alone: it imports only the language's choice, so that its
 * compiled script carries nothing else.
 */
import { SITE_NAME_ATTRIBUTE, storedVenueName } from '../device/venue-name';
import { withoutLanguage } from '../i18n/language';
import { pathInBase, settleLanguage } from '../i18n/language-script';
import type { Language } from '../domain/languages';
import type { MessageArea } from '../i18n/i18n';
import type { ParseServer } from '../parse/wire';

/** The first calls a route may send (shell-script.ts's FIRST_CALLS). */
export type FirstCallsName = 'dashboard';

/**
 * One route of the script's table. `preload`: its files are needed to show the page, now (and it
 * gets its session checked early, and its `first` calls sent); `prefetch`: soon, once the page
 * has painted. `sdk`: the Parse SDK's files, preloaded too unless `first` went out.
 */
export interface RoutePreload {
  /** A regular expression's source, over the path inside the base. */
  readonly pattern: string;
  readonly mode: 'preload' | 'prefetch';
  readonly files: readonly string[];
  readonly sdk?: readonly string[];
  readonly first?: FirstCallsName;
  /** Its page's own messages (the route manifest's `messages`): loaded with its files, in the page's language. */
  readonly messages?: readonly MessageArea[];
}

/** Each message area's catalog file (src/i18n/messages/<area>/<language>.json), by language. */
export type CatalogFiles = Partial<Record<MessageArea, Partial<Record<Language, string>>>>;

/**
 * `base`: the path the app is served under (`/`, `/opinions/`); `assets`: where its files are
 * (Vite's `base`, a CDN's URL perhaps); `server`: where the early calls go (none: no calls).
 */
export interface ShellScriptData {
  readonly base: string;
  readonly assets: string;
  readonly routes: readonly RoutePreload[];
  readonly server?: ParseServer;
  /**
   * The messages the app loads before it renders a page (src/i18n/): the shell's and the page's
   * own, which the script loads with the code, in the page's language (the app would otherwise
   * ask for them only once its code has run: one more round trip).
   */
  readonly catalogs?: CatalogFiles;
  /**
   * The prerendered page's entry script, then what it imports: the page paints from its HTML
   * alone, and its code is asked for as soon as this script runs, at low priority. By then the
   * HTML is in (a few kB, its stylesheet inline), so nothing of the first paint waits behind it;
   * waiting for that paint instead made the form submittable 0.4 s later on Slow 4G (bench:form,
   * docs/performance.md) and did not make it typeable sooner.
   */
  readonly entry?: readonly [string, ...string[]];
  /**
   * Each language's name of the app: the deep links' shell has the English one in its `<title>`,
   * which the tab would show until the page sets its own; where the device knows the venue's
   * name, that name takes the app's place in the title and the header.
   */
  readonly titles?: Partial<Record<Language, string>>;
}

function addLinks(assets: string, files: readonly string[], prefetch: boolean): void {
  for (const file of files) {
    const link = document.createElement('link');
    if (prefetch) link.rel = 'prefetch';
    else if (file.endsWith('.css')) {
      link.rel = 'preload';
      link.setAttribute('as', 'style');
    } else link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.setAttribute('fetchpriority', 'low');
    link.href = assets + file;
    document.head.appendChild(link);
  }
}

/** The prerendered page's code: preloads of its imports, then the entry script. */
function addEntry(assets: string, [script, ...imports]: readonly [string, ...string[]]): void {
  addLinks(assets, imports, false);
  const element = document.createElement('script');
  element.type = 'module';
  element.crossOrigin = '';
  element.src = assets + script;
  document.head.appendChild(element);
}

/** After the page's first paint (a hidden page paints nothing: at once). */
function afterFirstPaint(work: () => void): void {
  if (document.visibilityState === 'hidden') setTimeout(work);
  else requestAnimationFrame(() => setTimeout(work));
}

/**
 * The venue's name, as the device last heard it, in the app's place before the first paint: in
 * the title (whose app name is in the page's language, or in English in the deep links' shell),
 * and in the header as the parser makes it (a mutation observer's callback runs before any paint).
 */
function showSiteName(language: Language, titles: Partial<Record<Language, string>>): void {
  const venue = storedVenueName();
  const appName = [titles[language], titles.en].find((name) => name !== undefined && document.title.includes(name));
  const shown = venue ?? titles[language];
  if (appName !== undefined && shown !== undefined) document.title = document.title.replace(appName, shown);
  if (venue === null) return;
  const show = () =>
    document.querySelectorAll(`[${SITE_NAME_ATTRIBUTE}]`).forEach((element) => {
      // Unchanged text left alone: writing it is itself a mutation, which would call this again.
      if (element.textContent !== venue) element.textContent = venue;
    });
  const observer = new MutationObserver(show);
  observer.observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      show();
      observer.disconnect();
    },
    { once: true },
  );
}

/** The route the URL names, if the table has it. */
export function routeAt(base: string, routes: readonly RoutePreload[]): RoutePreload | undefined {
  const path = pathInBase(location.pathname, base);
  if (path === undefined) return undefined;
  return routes.find((route) => new RegExp(route.pattern).test(withoutLanguage(path)));
}

/** Preloads (or prefetches) what the page at the URL needs, and loads the prerendered page's code; sends nothing. */
export function preloadRoute({ base, assets, routes, catalogs, entry, titles }: ShellScriptData): void {
  const language = settleLanguage(base);
  if (!language) return;
  if (titles) showSiteName(language, titles);
  const inLanguage = (areas: readonly MessageArea[]) => areas.flatMap((area) => catalogs?.[area]?.[language] ?? []);
  const shellMessages = inLanguage(['shell']);
  if (entry) addEntry(assets, [entry[0], ...shellMessages, ...entry.slice(1)]);
  const route = routeAt(base, routes);
  if (!route) return;
  const files = [...inLanguage(route.messages ?? []), ...route.files];
  if (route.mode === 'prefetch') afterFirstPaint(() => addLinks(assets, files, true));
  else addLinks(assets, [...(entry ? [] : shellMessages), ...files, ...(route.sdk ?? [])], false);
}
