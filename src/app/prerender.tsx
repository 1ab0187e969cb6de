/**
 * The build-time renderer (server side only): turns one path of the route table into HTML, so
 * that the visitor's form is on screen, and can be typed into, before any script has arrived.
 * build/prerender-plugin.ts builds this file for Node and writes its output into index.html;
 * src/main.tsx then hydrates it with the very same tree.
 */
import { StrictMode, type ReactNode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { Route, Routes, StaticRouter } from 'react-router-dom';
import { appConfig } from '../config/env';
import type { Language } from '../domain/languages';
import { loadMessages, MESSAGE_AREAS, t } from '../i18n/i18n';
import { routerBasename } from './basename';
import { Layout, PageLoading } from './layout';
import { AppRoutes } from './routes';

export interface Prerendered {
  /** The app's markup, for inside `<div id="root">`. */
  readonly html: string;
  /** The page's own `<title>` (React renders it in the body; it belongs in the head). */
  readonly title: string | null;
  /** The page's `<meta name="description">`, in its language. */
  readonly description: string;
}

const TITLE = /<title>([^<]*)<\/title>/;

/**
 * Renders `routes` at `path` (inside the router's basename) in `language`, with the providers
 * of <App/>. One language at a time: the messages are the active language's.
 */
async function render(language: Language, path: string, routes: ReactNode): Promise<Prerendered> {
  // Every area: a lazy page's module is loaded once, for the first language rendered.
  await Promise.all(MESSAGE_AREAS.map((area) => loadMessages(language, area)));
  const basename = routerBasename(language);
  // The same tree as <App/> (its query slot aside, which renders nothing): hydration needs the same markup.
  // prerenderToNodeStream, unlike renderToString, waits for the lazy page to load.
  const errors: unknown[] = [];
  const { prelude } = await prerenderToNodeStream(
    <StrictMode>
      <StaticRouter basename={basename} location={`${basename.replace(/\/$/, '')}${path}`}>
        {routes}
      </StaticRouter>
    </StrictMode>,
    {
      // React would leave a failing part for the browser to render: the build must fail instead.
      onError: (error) => {
        errors.push(error);
      },
    },
  );
  let markup = '';
  for await (const chunk of prelude) markup += String(chunk);
  if (errors.length) throw new AggregateError(errors, `Prerendering ${path} failed: ${String(errors[0])}`);
  const title = TITLE.exec(markup);
  return { html: title ? markup.replace(TITLE, '') : markup, title: title?.[1] ?? null, description: t('meta.description') };
}

/** Renders `path` (inside the router's basename) in `language` as the browser's first render will; null: nothing to prerender. */
export async function prerender(language: Language, path: string): Promise<Prerendered | null> {
  // A misconfigured build shows the configuration error page, rendered in the browser.
  if (!appConfig.ok) return null;
  return render(language, path, <AppRoutes />);
}

/**
 * The shell of every other page (the deep links' HTML): the header and a page on its way, on
 * screen at the first paint instead of once the scripts have run. It is not hydrated: the
 * app's first render replaces it with the same header and the page the URL names. At a path
 * of no page, so that no link of the header is marked as the current one.
 */
export async function prerenderShell(language: Language): Promise<Prerendered | null> {
  if (!appConfig.ok) return null;
  return render(
    language,
    '/__shell__',
    <Routes>
      <Route element={<Layout />}>
        <Route path="*" element={<PageLoading />} />
      </Route>
    </Routes>,
  );
}
