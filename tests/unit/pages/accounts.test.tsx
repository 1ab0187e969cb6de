import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createQueryClient } from '../../../src/app/query-client';
import { appError } from '../../../src/domain/errors';
import type { User } from '../../../src/domain/user';
import * as auth from '../../../src/parse/auth';
import { Account } from '../../../src/pages/account-page';
import * as session from '../../../src/parse/session';
import * as emailPreferences from '../../../src/parse/email-preferences';
import { renderApp } from '../../helpers/render-app';

// The unit boundary: src/parse is stubbed, everything above it is the real app.
vi.mock('../../../src/parse/session', () => ({ fetchSession: vi.fn(), clearLocalSession: vi.fn(), whoami: vi.fn() }));
vi.mock('../../../src/parse/auth', () => ({
  signUp: vi.fn(),
  logIn: vi.fn(),
  logOut: vi.fn(),
  requestEmailVerification: vi.fn(),
  requestPasswordReset: vi.fn(),
  resetPassword: vi.fn(),
  updateProfile: vi.fn(),
  changePassword: vi.fn(),
  deleteAccount: vi.fn(),
}));
vi.mock('../../../src/parse/client', () => ({ preloadParse: vi.fn(), getParse: vi.fn() }));
vi.mock('../../../src/parse/email-preferences', () => ({ fetchEmailPreferences: vi.fn(), saveEmailPreferences: vi.fn() }));
vi.mock('../../../src/parse/venue', () => ({ fetchPublicVenue: vi.fn(() => Promise.resolve({ name: 'Visitor Opinions' })) }));
const mocked = { ...vi.mocked(auth), ...vi.mocked(session), ...vi.mocked(emailPreferences) };

const ana: User = { id: 'u1', username: 'ana', email: 'ana@example.com', emailVerified: true, isStaff: false };

beforeEach(() => {
  sessionStorage.clear();
  mocked.fetchSession.mockResolvedValue(null);
  mocked.clearLocalSession.mockResolvedValue(undefined);
  mocked.logOut.mockResolvedValue(undefined);
});
afterEach(() => vi.resetAllMocks());

// The header's links: the main ones and those that come with the session.
const nav = () => screen.findByRole('banner');

