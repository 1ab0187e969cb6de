/*
 * Accounts in a real Chromium against the built app, the real Parse Server and the mail
 * catcher: every emailed link is opened as a user would open it.
 */
import type { Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { chromiumForFile, DESKTOP, expectNoAxeViolations, newPage, PHONE } from '../helpers/browser.ts';
import { linkIn, RESET_SUBJECT, VERIFY_SUBJECT, waitForMail } from '../helpers/mail.ts';
import { expireSession, sessionAccepted } from '../helpers/sessions.ts';
import { masterRestClient } from '../../server/rest.ts';
import { findUserId, grantStaff } from '../../server/roles.ts';

const appURL = inject('appURL');
const stack = inject('stack');
const PASSWORD = 'Secret#Pass1';
const browser = chromiumForFile();

function credentials() {
  const id = crypto.randomUUID();
  return { username: `u-${id}`, email: `${id}@example.com`, password: PASSWORD };
}

/** An account made over the REST API, as if signed up earlier. */
async function existingAccount() {
  const account = credentials();
  const response = await fetch(`${stack.serverURL}/users`, {
    method: 'POST',
    headers: { 'X-Parse-Application-Id': stack.appId, 'X-Parse-JavaScript-Key': stack.javascriptKey, 'Content-Type': 'application/json' },
    body: JSON.stringify(account),
  });
  expect(response.status).toBe(201);
  return account;
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
// The header's links: the main ones and those that come with the session.
const nav = (page: Page) => page.getByRole('banner');

async function shows(page: Page, text: string | RegExp) {
  await expect.poll(() => page.getByText(text).first().isVisible(), { timeout: 10_000 }).toBe(true);
}

async function logIn(page: Page, username: string, password: string) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

async function sessionTokenIn(page: Page): Promise<string> {
  const stored = await page.evaluate((key) => localStorage.getItem(key), `Parse/${stack.appId}/currentUser`);
  const token = stored ? (JSON.parse(stored) as { sessionToken?: string }).sessionToken : undefined;
  if (!token) throw new Error('No session in the browser().');
  return token;
}

async function noOverflow(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

test('sign up on a phone: a weak password is refused, a strong one logs in; the emailed link verifies', async () => {
  const { context, page, errors } = await newPage(browser(), { viewport: PHONE });
  const account = credentials();
  await page.goto(`${appURL}/signup`);
  await heading(page, 'Create an account').waitFor();
  await expectNoAxeViolations(page);

  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill('password');
  await page.getByLabel('Confirm your password').fill('password');
  await page.getByRole('button', { name: 'Create my account' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await summary.waitFor();
  await expect.poll(() => summary.evaluate((element) => element === document.activeElement)).toBe(true);
  expect(await summary.getByRole('link').allTextContents()).toEqual([
    'Use at least 8 characters with an upper-case letter, a lower-case letter and a digit.',
  ]);
  expect(await page.getByLabel('Password', { exact: true }).getAttribute('aria-invalid')).toBe('true');
  await noOverflow(page);
  await page.screenshot({ path: '/tmp/accounts-signup-phone.png', fullPage: true });
  await expectNoAxeViolations(page);

  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByLabel('Confirm your password').fill(account.password);
  expect(await page.getByRole('list', { name: 'Your password needs:' }).textContent()).not.toContain('not yet');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await heading(page, 'Verify your email address').waitFor();
  await shows(page, 'Your account is ready and you are logged in.');
  await shows(page, `We sent a link to ${account.email}`);
  expect(await nav(page).getByRole('link', { name: 'Account' }).isVisible()).toBe(true);
  await expectNoAxeViolations(page);

  const link = linkIn(await waitForMail(stack.mailURL, account.email, { subject: VERIFY_SUBJECT }));
  await page.goto(link);
  await heading(page, 'Your email address is verified').waitFor();
  expect(page.url()).toMatch(new RegExp(`^${appURL}/verify-email\\?status=verified`));
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Go to your account' }).click();
  await heading(page, 'Your account').waitFor();
  await shows(page, 'Verified');
  expect(await page.getByText('Please verify your email address').count()).toBe(0);
  await noOverflow(page);
  await page.screenshot({ path: '/tmp/accounts-account-phone.png', fullPage: true });
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
  await context.close();
});

test('log in: a wrong password is said in words, the right one goes where the user was going; log out', async () => {
  const { context, page, errors } = await newPage(browser());
  const account = await existingAccount();
  await page.goto(`${appURL}/account`);
  await heading(page, 'Log in').waitFor();
  expect(new URL(page.url()).searchParams.get('next')).toBe('/account');
  expect(await page.getByRole('link', { name: 'Forgot password?' }).getAttribute('href')).toBe('/reset-password');

  await logIn(page, account.username, 'Wrong#Pass1');
  await shows(page, 'Wrong username or password.');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: '/tmp/accounts-login-desktop.png', fullPage: true });

  await logIn(page, account.username, account.password);
  await heading(page, 'Your account').waitFor();
  // Not verified yet: the banner says so.
  await shows(page, 'Please verify your email address');
  expect(await nav(page).getByRole('link', { name: 'Dashboard' }).count()).toBe(0);
  await page.screenshot({ path: '/tmp/accounts-account-desktop.png', fullPage: true });

  await nav(page).getByRole('button', { name: 'Log out' }).click();
  await shows(page, 'You have logged out.');
  expect(new URL(page.url()).pathname).toBe('/');
  expect(await nav(page).getByRole('link', { name: 'Log in' }).isVisible()).toBe(true);
  expect(await page.evaluate((key) => localStorage.getItem(key), `Parse/${stack.appId}/currentUser`)).toBeNull();
  expect(errors.filter((error) => !/status of 404/.test(error))).toEqual([]);
  await context.close();
});

test('reset a forgotten password through the emailed link, then log in with the new one', async () => {
  const { context, page, errors } = await newPage(browser(), { viewport: PHONE });
  const account = await existingAccount();
  await page.goto(`${appURL}/login`);
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await heading(page, 'Reset your password').waitFor();
  await expectNoAxeViolations(page);
  await page.getByLabel('Your email address').fill(account.email);
  await page.getByRole('button', { name: 'Send me a reset link' }).click();
  await shows(page, 'If an account exists for this address, we sent a link');

  const link = linkIn(await waitForMail(stack.mailURL, account.email, { subject: RESET_SUBJECT }));
  await page.goto(link);
  await heading(page, 'Choose a new password').waitFor();
  expect(new URL(page.url()).pathname).toBe('/reset-password');
  await page.getByLabel('New password', { exact: true }).fill('short');
  await page.getByLabel('Confirm your new password').fill('short');
  await page.getByRole('button', { name: 'Save my new password' }).click();
  await shows(page, 'There is a problem');
  await expectNoAxeViolations(page);
  await noOverflow(page);
  await page.screenshot({ path: '/tmp/accounts-reset-phone.png', fullPage: true });

  await page.getByLabel('New password', { exact: true }).fill('Brand#New2');
  await page.getByLabel('Confirm your new password').fill('Brand#New2');
  await page.getByRole('button', { name: 'Save my new password' }).click();
  await heading(page, 'Log in').waitFor();
  await shows(page, 'Your password is changed. Log in with your new password.');
  await logIn(page, account.username, account.password);
  await shows(page, 'Wrong username or password.');
  await logIn(page, account.username, 'Brand#New2');
  await heading(page, 'Your account').waitFor();

  // The link was used: opening it again says so and offers a new one.
  await page.goto(link);
  await heading(page, 'This reset link has expired or was already used').waitFor();
  await expectNoAxeViolations(page);
  expect(errors.filter((error) => !/status of 404/.test(error))).toEqual([]);
  await context.close();
});

/** An existing account, logged in through the login page and landed on its account page. */
async function loggedInOnAccountPage(page: Page) {
  const account = await existingAccount();
  await page.goto(`${appURL}/login?next=%2Faccount`);
  await logIn(page, account.username, account.password);
  await heading(page, 'Your account').waitFor();
  return account;
}

test('an expired session sends the user to log in, and what they were typing is still there afterwards', async () => {
  const { context, page, errors } = await newPage(browser());
  const account = await loggedInOnAccountPage(page);

  const details = page.getByRole('form', { name: 'Your details' });
  const halfTyped = `${account.username}-renamed`;
  await details.getByLabel('Username').fill(halfTyped);
  await expireSession(stack, await sessionTokenIn(page));
  await details.getByRole('button', { name: 'Save my details' }).click();

  await heading(page, 'Log in').waitFor();
  await shows(page, 'Your session expired, please log in again.');
  expect(new URL(page.url()).searchParams.get('next')).toBe('/account');
  expect(await nav(page).getByRole('link', { name: 'Log in' }).isVisible()).toBe(true);
  await expectNoAxeViolations(page);

  await logIn(page, account.username, account.password);
  await heading(page, 'Your account').waitFor();
  expect(await details.getByLabel('Username').inputValue()).toBe(halfTyped);
  await details.getByRole('button', { name: 'Save my details' }).click();
  await shows(page, 'Your details are saved.');
  await shows(page, halfTyped);
  expect(errors.filter((error) => !/status of (400|404)/.test(error))).toEqual([]);
  await context.close();
});

test('a page opened by its address with an expired session stored sends to log in, and forgets that session', async () => {
  const { context, page, errors } = await newPage(browser());
  await loggedInOnAccountPage(page);
  await expireSession(stack, await sessionTokenIn(page));

  // The shell asks who is signed in before the app's code runs; the answer is that nobody is.
  await page.goto(`${appURL}/account`);
  await heading(page, 'Log in').waitFor();
  expect(new URL(page.url()).searchParams.get('next')).toBe('/account');
  expect(await nav(page).getByRole('link', { name: 'Log in' }).isVisible()).toBe(true);
  expect(await page.evaluate((key) => localStorage.getItem(key), `Parse/${stack.appId}/currentUser`)).toBeNull();
  expect(errors.filter((error) => !/status of 400/.test(error))).toEqual([]);
  await context.close();
});

test('delete the account after typing its username', async () => {
  const { context, page, errors } = await newPage(browser());
  const account = await existingAccount();
  await page.goto(`${appURL}/login`);
  await logIn(page, account.username, account.password);
  await heading(page, 'Your account').waitFor();
  const token = await sessionTokenIn(page);

  await page.getByRole('button', { name: 'I want to delete my account' }).click();
  await page.getByLabel('Type your username to confirm').fill('not-my-name');
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await shows(page, `Type ${account.username} exactly to delete your account.`);
  await expectNoAxeViolations(page);

  await page.getByLabel('Type your username to confirm').fill(account.username);
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await shows(page, 'Your account is deleted.');
  expect(new URL(page.url()).pathname).toBe('/');
  expect(await sessionAccepted(stack, token)).toBe(false);

  await page.goto(`${appURL}/login`);
  await logIn(page, account.username, account.password);
  await shows(page, 'Wrong username or password.');
  expect(errors.filter((error) => !/status of 404/.test(error))).toEqual([]);
  await context.close();
});

test('staff switch their alerts and digests on the account page, and the choice stays after a reload', async () => {
  const account = await existingAccount();
  const rest = masterRestClient(stack.serverURL, stack.appId, stack.masterKey);
  const userId = await findUserId(rest, account.username);
  if (!userId) throw new Error('The account was not made.');
  await rest.request('PUT', `/users/${userId}`, { emailVerified: true });
  await grantStaff(rest, userId);
  const { context, page, errors } = await newPage(browser(), { viewport: PHONE });
  await page.goto(`${appURL}/login?next=%2Faccount`);
  await logIn(page, account.username, account.password);
  await heading(page, 'Your account').waitFor();
  const alerts = page.getByRole('checkbox', { name: "Alert me when many visitors say they won't come back" });
  await alerts.waitFor();
  expect(await alerts.isChecked()).toBe(true);
  expect(await page.getByRole('radio', { name: 'Every week' }).isChecked()).toBe(true);
  await expectNoAxeViolations(page);
  await noOverflow(page);
  await page.getByRole('heading', { name: 'Emails from the dashboard' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/accounts-emails-phone.png' });

  await alerts.uncheck();
  await page.getByRole('radio', { name: 'Every day' }).check();
  await page.getByRole('button', { name: 'Save my email choices' }).click();
  await shows(page, 'Your email choices are saved.');
  const stored = await rest.request<Record<string, unknown>>('GET', `/users/${userId}`);
  expect({ alerts: stored.alertEmails, digest: stored.digestFrequency }).toEqual({ alerts: false, digest: 'daily' });

  await page.reload();
  await alerts.waitFor();
  expect(await alerts.isChecked()).toBe(false);
  expect(await page.getByRole('radio', { name: 'Every day' }).isChecked()).toBe(true);
  await page.setViewportSize(DESKTOP);
  await page.getByRole('heading', { name: 'Emails from the dashboard' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/accounts-emails-desktop.png' });
  // Right to left in Arabic, on a phone.
  await page.setViewportSize(PHONE);
  await page.goto(`${appURL}/ar/account`);
  await page.locator('#emails-alerts').waitFor();
  await noOverflow(page);
  await page.locator('#emails-title').scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/accounts-emails-phone-ar.png' });
  expect(errors).toEqual([]);
  await context.close();
});
