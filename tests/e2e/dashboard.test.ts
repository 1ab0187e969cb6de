import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { HOURS, WEEKDAYS, type DashboardStats } from '../../src/domain/dashboard.ts';
import { DEFAULT_VENUE_SETTINGS } from '../../src/domain/venue.ts';
import { expectNoAxeViolations, holdBack, chromiumForFile, liveSubscriptions, logInThroughForm, newPage, PHONE } from '../helpers/browser.ts';
import { logInRest, seedOpinions, stack } from '../helpers/dashboard-data.ts';
import { message } from '../helpers/messages.ts';
import { asUser } from '../helpers/parse-rest.ts';

const appURL = inject('appURL');
const browser = chromiumForFile();

const logIn = (page: Page, username: string, password: string, next?: string) => logInThroughForm(page, appURL, { username, password }, next);
const asStaff = (page: Page, next?: string) => logIn(page, 'staff', 'Staff#Opinions1', next);

function rangeText(page: Page) {
  return page.locator('.pagination__range').first().textContent();
}

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();

/** 30 opinions tagged with a fresh marker, newest first: "<tag> 0" is the newest. */
async function seedJourney(tag: string) {
  const names = ['Zoë', 'Amy', '', 'Bob', 'Carla'];
  await seedOpinions(
    Array.from({ length: 30 }, (_, n) => ({
      name: names[n % names.length]!,
      comment: n === 7 ? `=HYPERLINK("http://evil.example") ${tag} ${n}` : `${tag} ${n} café à la crème`,
      willReturn: n % 3 !== 0,
      createdAt: hoursAgo(n + 1),
    })),
  );
}

