import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest';
import { appError } from '../../../src/domain/errors';
import type { User } from '../../../src/domain/user';
import { DEFAULT_VENUE_SETTINGS } from '../../../src/domain/venue';
import * as session from '../../../src/parse/session';
import * as venue from '../../../src/parse/venue';
import { renderApp } from '../../helpers/render-app';

// The unit boundary: src/parse is stubbed, everything above it is the real app.
vi.mock('../../../src/parse/session', () => ({ fetchSession: vi.fn(), clearLocalSession: vi.fn(), whoami: vi.fn() }));
vi.mock('../../../src/parse/venue', () => ({ fetchVenueSettings: vi.fn(), saveVenueSettings: vi.fn(), fetchPublicVenue: vi.fn() }));
vi.mock('../../../src/parse/client', () => ({ preloadParse: vi.fn(), getParse: vi.fn() }));
const mocked = { ...vi.mocked(session), ...vi.mocked(venue) };

const staff: User = { id: 's1', username: 'sam', email: 'sam@example.com', emailVerified: true, isStaff: true };

// The page's module transformed before the tests: a first import takes seconds on a busy machine.
beforeAll(async () => {
  await import('../../../src/pages/settings-page');
}, 60_000);

beforeEach(() => {
  mocked.fetchSession.mockResolvedValue(staff);
  mocked.fetchVenueSettings.mockResolvedValue(DEFAULT_VENUE_SETTINGS);
  mocked.fetchPublicVenue.mockResolvedValue({ name: DEFAULT_VENUE_SETTINGS.name });
});
afterEach(() => vi.resetAllMocks());

async function openSettings() {
  const user = userEvent.setup();
  renderApp('/dashboard/settings');
  // The session, the settings and some 400 time zones render first: slow on a busy machine, not a race.
  const name = await screen.findByLabelText('Venue name', undefined, { timeout: 10_000 });
  return { user, name };
}

test("the server's refusal by field is said on its field, in the page's words, and what was typed stays", async () => {
  mocked.saveVenueSettings.mockRejectedValue(appError('validation', { timeZone: 'timeZone.invalid' }));
  const { user, name } = await openSettings();
  await user.clear(name);
  await user.type(name, 'Museo del Prado');
  await user.click(screen.getByRole('button', { name: 'Save settings' }));

  const zone = screen.getByLabelText('Time zone');
  await waitFor(() => expect(zone).toHaveAccessibleDescription(/Choose a time zone from the list\./));
  expect(zone).toHaveAttribute('aria-invalid', 'true');
  expect(zone).toHaveFocus();
  expect(name).toHaveValue('Museo del Prado');
  // On its field only: no second notice above the form.
  expect(screen.queryByText('Some details need your attention.')).toBeNull();
}, 20_000);

test('a failure of another kind is said above the form, and what was typed stays', async () => {
  mocked.saveVenueSettings.mockRejectedValue(appError('offline'));
  const { user, name } = await openSettings();
  await user.clear(name);
  await user.type(name, 'Museo del Prado');
  await user.click(screen.getByRole('button', { name: 'Save settings' }));
  expect(await screen.findByText('We could not reach the server. Check your connection and try again.')).toBeInTheDocument();
  expect(name).toHaveValue('Museo del Prado');
}, 20_000);

test('days typed in Arabic-Indic digits are the same days; the saved settings become the form', async () => {
  mocked.saveVenueSettings.mockImplementation((settings) => Promise.resolve(settings));
  const { user } = await openSettings();
  await user.click(screen.getByLabelText('Delete them after a number of days'));
  await user.type(screen.getByLabelText('Days to keep opinions'), '٣٠');
  await user.click(screen.getByRole('button', { name: 'Save settings' }));
  await waitFor(() => expect(mocked.saveVenueSettings).toHaveBeenCalled());
  expect(await screen.findByRole('status')).toHaveTextContent('Settings saved.');
  expect(mocked.saveVenueSettings).toHaveBeenCalledWith({ ...DEFAULT_VENUE_SETTINGS, retentionDays: 30 });
  await waitFor(() => expect(screen.getByLabelText('Days to keep opinions')).toHaveValue('30'));
}, 20_000);
