import { memo, Suspense, useEffect } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigationType } from 'react-router-dom';
import { RouteErrorBoundary } from '../pages/route-error-page';
import { AccountLinksPending } from './account-links-pending';
import { flashText, readFlash } from './flash';
import { t } from '../i18n/i18n';
import { LanguageSwitcher } from './language-switcher';
import { paths, routePatterns } from './paths';
import { lazyWithQueries } from './query-slot';
import { useSiteName } from '../queries/site-name';
import { SITE_NAME_ATTRIBUTE } from '../device/venue-name';

// Not needed to show a page, so their code loads after the shell's: the outbox (IndexedDB),
// and the account links (which wait for the session anyway) with the log-out mutation.
const OutboxSync = lazyWithQueries(() => import('../queries/outbox').then((m) => m.OutboxSync));
const AccountLinks = lazyWithQueries(() => import('./account-links').then((m) => m.AccountLinks));
const StaffLink = lazyWithQueries(() => import('./account-links').then((m) => m.StaffLink));
const UnverifiedBanner = lazyWithQueries(() => import('./account-links').then((m) => m.UnverifiedBanner));

/*
 * A lazy part of a prerendered page hydrates when its chunk arrives. Until then an update from
 * the shell (the session arriving) must not reach it: React would throw the server's HTML away,
 * and what was typed into it. So these parts take no props from the shell (a constant element,
 * a memo on the path).
 */
const outboxSync = (
  <Suspense fallback={null}>
    <OutboxSync />
  </Suspense>
);
const accountLinks = (
  <Suspense fallback={<AccountLinksPending />}>
    <AccountLinks />
  </Suspense>
);
const staffLink = (
  <Suspense fallback={null}>
    <StaffLink />
  </Suspense>
);
const unverifiedBanner = (
  <Suspense fallback={null}>
    <UnverifiedBanner />
  </Suspense>
);

/** A page whose code is on its way (and, prerendered, the page of the shell for deep links). */
export function PageLoading() {
  return (
    <p role="status" className="muted">
      {t('layout.loading')}
    </p>
  );
}

/** The page: its chunk loads inside a transition, so the previous page stays until it is there. */
const PageArea = memo(function PageArea({ pathname }: { pathname: string }) {
  return (
    <RouteErrorBoundary pathname={pathname}>
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </RouteErrorBoundary>
  );
});

/** A new page starts at the top; back and forward keep the browser's own scroll restoration. */
function useScrollToTop(pathname: string) {
  const navigationType = useNavigationType();
  useEffect(() => {
    if (navigationType !== 'POP') window.scrollTo(0, 0);
  }, [pathname, navigationType]);
}

/**
 * Every page but the visitor's form uses the Parse SDK once it is used (a form sent): it loads
 * at the page's first tap, key or focus, so that a page only looked at never pays for its 78 kB
 * and its evaluation, and a form is never waiting for it when sent. The pages that read with it
 * have it preloaded by the shell (build/route-preload-plugin.ts).
 */
function useParseOnIntent(pathname: string) {
  const needed = pathname !== routePatterns.home;
  useEffect(() => {
    if (!needed) return undefined;
    // Its code too comes when needed: the visitor's `/` never runs it.
    let cancel: (() => void) | undefined;
    let cancelled = false;
    void Promise.all([import('../device/intent'), import('../parse/client')]).then(([{ onFirstIntent }, { preloadParse }]) => {
      if (!cancelled) cancel = onFirstIntent(preloadParse);
    });
    return () => {
      cancelled = true;
      cancel?.();
    };
  }, [needed]);
}

/**
 * Only `vite build` writes the worker: the dev server has none (docs/architecture.md, "Offline").
 * Not import.meta.env.PROD, which a build started under a test runner's NODE_ENV sets to false.
 */
const WORKER_BUILT = import.meta.env.MODE !== 'development';

/**
 * The service worker (src/device/service-worker.ts), its code loaded after the page's: the first
 * page registers it once idle, each next one is a moment a phone may take a new version at.
 */
function useServiceWorker(pathname: string) {
  useEffect(() => {
    // Browsers without service workers (and the unit tests' jsdom) never load its code.
    if (!WORKER_BUILT || !('serviceWorker' in navigator)) return;
    void import('../device/service-worker').then(({ onPageShown }) => onPageShown(pathname, { kiosk: pathname === routePatterns.kiosk }));
  }, [pathname]);
}

export function Layout() {
  const site = useSiteName();
  const location = useLocation();
  const flash = readFlash(location.state);
  useScrollToTop(location.pathname);
  useParseOnIntent(location.pathname);
  useServiceWorker(location.pathname);
  // The kiosk is the whole screen: no header, no link away from the form (kiosk-page.tsx).
  if (location.pathname === routePatterns.kiosk) {
    return (
      <>
        {outboxSync}
        <main id="main" className="page" tabIndex={-1}>
          <PageArea pathname={location.pathname} />
        </main>
      </>
    );
  }
  return (
    <>
      {outboxSync}
      <a className="skip-link" href="#main">
        {t('layout.skip')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          {/* Its text is the venue's name before the first paint where the device knows it (route-preload-script.ts);
              `dir="auto"`: a name in Latin letters on an Arabic page is cut at its own end. */}
          <Link to={paths.home()} className="site-header__brand" dir="auto" {...{ [SITE_NAME_ATTRIBUTE]: '' }}>
            {site}
          </Link>
          <nav aria-label={t('layout.nav.main')} className="site-header__main">
            <ul className="site-nav">
              <li>
                <NavLink to={paths.home()} end>
                  {t('layout.nav.home')}
                </NavLink>
              </li>
              {staffLink}
            </ul>
          </nav>
          {/* On a phone, beside the brand: links that come with the session never make a row wrap. */}
          <nav aria-label={t('layout.nav.account')} className="site-header__account">
            <ul className="site-nav">{accountLinks}</ul>
          </nav>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {flash ? (
          <div className={`notice notice--${flash.tone}`} role="status">
            <p>{flashText(flash)}</p>
          </div>
        ) : null}
        {unverifiedBanner}
        <PageArea pathname={location.pathname} />
      </main>
      <footer className="site-footer">
        <LanguageSwitcher />
      </footer>
    </>
  );
}