test('staff journey: filter in the URL, reload, search, page, sort, detail, triage, export, live', async () => {
  const tag = `jr${crypto.randomUUID().slice(0, 8)}`;
  await seedJourney(tag);
  const { context, page, errors } = await newPage(browser());
  const subscriptions = liveSubscriptions(page);
  await asStaff(page);
  await expect.poll(() => page.getByRole('heading', { name: 'Opinions', level: 1 }).isVisible()).toBe(true);

  // Search (debounced) goes to the URL.
  await page.getByLabel('Search names and comments').fill(tag);
  await page.waitForURL((url) => url.searchParams.get('q') === tag);
  await expect.poll(() => rangeText(page)).toBe('1–25 of 30');
  await expect.poll(() => page.locator('.stat__value').first().textContent()).toBe('30');

  // A filter, kept on reload.
  await page.getByLabel('Will return').selectOption('yes');
  await page.waitForURL((url) => url.searchParams.get('return') === 'yes');
  await expect.poll(() => rangeText(page)).toBe('1–20 of 20');
  await page.reload();
  await expect.poll(() => rangeText(page)).toBe('1–20 of 20');
  expect(await page.getByLabel('Will return').inputValue()).toBe('yes');
  expect(await page.getByLabel('Search names and comments').inputValue()).toBe(tag);

  // Pages, and the back button.
  await page.getByLabel('Will return').selectOption('any');
  await expect.poll(() => rangeText(page)).toBe('1–25 of 30');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.waitForURL((url) => url.searchParams.get('page') === '2');
  await expect.poll(() => rangeText(page)).toBe('26–30 of 30');
  await page.goBack();
  await expect.poll(() => rangeText(page)).toBe('1–25 of 30');
  await page.getByLabel('Per page').selectOption('50');
  await expect.poll(() => rangeText(page)).toBe('1–30 of 30');

  // Sort by name: the anonymous ones (no name) first, then A–Z.
  await page.getByLabel('Sort by').selectOption('name');
  await page.waitForURL((url) => url.searchParams.get('sort') === 'name');
  await expect.poll(() => page.locator('.opinion-card__name').nth(6).textContent()).toBe('Amy');
  await expect.poll(() => page.locator('.opinion-card__name').last().textContent()).toBe('Zoë');
  await page.getByLabel('Sort by').selectOption('newest');
  await expect.poll(() => page.locator('.opinion-card__comment').first().textContent()).toContain(`${tag} 0 `);

  // The detail page: mark reviewed, then delete.
  await page.getByRole('link', { name: 'Open the opinion from Zoë' }).first().click();
  await expect.poll(() => page.getByRole('heading', { name: 'Opinion from Zoë' }).isVisible()).toBe(true);
  expect(await page.getByText(`${tag} 0 café à la crème`).isVisible()).toBe(true);
  await page.getByRole('button', { name: 'Mark reviewed' }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Mark not reviewed' }).isVisible()).toBe(true);
  expect(await page.locator('.badge--reviewed').textContent()).toBe('Reviewed');
  await page.getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('dialog', { name: 'Delete this opinion?' }).getByRole('button', { name: 'Delete' }).click();
  // Back on the list, with its filters, one fewer.
  await page.waitForURL((url) => url.pathname === '/dashboard' && url.searchParams.get('q') === tag);
  await expect.poll(() => rangeText(page)).toBe('1–29 of 29');

  // Select two and mark them reviewed at once; then only new ones.
  await page.getByRole('checkbox', { name: 'Select the opinion from Amy' }).first().check();
  await page.getByRole('checkbox', { name: 'Select the opinion from Bob' }).first().check();
  await page.getByRole('group', { name: 'With the selected opinions' }).getByRole('button', { name: 'Mark reviewed' }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: '2 opinions marked reviewed.' }).count()).toBe(1);
  await page.getByLabel('Status').selectOption('new');
  await expect.poll(() => rangeText(page)).toBe('1–27 of 27');

  // Export the filtered set (27 rows), every page of it.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export 27 as CSV' }).click()]);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trim().split('\r\n');
  // The opinion's columns, then staff's: its tags and how many notes it has (issue 18).
  expect(lines[0]).toBe('"id","created_at","name","comment","will_return","reviewed","language","tags","notes"');
  expect(lines).toHaveLength(28);
  expect(csv).toContain('café à la crème');
  expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"") ${tag} 7"`);
  expect(csv).not.toMatch(/(^|,)"=HYPERLINK/m);

  // A new opinion arrives while the list is open: announced, not pushed into the list. The
  // filters' own subscription (started once the page is idle) is confirmed before it arrives.
  const askedBefore = subscriptions.asked();
  await page.getByLabel('Status').selectOption('any');
  await expect.poll(() => rangeText(page)).toBe('1–29 of 29');
  await expect.poll(() => subscriptions.confirmedSince(askedBefore)).toBe(true);
  await seedOpinions([{ name: 'Live', comment: `${tag} arrived live`, willReturn: true }]);
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: '1 new opinion matches these filters' }).count(), { timeout: 10_000 })
    .toBe(1);
  expect(await rangeText(page)).toBe('1–29 of 29');
  // Opinions arriving together (one signal may name several): each that matches is counted once.
  await seedOpinions([
    { name: 'Live two', comment: `${tag} arrived together`, willReturn: true },
    { name: 'Elsewhere', comment: 'another search', willReturn: true },
    { name: 'Live three', comment: `${tag} arrived together too`, willReturn: false },
  ]);
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: '3 new opinions match these filters' }).count(), { timeout: 10_000 })
    .toBe(1);
  expect(await rangeText(page)).toBe('1–29 of 29');
  await page.getByRole('button', { name: 'show them' }).click();
  await expect.poll(() => rangeText(page)).toBe('1–32 of 32');
  await expect.poll(() => page.locator('.opinion-card__comment').nth(2).textContent()).toBe(`${tag} arrived live`);

  expect(errors).toEqual([]);
  await context.close();
}, 120_000);

/** The Parse REST calls the page makes, by path under the server's URL (`functions/whoami`). */
function recordCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (request) => {
    const match = /\/parse\/((?:functions|classes)\/.+)$/.exec(new URL(request.url()).pathname);
    if (match) calls.push(match[1]!);
  });
  return calls;
}

