import { ROUTES, type RouteId } from './route-manifest';

/** Every route of the app, and the href builders that are the only way to link to them. */
export const paths = {
  home: () => '/',
  login: (next?: string) => (next ? `/login?next=${encodeURIComponent(next)}` : '/login'),
  signup: () => '/signup',
  resetPassword: () => '/reset-password',
  verifyEmail: () => '/verify-email',
  unsubscribe: () => '/unsubscribe',
  account: () => '/account',
  dashboard: (search = '') => `/dashboard${search && !search.startsWith('?') ? `?${search}` : search}`,
  opinion: (id: string) => `/dashboard/opinions/${encodeURIComponent(id)}`,
  settings: () => '/dashboard/settings',
  kiosk: () => '/kiosk',
} as const;

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
