/**
 * The inline script of the HTML pages, compiled by the build (build/route-preload-plugin.ts)
 * into an IIFE called with its data as JSON: it runs before any other script. Every page is a
 * lazy chunk, asked for only once the entry script has arrived and run: on a phone's network,
 * one more round trip before a deep link (the dashboard, above all) can show anything. So this
 * script preloads the chunks and stylesheets of the page the URL names, and the Parse SDK for
 * the pages that read with it. `/` is prerendered and typeable without them: its form's code is
 * prefetched (low priority) once the page has painted, so that it never delays that paint.
 *
 * When someone is signed in on the device, it sends the page's first requests too
 * (src/parse/early-calls.ts): the session check on every deep link, and the dashboard's first
 * calls when it opens with its default filters, built by the app's own builders.
 */
import { dashboardFirstCalls } from '../parse/dashboard-first-calls';
import { sendEarlyCalls, SESSION_CALL, type EarlyCallSpec } from '../parse/early-calls';
import { storedSessionTokenOf } from '../parse/sdk-storage';
import { settleLanguage } from '../i18n/language-script';
import type { ParseServer } from '../parse/wire';
import { preloadRoute, routeAt, type FirstCallsName, type ShellScriptData } from './route-preload-script';

/** The first calls of a page, by the name the route manifest gives them. */
export const FIRST_CALLS = {
  dashboard: dashboardFirstCalls,
} satisfies Record<FirstCallsName, () => readonly EarlyCallSpec[]>;

/** Sends the session check, and the route's first calls when the URL has no query; whether those went out. */
function callEarly(server: ParseServer, first: FirstCallsName | undefined): boolean {
  const token = storedSessionTokenOf(server.appId);
  if (typeof token !== 'string') return false;
  if (first === undefined || location.search !== '') {
    sendEarlyCalls(server, token, [SESSION_CALL]);
    return false;
  }
  sendEarlyCalls(server, token, [SESSION_CALL, ...FIRST_CALLS[first]()]);
  return true;
}

/** preloadRoute, and the early calls of whoever is signed in: the deep links' script. */
export function preloadRouteAndCallEarly(data: ShellScriptData): void {
  const route = routeAt(data.base, data.routes);
  if (route?.mode !== 'preload' || !data.server) {
    preloadRoute(data);
    return;
  }
  // Before any call: the page may be left for the same page in the visitor's language.
  if (!settleLanguage(data.base)) return;
  const sent = callEarly(data.server, route.first);
  // The first calls sent, the page needs no SDK to show itself.
  preloadRoute({ ...data, routes: [sent ? { ...route, sdk: undefined } : route] });
}