test('opened by its address, the dashboard shows its stats and first page before the Parse SDK has arrived, and records one visit', async () => {
  const { context, page, errors } = await newPage(browser());
  await asStaff(page);
  // Its stats come with the visit: it is recorded once they show.
  await expect.poll(() => page.locator('.stats__caption').textContent()).toMatch(/^Opinions per day, /);
  // Arrived since that visit: the newest, and new since the staff member last looked.
  const tag = `ea${crypto.randomUUID().slice(0, 8)}`;
  await seedOpinions([{ name: 'Early', comment: `${tag} the newest`, willReturn: true }]);
  // The dashboard already open hears of it live, and asks whether it matches its filters
  // (classes/opinions), at any time: gone, it cannot send that among the calls counted.
  await page.goto('about:blank');

  const calls = recordCalls(page);
  const sdk = await holdBack(page, /\/assets\/parse-[^/]*\.js$/);
  await page.goto(`${appURL}/dashboard`);
  // Other test files share the server and may add opinions meanwhile: on the first page, then.
  await expect.poll(() => page.locator('.opinion-card__comment').filter({ hasText: `${tag} the newest` }).count()).toBe(1);
  await expect.poll(() => page.locator('.stats__caption').textContent()).toMatch(/^Opinions per day, /);
  const newSince = page.locator('.stat').filter({ hasText: 'New since you last looked' }).locator('.stat__value');
  expect(Number(await newSince.textContent())).toBeGreaterThanOrEqual(1);

  // Nothing of that needed the SDK, which the page asks for only once idle (src/app/layout.tsx),
  // maybe not yet: what needs it asks for it now, if it has not, and waits for it.
  const marked = page.getByRole('status').filter({ hasText: '1 opinion marked reviewed.' });
  await page.locator('.opinion-card').filter({ hasText: `${tag} the newest` }).getByRole('button', { name: 'Mark reviewed' }).click();
  await sdk.asked();
  expect(await marked.count()).toBe(0);
  expect([...calls].sort()).toEqual(['classes/opinions', 'functions/dashboardVisit', 'functions/whoami']);

  // Once it arrives, what needs it works: marking ours reviewed, reading the list again.
  await sdk.release();
  await expect.poll(() => marked.count()).toBe(1);
  expect(calls.filter((call) => call === 'functions/dashboardVisit')).toHaveLength(1);
  expect(calls.filter((call) => call === 'functions/whoami')).toHaveLength(1);
  expect(errors).toEqual([]);
  await context.close();
});

test('opened by its address with filters, the dashboard asks for them itself, and records one visit', async () => {
  const { context, page, errors } = await newPage(browser());
  await asStaff(page, '/account');
  const calls = recordCalls(page);
  await page.goto(`${appURL}/dashboard?return=no&sort=oldest`);
  await expect.poll(() => page.locator('.stats__caption').textContent()).toMatch(/^Opinions per day, /);
  await expect.poll(() => page.locator('.opinion-card').count()).toBeGreaterThan(0);
  expect(await page.getByLabel('Will return').inputValue()).toBe('no');
  expect(calls.filter((call) => call === 'functions/dashboardVisit')).toHaveLength(1);
  expect(calls.filter((call) => call === 'classes/opinions')).toHaveLength(1);
  expect(errors).toEqual([]);
  await context.close();
});

test('a plain user is kept out and sees no opinion', async () => {
  const tag = `pl${crypto.randomUUID().slice(0, 8)}`;
  await seedOpinions([{ name: 'Secret', comment: `${tag} staff only`, willReturn: true }]);
  const { context, page } = await newPage(browser());
  // The dashboard may ask (it asks beside the session check); the server must refuse. Each answer
  // is read on its way to the page, which may have gone on to the next address before it arrives.
  const opinionAnswers: { url: string; status: number; code: unknown }[] = [];
  await page.route(/\/classes\/opinions|\/functions\/dashboard/, async (route) => {
    const response = await route.fetch();
    const { code } = (await response.json()) as { code?: unknown };
    opinionAnswers.push({ url: new URL(route.request().url()).pathname, status: response.status(), code });
    await route.fulfill({ response }).catch(() => undefined);
  });
  await logIn(page, 'visitor', 'Visitor#Opinions1', '/account');
  // Opened with its default filters, the shell itself asks for the first page and the visit.
  for (const address of [`/dashboard?q=${tag}`, '/dashboard']) {
    await page.goto(appURL + address);
    await expect.poll(() => page.getByRole('heading', { name: "You don't have access to the staff dashboard" }).isVisible()).toBe(true);
    expect(await page.getByText(tag).count()).toBe(0);
  }
  await page.goto(`${appURL}/dashboard/opinions/anything`);
  await expect.poll(() => page.getByRole('heading', { name: "You don't have access to the staff dashboard" }).isVisible()).toBe(true);
  // Those still on their way read too.
  await page.unrouteAll({ behavior: 'wait' });
  for (const answer of opinionAnswers) expect(answer).toEqual({ url: answer.url, status: 400, code: 119 });
  await context.close();
});

