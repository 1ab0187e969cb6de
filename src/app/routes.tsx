import { lazy, type ComponentType } from 'react';
import { matchPath, Route, Routes } from 'react-router-dom';
import { Layout } from './layout';
import { routePatterns } from './paths';

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

const FeedbackPage = lazyPage(() => import('../pages/feedback-page').then((m) => ({ default: m.FeedbackPage })));
const LoginPage = lazyPage(() => import('../pages/login-page').then((m) => ({ default: m.LoginPage })));
const SignupPage = lazyPage(() => import('../pages/signup-page').then((m) => ({ default: m.SignupPage })));
const ResetPasswordPage = lazyPage(() => import('../pages/reset-password-page').then((m) => ({ default: m.ResetPasswordPage })));
const VerifyEmailPage = lazyPage(() => import('../pages/verify-email-page').then((m) => ({ default: m.VerifyEmailPage })));
const AccountPage = lazyPage(() => import('../pages/account-page').then((m) => ({ default: m.AccountPage })));
const DashboardPage = lazyPage(() => import('../pages/dashboard-page').then((m) => ({ default: m.DashboardPage })));
const NotFoundPage = lazyPage(() => import('../pages/not-found-page').then((m) => ({ default: m.NotFoundPage })));
const OpinionPage = lazyPage(() => import('../pages/opinion-page').then((m) => ({ default: m.OpinionPage })));

const PAGES = [
  [routePatterns.home, FeedbackPage],
  [routePatterns.login, LoginPage],
  [routePatterns.signup, SignupPage],
  [routePatterns.resetPassword, ResetPasswordPage],
  [routePatterns.verifyEmail, VerifyEmailPage],
  [routePatterns.account, AccountPage],
  [routePatterns.dashboard, DashboardPage],
  [routePatterns.opinion, OpinionPage],
] as const;

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
