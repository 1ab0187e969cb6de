/**
 * Where the app's React Query client lives, without its code: React Query is not in the entry
 * script (its 7 KB would put the visitor's form over its budget), but loaded with each part
 * that uses it: every page, and the shell's lazy parts (layout.tsx). Each of them renders
 * inside <QueryRoot/> (query-root.tsx), which makes the app's one client the first time.
 */
import { createContext, lazy, type ComponentType } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { createNavigationHandle, type NavigationHandle } from './navigation';

export interface QuerySlot {
  /** The router, for the session-expiry handler (session-expiry.ts). */
  readonly navigation: NavigationHandle;
  /** A client made beforehand (the tests'); else the first <QueryRoot/> makes one. */
  readonly client?: QueryClient;
}

/** One slot an app: <App/> gives its own; the prerender's page uses this one. */
export const QuerySlotContext = createContext<QuerySlot>({ navigation: createNavigationHandle() });

/** `component` once loaded, inside the app's query client, whose code comes with it. */
export async function withQueries<P extends object>(component: Promise<ComponentType<P>>): Promise<ComponentType<P>> {
  const [Component, { QueryRoot }] = await Promise.all([component, import('./query-root')]);
  function WithQueries(props: P) {
    return (
      <QueryRoot>
        <Component {...props} />
      </QueryRoot>
    );
  }
  return WithQueries;
}

/** A lazy component that uses React Query: its code and React Query's load together. */
export function lazyWithQueries<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await withQueries(load()) }));
}
