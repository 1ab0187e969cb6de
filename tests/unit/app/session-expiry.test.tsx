import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { appError } from '../../../src/domain/errors';
import type { User } from '../../../src/domain/user';
import { getOpinion } from '../../../src/parse/opinion-detail';
import { clearLocalSession, fetchSession } from '../../../src/parse/session';
import { renderApp } from '../../helpers/render-app';

// The unit boundary: src/parse is stubbed, everything above it is the real app.
vi.mock('../../../src/parse/session', () => ({ fetchSession: vi.fn(), clearLocalSession: vi.fn(), hasStoredUser: vi.fn() }));
vi.mock('../../../src/parse/opinion-detail', () => ({ getOpinion: vi.fn() }));
vi.mock('../../../src/parse/opinion-triage', () => ({ setReviewed: vi.fn(), deleteOpinions: vi.fn() }));
vi.mock('../../../src/parse/client', () => ({ preloadParse: vi.fn(), getParse: vi.fn() }));

const sam: User = { id: 'u2', username: 'sam', email: 'sam@example.com', emailVerified: true, isStaff: true };

beforeEach(() => {
  vi.mocked(fetchSession).mockResolvedValue(sam);
  vi.mocked(clearLocalSession).mockResolvedValue(undefined);
});
afterEach(() => vi.resetAllMocks());

test('a dead session met by a guarded page leads to the login page once, with the reason, and back afterwards', async () => {
  vi.mocked(getOpinion).mockRejectedValue(appError('session-expired'));
  const { router } = renderApp('/dashboard/opinions/o1');

  // The login page's code loads first: the page that met the dead session stays until it is there.
  expect(await screen.findByText('Your session expired, please log in again.', undefined, { timeout: 5_000 })).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/login');
  await waitFor(() => expect(clearLocalSession).toHaveBeenCalled());
  expect(within(await screen.findByRole('banner')).getByRole('link', { name: 'Log in' })).toBeInTheDocument();
  // The guard, seeing the user forgotten, sent nobody anywhere: the handler navigated, once.
  expect(router.visited).toEqual(['/dashboard/opinions/o1', '/login?next=%2Fdashboard%2Fopinions%2Fo1']);
});
