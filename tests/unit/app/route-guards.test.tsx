import { screen, waitFor } from '@testing-library/react';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { routeEntries } from '../../../src/app/route-manifest';
import type { User } from '../../../src/domain/user';
import * as session from '../../../src/parse/session';
import { renderApp } from '../../helpers/render-app';

// The unit boundary: src/parse is stubbed (reads that never answer), everything above it is the real app.
const { pending } = vi.hoisted(() => ({ pending: () => new Promise<never>(() => undefined) }));
vi.mock('../../../src/parse/session', () => ({
  fetchSession: vi.fn(),
  clearLocalSession: vi.fn(),
  whoami: vi.fn(),
  hasStoredUser: () => false,
  storedSessionToken: () => null,
}));
vi.mock('../../../src/parse/client', () => ({ preloadParse: vi.fn(), getParse: vi.fn(pending) }));
vi.mock('../../../src/parse/opinion-list', () => ({ listOpinions: vi.fn(pending) }));
vi.mock('../../../src/parse/opinion-detail', () => ({ getOpinion: vi.fn(pending) }));
vi.mock('../../../src/parse/dashboard-stats', () => ({ recordDashboardVisit: vi.fn(pending), fetchDashboardStats: vi.fn(pending) }));
vi.mock('../../../src/parse/venue', () => ({ fetchVenueSettings: vi.fn(pending), saveVenueSettings: vi.fn(pending) }));
vi.mock('../../../src/parse/live-opinions', () => ({ subscribeToNewOpinions: vi.fn(pending) }));
const mocked = vi.mocked(session);

const plainUser: User = { id: 'u1', username: 'ana', email: 'ana@example.com', emailVerified: true, isStaff: false };

/** A path of the route: its pattern with a sample value in each parameter. */
const pathOf = (pattern: string) => pattern.replace(/:[^/]+/g, 'x1');

// Each page's module transformed before the tests: a first import takes seconds on a busy
// machine, which the tests' waits (for what a page shows) are not meant to cover.
beforeAll(async () => {
  const root = path.resolve(import.meta.dirname, '../../..');
  await Promise.all(routeEntries().map(([, entry]) => import(/* @vite-ignore */ path.join(root, entry.module))));
}, 60_000);

beforeEach(() => {
  sessionStorage.clear();
  mocked.clearLocalSession.mockResolvedValue(undefined);
});
afterEach(() => vi.resetAllMocks());

/*
 * The manifest says who may see each page (its `guard`); the pages apply it themselves, inside
 * their own markup. These tests hold every page to what the manifest says of it.
 */
describe.each(routeEntries().map(([id, entry]) => [id, pathOf(entry.pattern), entry.guard] as const))(
  'the %s page (%s), guard "%s"',
  (_id, path, guard) => {
    test(guard === 'none' ? 'is shown to a visitor' : 'sends a visitor to log in, and back', async () => {
      mocked.fetchSession.mockResolvedValue(null);
      const { router } = renderApp(path);
      if (guard === 'none') {
        expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument();
        expect(router.state.location.pathname).toBe(path);
      } else {
        await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
        expect(router.state.location.search).toBe(`?next=${encodeURIComponent(path)}`);
      }
    });

    test(guard === 'staff' ? 'tells a signed-in user without the staff role they have no access' : 'is shown to a signed-in user', async () => {
      mocked.fetchSession.mockResolvedValue(plainUser);
      const { router } = renderApp(path);
      const heading = await screen.findByRole('heading', { level: 1 });
      expect(router.state.location.pathname).toBe(path);
      if (guard === 'staff') expect(heading).toHaveTextContent("You don't have access to the staff dashboard");
      else expect(heading).not.toHaveTextContent("You don't have access");
    });
  },
);
