/**
 * The build-time renderer (server side only): turns one path of the route table into HTML, so
 * that the visitor's form is on screen, and can be typed into, before any script has arrived.
 * build/prerender-plugin.ts builds this file for Node and writes its output into index.html;
 * src/main.tsx then hydrates it with the very same tree.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom';
import { appConfig } from '../config/env';
import { createQueryClient } from './query-client';
import { routes } from './routes';

export interface Prerendered {
  /** The app's markup, for inside `<div id="root">`. */
  readonly html: string;
  /** The page's own `<title>` (React renders it in the body; it belongs in the head). */
  readonly title: string | null;
}

const TITLE = /<title>([^<]*)<\/title>/;

/** Renders `path` (inside the app's base) as the browser's first render will; null: nothing to prerender. */
export async function prerender(path: string): Promise<Prerendered | null> {
  // A misconfigured build shows the configuration error page, rendered in the browser.
  if (!appConfig.ok) return null;
  const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';
  const handler = createStaticHandler(routes, { basename });
  const context = await handler.query(new Request(new URL(path, 'http://prerender.invalid')));
  if (context instanceof Response) throw new Error(`Prerendering ${path} answered a redirect (${context.status}).`);
  const router = createStaticRouter(handler.dataRoutes, context);
  // The same providers as <App/>: hydration needs the same tree, so the same markup.
  const markup = renderToString(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </QueryClientProvider>
    </StrictMode>,
  );
  const title = TITLE.exec(markup);
  return { html: title ? markup.replace(TITLE, '') : markup, title: title?.[1] ?? null };
}