test('an anonymous visitor is sent to log in', async () => {
  const { context, page } = await newPage(browser());
  await page.goto(`${appURL}/dashboard?status=new`);
  await page.waitForURL((url) => url.pathname === '/login');
  expect(new URL(page.url()).searchParams.get('next')).toBe('/dashboard?status=new');
  await context.close();
});

test('hostile comment text stays inert text', async () => {
  const tag = `hx${crypto.randomUUID().slice(0, 8)}`;
  const hostile = `${tag} <img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2;alert(2)</script> \u202Eexe.txt`;
  await seedOpinions([{ name: '<b onmouseover=alert(3)>Mallory</b>', comment: hostile, willReturn: false }]);
  const { context, page, errors } = await newPage(browser());
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await asStaff(page, `/dashboard?q=${tag}`);
  await expect.poll(() => rangeText(page)).toBe('1–1 of 1');
  expect(await page.locator('.opinion-card__comment').first().textContent()).toBe(hostile);
  expect(await page.locator('.opinion-card__name').first().textContent()).toBe('<b onmouseover=alert(3)>Mallory</b>');
  expect(await page.locator('.opinion-list img, .opinion-list script, .opinion-list b').count()).toBe(0);
  await page.getByRole('link', { name: /Open the opinion from/ }).click();
  await expect.poll(() => page.locator('.opinion-detail__comment').textContent()).toBe(hostile);
  expect(await page.locator('.opinion-detail img, .opinion-detail script').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('the dashboard and the detail page are axe clean and usable at 360 px', async () => {
  const tag = `ax${crypto.randomUUID().slice(0, 8)}`;
  await seedOpinions(
    Array.from({ length: 3 }, (_, n) => ({
      name: n === 0 ? 'A very long name without any spaces at all'.replace(/ /g, '') : `Phone ${n}`,
      comment: `${tag} ${'a long comment that has to wrap on a small screen '.repeat(n === 1 ? 8 : 1)}`,
      willReturn: n !== 2,
    })),
  );
  const { context, page, errors } = await newPage(browser(), { viewport: PHONE });
  await asStaff(page, `/dashboard?q=${tag}`);
  await expect.poll(() => rangeText(page)).toBe('1–3 of 3');
  await expect.poll(() => page.locator('.per-day-chart .per-day-chart__day').count()).toBeGreaterThan(0);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: '/tmp/dashboard-360.png', fullPage: true });
  await expectNoAxeViolations(page);

  // The selection toolbar and the delete dialog.
  await page.getByRole('checkbox', { name: 'Select all 3 on this page' }).check();
  await page.getByRole('button', { name: 'Delete…' }).click();
  await expect.poll(() => page.getByRole('dialog', { name: 'Delete 3 opinions?' }).isVisible()).toBe(true);
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

  await page.getByRole('button', { name: 'Read the whole comment' }).click();
  await page.locator('.stats__chart').getByText('Show the numbers').click();
  // The numbers are rendered once opened.
  await page.locator('.stats__chart table').waitFor();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: /Open the opinion from Phone 1/ }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Opinion from Phone 1' }).isVisible()).toBe(true);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${appURL}/dashboard?q=${tag}`);
  await expect.poll(() => rangeText(page)).toBe('1–3 of 3');
  await expect.poll(() => page.locator('.per-day-chart .per-day-chart__day').count()).toBeGreaterThan(0);
  await page.screenshot({ path: '/tmp/dashboard-1280.png', fullPage: true });
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
  await context.close();
}, 90_000);

