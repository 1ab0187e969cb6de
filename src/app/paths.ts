import { ROUTES, type RouteId } from './route-manifest';

/** The routes' patterns, from the route manifest. */
export const routePatterns = {
  home: ROUTES.home.pattern,
  login: ROUTES.login.pattern,
  signup: ROUTES.signup.pattern,
  resetPassword: ROUTES.resetPassword.pattern,
  verifyEmail: ROUTES.verifyEmail.pattern,
  unsubscribe: ROUTES.unsubscribe.pattern,
  account: ROUTES.account.pattern,
  dashboard: ROUTES.dashboard.pattern,
  opinion: ROUTES.opinion.pattern,
  settings: ROUTES.settings.pattern,
  kiosk: ROUTES.kiosk.pattern,
} as const satisfies Record<RouteId, string>;

/**
 * A pattern with its `:params` filled in, each encoded as one segment. Not React Router's
 * generatePath: Cloud Code builds the emails' links with these builders, and bundles no package.
 */
function fill(pattern: string, params: Readonly<Record<string, string>>): string {
  return pattern.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No ":${name}" for ${pattern}.`);
    return encodeURIComponent(value);
  });
}

/** A path and its query (`a=1&b=2` or `?a=1&b=2`; none when empty). */
function withSearch(path: string, search: string): string {
  return search ? `${path}${search.startsWith('?') ? '' : '?'}${search}` : path;
}

/** Every route of the app, and the href builders that are the only way to link to them: each fills its pattern in. */
export const paths = {
  home: () => routePatterns.home,
  login: (next?: string) => withSearch(routePatterns.login, next ? `next=${encodeURIComponent(next)}` : ''),
  signup: () => routePatterns.signup,
  resetPassword: () => routePatterns.resetPassword,
  verifyEmail: () => routePatterns.verifyEmail,
  unsubscribe: () => routePatterns.unsubscribe,
  account: () => routePatterns.account,
  dashboard: (search = '') => withSearch(routePatterns.dashboard, search),
  opinion: (id: string) => fill(routePatterns.opinion, { id }),
  settings: () => routePatterns.settings,
  kiosk: () => routePatterns.kiosk,
} as const satisfies Record<RouteId, (...args: never[]) => string>;

/**
 * Where to go after logging in: `next` from the URL when it is a path inside this app, never
 * another origin (`//evil.example`, `https://…`, `javascript:`), nor back to the account forms.
 */
export function safeNextPath(next: string | null | undefined, fallback: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  try {
    const base = 'http://app.invalid';
    const url = new URL(next, base);
    if (url.origin !== base) return fallback;
    if ([routePatterns.login, routePatterns.signup].includes(url.pathname as '/login')) return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
