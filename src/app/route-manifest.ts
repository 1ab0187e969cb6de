/**
 * The one route manifest: each route's pattern, page module, guard, what it loads at once with
 * its page, whether it reads with the Parse SDK, and its first calls. The router (routes.tsx),
 * the href builders' patterns (paths.ts), the prerendered path (main.tsx) and the build's
 * route preloader (build/route-preload-plugin.ts) all derive from it. No JSX and no imports
 * but types: the build's Node code reads it.
 */
import type { MessageArea } from '../i18n/i18n.ts';
import type { FirstCallsName } from './route-preload-script.ts';

/**
 * Who may see a route's page: anybody, a signed-in user, staff. The page applies it itself
 * (src/app/guards.tsx) inside its own markup: the dashboard starts its reads while the session
 * is being checked, and the account page shows its heading to whoever is signed out.
 * tests/unit/app/route-guards.test.tsx holds every page to what its entry says.
 */
export type Guard = 'none' | 'user' | 'staff';

export interface RouteEntry {
  readonly pattern: string;
  /** The page's module (from the project's root) and the component it exports. */
  readonly module: `src/pages/${string}-page.tsx`;
  readonly component: string;
  readonly guard: Guard;
  /** What else the page loads lazily at once: preloaded with it. */
  readonly preloads?: readonly string[];
  /**
   * The page needs the Parse SDK to show itself (to read what it shows): the SDK is preloaded
   * with its chunks, unless its first calls went out, whose answers need no SDK. Every other page
   * needs it only when used (a form sent): the shell loads it once the page is idle (layout.tsx).
   */
  readonly readsWithSdk?: boolean;
  /**
   * The page's own messages (src/i18n/messages/<area>/), loaded with its code; the shell's are loaded already.
   * A guarded page needs `accounts` (the guard's texts) and `errors` (a failed session check).
   */
  readonly messages?: readonly MessageArea[];
  /** What it asks the server first, sent by the shell (src/app/shell-script.ts) when its URL has no query. */
  readonly first?: FirstCallsName;
}

export const ROUTES = {
  /** Prerendered at build time (build/prerender-plugin.ts): hydrated when its code arrives. */
  home: { pattern: '/', module: 'src/pages/feedback-page.tsx', component: 'FeedbackPage', guard: 'none', messages: ['visitor', 'errors'] },
  login: { pattern: '/login', module: 'src/pages/login-page.tsx', component: 'LoginPage', guard: 'none', messages: ['accounts', 'errors'] },
  signup: { pattern: '/signup', module: 'src/pages/signup-page.tsx', component: 'SignupPage', guard: 'none', messages: ['accounts', 'errors'] },
  resetPassword: { pattern: '/reset-password', module: 'src/pages/reset-password-page.tsx', component: 'ResetPasswordPage', guard: 'none', messages: ['accounts', 'errors'] },
  verifyEmail: {
    pattern: '/verify-email',
    module: 'src/pages/verify-email-page.tsx',
    component: 'VerifyEmailPage',
    guard: 'none',
    readsWithSdk: true,
    messages: ['accounts', 'errors'],
  },
  /** Where a staff email's unsubscribe link leads (server/cloud/email-links.ts): no account needed. */
  unsubscribe: { pattern: '/unsubscribe', module: 'src/pages/unsubscribe-page.tsx', component: 'UnsubscribePage', guard: 'none', messages: ['accounts', 'errors'] },
  account: { pattern: '/account', module: 'src/pages/account-page.tsx', component: 'AccountPage', guard: 'user', messages: ['accounts', 'errors'] },
  dashboard: {
    pattern: '/dashboard',
    module: 'src/pages/dashboard-page.tsx',
    component: 'DashboardPage',
    guard: 'staff',
    readsWithSdk: true,
    messages: ['staff', 'accounts', 'errors'],
    first: 'dashboard',
  },
  opinion: {
    pattern: '/dashboard/opinions/:id',
    module: 'src/pages/opinion-page.tsx',
    component: 'OpinionPage',
    guard: 'staff',
    readsWithSdk: true,
    messages: ['staff', 'accounts', 'errors'],
  },
  settings: {
    pattern: '/dashboard/settings',
    module: 'src/pages/settings-page.tsx',
    component: 'SettingsPage',
    guard: 'staff',
    readsWithSdk: true,
    messages: ['accounts', 'errors', 'settings'],
  },
  /** The venue's tablet: set up by staff (the guard), then kiosk mode, with no session, for anybody. */
  kiosk: { pattern: '/kiosk', module: 'src/pages/kiosk-page.tsx', component: 'KioskPage', guard: 'staff', messages: ['visitor', 'errors', 'kiosk'] },
} as const satisfies Record<string, RouteEntry>;

export type RouteId = keyof typeof ROUTES;

/** The route prerendered into index.html. */
export const PRERENDERED_ROUTE: RouteId = 'home';

/** The page of every path no route has. */
export const NOT_FOUND: Pick<RouteEntry, 'module' | 'component'> = { module: 'src/pages/not-found-page.tsx', component: 'NotFoundPage' };

/** What every page loads lazily after the shell (layout.tsx). */
export const SHELL_MODULES = ['src/app/account-links.tsx', 'src/queries/outbox.ts'] as const;

/** What every page, and each of the shell's lazy parts, loads with its own code: React Query (query-slot.tsx). */
export const QUERY_ROOT_MODULE = 'src/app/query-root.tsx';

function isRouteId(id: string): id is RouteId {
  return id in ROUTES;
}

/** The manifest's entries with their ids, in its order. */
export function routeEntries(): (readonly [RouteId, RouteEntry])[] {
  return Object.entries(ROUTES).flatMap(([id, entry]) => (isRouteId(id) ? [[id, entry] as const] : []));
}