test("the day-by-hour view: its table is the server's counts in the venue's time zone, retention said, axe clean, Arabic at 360 px", async () => {
  const tag = `hm${crypto.randomUUID().slice(0, 8)}`;
  await seedOpinions(
    Array.from({ length: 20 }, (_, n) => ({ name: '', comment: `${tag} ${n}`, willReturn: n % 4 !== 0, createdAt: hoursAgo(n * 5 + 1) })),
  );
  const staff = asUser(stack, await logInRest('staff', 'Staff#Opinions1'));
  // This file runs alone (e2e files run one at a time); the venue is put back as it was.
  expect((await staff('POST', '/functions/saveVenueSettings', { ...DEFAULT_VENUE_SETTINGS, timeZone: 'Asia/Kolkata', retentionDays: 400 })).status).toBe(200);
  const { context, page, errors } = await newPage(browser());
  try {
    const asked = { willReturn: 'any', reviewed: 'any', language: 'any', q: tag, start: null, end: null, since: null };
    const server = (await staff<{ result: DashboardStats }>('POST', '/functions/dashboardStats', asked)).body.result;
    expect(server.timeZone).toBe('Asia/Kolkata');
    expect(server.hours.reduce((sum, cell) => sum + cell.total, 0)).toBe(20);

    await asStaff(page, `/dashboard?q=${tag}`);
    await expect.poll(() => page.locator('.stat__value').first().textContent()).toBe('20');
    const heatmap = page.locator('[data-heatmap]');
    await heatmap.locator('summary').click();
    await heatmap.locator('table').waitFor();
    const shown = await heatmap.locator('td[data-count]').evaluateAll((cells) =>
      cells.map((cell) => [Number(cell.getAttribute('data-weekday')), Number(cell.getAttribute('data-hour')), Number(cell.getAttribute('data-count')), cell.textContent]),
    );
    const expected = WEEKDAYS.flatMap((weekday) =>
      HOURS.map((hour) => server.hours.find((cell) => cell.weekday === weekday && cell.hour === hour)?.total ?? 0),
    );
    const byCell = (weekday: number, hour: number) => shown.find(([day, at]) => day === weekday && at === hour);
    expect(WEEKDAYS.flatMap((weekday) => HOURS.map((hour) => byCell(weekday, hour)?.[2]))).toEqual(expected);
    // What is read out is the count, then its share.
    for (const cell of server.hours) expect(String(byCell(cell.weekday, cell.hour)?.[3])).toMatch(new RegExp(`^${cell.total} \\(\\d+%\\)$`));
    expect(await heatmap.locator('caption').textContent()).toContain('Asia/Kolkata');
    expect(await page.locator('.stats__retention').getAttribute('data-retention')).toBe(server.retention?.since);
    await page.screenshot({ path: '/tmp/heatmap-1280.png', fullPage: true });
    await expectNoAxeViolations(page);

    await page.setViewportSize(PHONE);
    await page.goto(`${appURL}/ar/dashboard?q=${tag}`);
    await page.getByRole('heading', { level: 1, name: message('ar', 'dashboard.heading') }).waitFor();
    await page.locator('[data-heatmap]').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.locator('[data-heatmap] summary').click();
    await page.locator('[data-heatmap] table').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: '/tmp/heatmap-ar-360.png', fullPage: true });
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    expect((await staff('POST', '/functions/saveVenueSettings', DEFAULT_VENUE_SETTINGS)).status).toBe(200);
  }
}, 90_000);

test("an alert's link to its window, to the minute: exactly the window's rows, its times said under the days, and a picked day whole", async () => {
  const tag = `win${crypto.randomUUID().slice(0, 8)}`;
  // The venue's clocks are UTC (the default): the window is 10:05 up to, not including, 11:06.
  await seedOpinions(
    [
      ['before', '2026-04-10T10:04:30Z'],
      ['first', '2026-04-10T10:05:10Z'],
      ['last', '2026-04-10T11:05:50Z'],
      ['after', '2026-04-10T11:06:00Z'],
    ].map(([name, createdAt]) => ({ name: `${tag} ${name}`, comment: 'Fine.', willReturn: false, createdAt })),
  );
  const { context, page, errors } = await newPage(browser());
  await asStaff(page, `/dashboard?q=${tag}&from=2026-04-10T10:05&to=2026-04-10T11:06&sort=oldest`);
  await expect.poll(() => rangeText(page)).toBe('1–2 of 2');
  expect(await page.locator('.opinion-card__name').allTextContents()).toEqual([`${tag} first`, `${tag} last`]);
  await expect.poll(() => page.locator('.stat__value').first().textContent()).toBe('2');
  const from = page.getByLabel('From', { exact: true });
  expect(await from.inputValue()).toBe('2026-04-10');
  expect(await page.locator('.filter .field__hint').allTextContents()).toEqual(['from 10:05', 'before 11:06']);
  // Each time is the description of its day's field.
  const described = await from.getAttribute('aria-describedby');
  expect(await page.locator(`[id="${described}"]`).textContent()).toBe('from 10:05');
  await expectNoAxeViolations(page);

  await from.fill('2026-04-09');
  await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2026-04-09');
  await expect.poll(() => rangeText(page)).toBe('1–3 of 3');
  expect(await page.locator('.filter .field__hint').allTextContents()).toEqual(['before 11:06']);
  expect(errors).toEqual([]);
  await context.close();
}, 60_000);