describe('the shell', () => {
  test('shows Log in to a visitor, and no dashboard', async () => {
    renderApp('/login');
    expect(await within(await nav()).findByRole('link', { name: 'Log in' })).toBeInTheDocument();
    expect(within(await nav()).queryByRole('link', { name: 'Dashboard' })).toBeNull();
    expect(within(await nav()).queryByRole('button', { name: 'Log out' })).toBeNull();
  });

  test('shows Account and Log out to a user, the dashboard only to staff', async () => {
    mocked.fetchSession.mockResolvedValue(ana);
    const first = renderApp('/signup');
    expect(await within(await nav()).findByRole('link', { name: 'Account' })).toBeInTheDocument();
    expect(within(await nav()).getByRole('button', { name: 'Log out' })).toBeInTheDocument();
    expect(within(await nav()).queryByRole('link', { name: 'Dashboard' })).toBeNull();
    first.unmount();

    mocked.fetchSession.mockResolvedValue({ ...ana, isStaff: true });
    renderApp('/signup');
    expect(await within(await nav()).findByRole('link', { name: 'Dashboard' })).toBeInTheDocument();
  });

  test('an unverified user sees a banner that leads to sending the link again', async () => {
    mocked.fetchSession.mockResolvedValue({ ...ana, emailVerified: false });
    renderApp('/signup');
    expect(await screen.findByText(/Please verify your email address/)).toHaveTextContent('ana@example.com');
    expect(screen.getByRole('link', { name: 'Send the link again' })).toHaveAttribute('href', '/verify-email');
  });

  test('log out clears the session even when the server cannot be told, and says so', async () => {
    mocked.fetchSession.mockResolvedValue(ana);
    mocked.logOut.mockRejectedValue(appError('offline'));
    const user = userEvent.setup();
    const { router } = renderApp('/account');
    await user.click(await within(await nav()).findByRole('button', { name: 'Log out' }));
    expect(await screen.findByText('You have logged out.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(within(await nav()).getByRole('link', { name: 'Log in' })).toBeInTheDocument();
  });
});

describe('log in', () => {
  test('an empty submit shows a summary linking to each field', async () => {
    const user = userEvent.setup();
    renderApp('/login');
    await user.click(await screen.findByRole('button', { name: 'Log in' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Enter your username.' })).toHaveAttribute('href', '#username');
    expect(within(summary).getByRole('link', { name: 'Enter your password.' })).toHaveAttribute('href', '#password');
    expect(screen.getByLabelText('Username')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription(/Enter your username\./);
    expect(mocked.logIn).not.toHaveBeenCalled();
  });

  test('a wrong password is said in words; the button is disabled while waiting', async () => {
    let refuse: (error: Error) => void = () => undefined;
    mocked.logIn.mockImplementation(() => new Promise((_, reject) => (refuse = reject)));
    const user = userEvent.setup();
    renderApp('/login');
    await user.type(await screen.findByLabelText('Username'), 'ana');
    await user.type(screen.getByLabelText('Password'), 'Wrong#Pass1');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(screen.getByRole('button', { name: 'Logging in…' })).toBeDisabled();
    refuse(appError('wrong-credentials'));
    expect(await screen.findByText('Wrong username or password.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Forgot password?' })).toHaveAttribute('href', '/reset-password');
  });

  test.each([
    ['/login?next=%2Fdashboard%3Fpage%3D2', '/dashboard', '?page=2'],
    ['/login?next=https%3A%2F%2Fevil.example%2F', '/account', ''],
    ['/login?next=%2F%2Fevil.example', '/account', ''],
  ])('%s leads to %s%s after logging in', async (start, pathname, search) => {
    mocked.logIn.mockResolvedValue(ana);
    const user = userEvent.setup();
    const { router } = renderApp(start);
    await user.type(await screen.findByLabelText('Username'), 'ana');
    await user.type(screen.getByLabelText('Password'), 'Secret#Pass1');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    // The route changes once the page's code and messages are in: the dashboard's is the largest to load in jsdom.
    await waitFor(() => expect(router.state.location.pathname).toBe(pathname), { timeout: 5000 });
    expect(router.state.location.search).toBe(search);
  });

  test('/account needs a user: it sends a visitor to log in and back', async () => {
    const { router } = renderApp('/account');
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.search).toBe('?next=%2Faccount');
  });
});

describe('sign up', () => {
  test('the checklist ticks as the password is typed', async () => {
    const user = userEvent.setup();
    renderApp('/signup');
    const password = await screen.findByLabelText('Password');
    const rules = screen.getByRole('list', { name: 'Your password needs:' });
    expect(within(rules).getAllByText(': not yet')).toHaveLength(4);
    await user.type(password, 'abcdefgh');
    expect(within(rules).getByText('At least 8 characters')).toHaveTextContent(': done');
    expect(within(rules).getByText('An upper-case letter')).toHaveTextContent(': not yet');
    await user.type(password, 'A1');
    expect(within(rules).getAllByText(': done')).toHaveLength(4);
    expect(password).toHaveAccessibleDescription(/An upper-case letter: done/);
  });

  test('a weak password is refused before the server; a taken username comes back on its field', async () => {
    mocked.signUp.mockRejectedValue(appError('username-taken'));
    const user = userEvent.setup();
    renderApp('/signup');
    await user.type(await screen.findByLabelText('Username'), 'ana');
    await user.type(screen.getByLabelText('Email address'), 'ana@example.com');
    await user.type(screen.getByLabelText('Password'), 'password');
    await user.type(screen.getByLabelText('Confirm your password'), 'password');
    await user.click(screen.getByRole('button', { name: 'Create my account' }));
    expect(await screen.findByRole('link', { name: /Use at least 8 characters/ })).toHaveAttribute('href', '#password');
    expect(mocked.signUp).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), 'Secret#Pass1');
    await user.clear(screen.getByLabelText('Confirm your password'));
    await user.type(screen.getByLabelText('Confirm your password'), 'Secret#Pass1');
    await user.click(screen.getByRole('button', { name: 'Create my account' }));
    expect(await screen.findByRole('link', { name: 'That username is already taken. Choose another one.' })).toHaveAttribute(
      'href',
      '#username',
    );
    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription(/That username is already taken/);
  });

  test('after sign-up the user is logged in and told to check their email', async () => {
    const fresh = { ...ana, emailVerified: false };
    mocked.signUp.mockResolvedValue(fresh);
    const user = userEvent.setup();
    const { router } = renderApp('/signup');
    await user.type(await screen.findByLabelText('Username'), 'ana');
    await user.type(screen.getByLabelText('Email address'), 'ana@example.com');
    await user.type(screen.getByLabelText('Password'), 'Secret#Pass1');
    await user.type(screen.getByLabelText('Confirm your password'), 'Secret#Pass1');
    await user.click(screen.getByRole('button', { name: 'Create my account' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/verify-email'));
    expect(await screen.findByText('Your account is ready and you are logged in.')).toBeInTheDocument();
    expect(await screen.findByText(/We sent a link to/)).toHaveTextContent('ana@example.com');
    // With the page's language, which the account's emails are written in.
    expect(mocked.signUp).toHaveBeenCalledWith({ username: 'ana', email: 'ana@example.com', password: 'Secret#Pass1' }, 'en');
  });
});

describe('password reset', () => {
  test('asks for the email and answers the same whatever happened', async () => {
    mocked.requestPasswordReset.mockResolvedValue(undefined);
    const user = userEvent.setup();
    renderApp('/reset-password');
    await user.type(await screen.findByLabelText('Your email address'), 'nobody@example.com');
    await user.click(screen.getByRole('button', { name: 'Send me a reset link' }));
    expect(await screen.findByText(/If an account exists for this address, we sent a link/)).toBeInTheDocument();
    expect(mocked.requestPasswordReset).toHaveBeenCalledWith('nobody@example.com');
  });

  test('the link page takes a new password under the rule; a used link offers a new one', async () => {
    mocked.resetPassword.mockRejectedValue(appError('reset-link-invalid'));
    const user = userEvent.setup();
    renderApp('/reset-password?token=abc&appId=visitor-opinions&publicServerUrl=https%3A%2F%2Fevil.example');
    await user.type(await screen.findByLabelText('New password'), 'Brand#New2');
    await user.type(screen.getByLabelText('Confirm your new password'), 'Brand#New2');
    await user.click(screen.getByRole('button', { name: 'Save my new password' }));
    expect(mocked.resetPassword).toHaveBeenCalledWith('abc', 'Brand#New2');
    expect(await screen.findByRole('heading', { name: 'This reset link has expired or was already used' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send me a reset link' })).toBeInTheDocument();
  });
});

describe('an expired session', () => {
  test('sends the user to log in with the reason, and the half-typed form is still there afterwards', async () => {
    mocked.fetchSession.mockResolvedValue(ana);
    mocked.updateProfile.mockRejectedValue(appError('session-expired'));
    const user = userEvent.setup();
    const { router } = renderApp('/account');
    const username = await screen.findByLabelText('Username');
    await user.clear(username);
    await user.type(username, 'ana-half-typ');
    await user.click(screen.getByRole('button', { name: 'Save my details' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.search).toBe('?next=%2Faccount');
    expect(await screen.findByText('Your session expired, please log in again.')).toBeInTheDocument();
    await waitFor(() => expect(mocked.clearLocalSession).toHaveBeenCalled());
    expect(within(await nav()).getByRole('link', { name: 'Log in' })).toBeInTheDocument();

    mocked.logIn.mockResolvedValue(ana);
    await user.type(screen.getByLabelText('Username'), 'ana');
    await user.type(screen.getByLabelText('Password'), 'Secret#Pass1');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/account'));
    const details = await screen.findByRole('form', { name: 'Your details' });
    expect(within(details).getByLabelText('Username')).toHaveValue('ana-half-typ');
  });
});

describe('the account page', () => {
  test('staff switch alerts and digests on and off; other users see no such choice', async () => {
    mocked.fetchSession.mockResolvedValue({ ...ana, isStaff: true });
    mocked.fetchEmailPreferences.mockResolvedValue({ alerts: true, digest: 'weekly' });
    mocked.saveEmailPreferences.mockImplementation(async (chosen) => chosen);
    const user = userEvent.setup();
    const first = renderApp('/account');
    const alerts = await screen.findByRole('checkbox', { name: "Alert me when many visitors say they won't come back" });
    expect(alerts).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Every week' })).toBeChecked();
    await user.click(alerts);
    await user.click(screen.getByRole('radio', { name: 'Every day' }));
    await user.click(screen.getByRole('button', { name: 'Save my email choices' }));
    expect(await screen.findByText('Your email choices are saved.')).toBeInTheDocument();
    expect(mocked.saveEmailPreferences).toHaveBeenCalledWith({ alerts: false, digest: 'daily' });
    expect(screen.getByRole('checkbox', { name: "Alert me when many visitors say they won't come back" })).not.toBeChecked();
    first.unmount();

    mocked.fetchSession.mockResolvedValue(ana);
    renderApp('/account');
    expect(await screen.findByRole('heading', { name: 'Change your details' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Emails from the dashboard' })).toBeNull();
  });

  test('says it is loading while the session is being checked', async () => {
    mocked.fetchSession.mockReturnValue(new Promise<User | null>(() => undefined));
    // The account itself, without the route's guard (which shows a loading state of its own).
    render(
      <QueryClientProvider client={createQueryClient()}>
        <MemoryRouter initialEntries={['/account']}>
          <Account />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    expect(await screen.findByRole('status')).toHaveTextContent('Loading your account…');
  });

  test('shows the details; deleting needs the username typed', async () => {
    mocked.fetchSession.mockResolvedValue({ ...ana, emailVerified: false });
    mocked.deleteAccount.mockResolvedValue(undefined);
    const user = userEvent.setup();
    const { router } = renderApp('/account');
    expect(await screen.findByText('Not verified yet.', { exact: false })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'I want to delete my account' }));
    await user.type(screen.getByLabelText('Type your username to confirm'), 'an');
    await user.click(screen.getByRole('button', { name: 'Delete my account' }));
    expect(await screen.findByRole('link', { name: 'Type ana exactly to delete your account.' })).toBeInTheDocument();
    expect(mocked.deleteAccount).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText('Type your username to confirm'), 'a');
    await user.click(screen.getByRole('button', { name: 'Delete my account' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(await screen.findByText('Your account is deleted.')).toBeInTheDocument();
  });

  test('a wrong current password is put on its field', async () => {
    mocked.fetchSession.mockResolvedValue(ana);
    mocked.changePassword.mockRejectedValue(appError('wrong-current-password'));
    const user = userEvent.setup();
    renderApp('/account');
    await user.type(await screen.findByLabelText('Current password'), 'Wrong#Pass1');
    await user.type(screen.getByLabelText('New password'), 'Changed#Pass2');
    await user.type(screen.getByLabelText('Confirm your new password'), 'Changed#Pass2');
    await user.click(screen.getByRole('button', { name: 'Change my password' }));
    expect(await screen.findByRole('link', { name: 'Your current password is wrong.' })).toHaveAttribute('href', '#current-password');
  });
});