test("From/To are the venue's days: staff in Tokyo and in Los Angeles get the rows of Madrid's day, clocks changing that day", async () => {
  const tag = `tz${crypto.randomUUID().slice(0, 8)}`;
  // Madrid's 29 March 2026 runs from 23:00 UTC the day before to 22:00 UTC: its clocks go forward at 02:00.
  await seedOpinions(
    [
      ['before', '2026-03-28T22:30:00Z'],
      ['first', '2026-03-28T23:30:00Z'],
      ['last', '2026-03-29T21:30:00Z'],
      ['after', '2026-03-29T22:30:00Z'],
    ].map(([name, createdAt]) => ({ name: `${tag} ${name}`, comment: 'Fine.', willReturn: true, createdAt })),
  );
  const staff = asUser(stack, await logInRest('staff', 'Staff#Opinions1'));
  expect((await staff('POST', '/functions/saveVenueSettings', { ...DEFAULT_VENUE_SETTINGS, timeZone: 'Europe/Madrid' })).status).toBe(200);
  try {
    for (const timezoneId of ['Asia/Tokyo', 'America/Los_Angeles']) {
      const { context, page, errors } = await newPage(browser(), { timezoneId });
      await asStaff(page, `/dashboard?q=${tag}&from=2026-03-29&to=2026-03-29&sort=oldest`);
      await expect.poll(() => rangeText(page)).toBe('1–2 of 2');
      expect(await page.locator('.opinion-card__name').allTextContents()).toEqual([`${tag} first`, `${tag} last`]);
      await expect.poll(() => page.locator('.stat__value').first().textContent()).toBe('2');
      expect(errors).toEqual([]);
      await context.close();
    }
  } finally {
    expect((await staff('POST', '/functions/saveVenueSettings', DEFAULT_VENUE_SETTINGS)).status).toBe(200);
  }
}, 90_000);

test('a range chosen on the open dashboard is read in the venue’s days, and the page stays as it was: the From field keeps its focus', async () => {
  const tag = `rg${crypto.randomUUID().slice(0, 8)}`;
  await seedOpinions([
    { name: `${tag} earlier`, comment: 'Fine.', willReturn: true, createdAt: '2026-03-10T12:00:00Z' },
    { name: `${tag} later`, comment: 'Fine.', willReturn: true, createdAt: '2026-03-12T12:00:00Z' },
  ]);
  const { context, page, errors } = await newPage(browser());
  // The venue's settings (its time zone) are asked for once the page is idle, or when a date field takes focus.
  const zoneKnown = page.waitForResponse((response) => new URL(response.url()).pathname.endsWith('/functions/venueSettings'));
  await asStaff(page, `/dashboard?q=${tag}`);
  await expect.poll(() => rangeText(page)).toBe('1–2 of 2');
  const from = page.getByLabel('From', { exact: true });
  await from.focus();
  await zoneKnown;
  await from.fill('2026-03-11');
  await page.waitForURL((url) => url.searchParams.get('from') === '2026-03-11');
  await expect.poll(() => rangeText(page)).toBe('1–1 of 1');
  expect(await page.locator('.opinion-card__name').allTextContents()).toEqual([`${tag} later`]);
  // The same field, never replaced by a page on its way.
  expect(await from.evaluate((input) => input === document.activeElement)).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});
