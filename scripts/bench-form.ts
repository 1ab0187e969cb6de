/**
 * `npm run bench:form`: how soon the visitor's form is visible, typeable and submittable on a
 * mid-range phone: Lighthouse's Slow 4G and a 4× slower CPU, emulated in Chromium through CDP,
 * 5 cold loads (fresh profile each) of each language's `/` (`BENCH_LANGS=es,ar` for fewer),
 * medians printed. Times are from the start of navigation.
 * `-- --write` puts the medians into docs/performance.md.
 */
import { chromium, type Browser } from 'playwright-core';
import { OPINION_FORM } from '../src/components/opinion-form-markers.ts';
import { OPINION_FUNCTION } from '../src/domain/classes.ts';
import { isLanguage, LANGUAGE_CODES, type Language } from '../src/domain/languages.ts';
import { withLanguage } from '../src/i18n/language.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, median, SLOW_4G, startBenchApp } from './bench-app.ts';
import { markdownTable, wantsWrite, writeBlock } from './bench-report.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BENCH_LANGUAGES = process.env.BENCH_LANGS?.split(',').filter(isLanguage) ?? LANGUAGE_CODES;

interface Sample {
  visible: number;
  typeable: number;
  hydrated: number;
  submittable: number;
  thanked: number;
}

/** Moments the page itself notes (its own clock, free of the driver's round trips). */
interface Marks {
  firstInputAt?: number;
  hydratedAt?: number;
  thankedAt?: number;
}

async function measure(browser: Browser, appURL: string, language: Language, run: number): Promise<Sample> {
  const createPath = `/functions/${OPINION_FUNCTION.submit}`;
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // A new context has an empty cache (a first visit); the cache stays on, as in a browser, so
  // that what the page prefetches is there when it asks for it.
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: SLOW_4G.latencyMs,
    downloadThroughput: (SLOW_4G.downloadKbps * 1024) / 8,
    uploadThroughput: (SLOW_4G.uploadKbps * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_4G.cpuSlowdown });

  await page.addInitScript(() => {
    const marks = window as unknown as Marks;
    document.addEventListener('input', () => (marks.firstInputAt ??= performance.now()), { capture: true });
    new MutationObserver(() => {
      // Hydrated: the send button has become a real submit button.
      if (document.querySelector('form button[type="submit"]')) marks.hydratedAt ??= performance.now();
      if (document.getElementById('thanks-title')) marks.thankedAt ??= performance.now();
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['type'] });
  });
  await page.goto(appURL + withLanguage(language, '/'), { waitUntil: 'commit' });
  const comment = page.locator('#comment');
  await comment.waitFor({ state: 'visible', timeout: 60_000 });
  // A visitor who types and sends at once: the click is kept until the form can send.
  await comment.fill(`Benchmark run ${run}`);
  await page.locator('#willReturn-yes').check();
  // Found by the form's marker, not by its name, which is in the page's language.
  await page.locator(`${OPINION_FORM} button`).click();
  await page.locator('#thanks-title').waitFor({ timeout: 60_000 });
  const sample = await page.evaluate((createPath) => {
    const marks = window as unknown as Marks;
    const sent = performance.getEntriesByType('resource').find((entry) => entry.name.includes(createPath));
    return {
      // The form is in the prerendered HTML, so it is visible with the first contentful paint.
      visible: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      typeable: marks.firstInputAt ?? Number.NaN,
      hydrated: marks.hydratedAt ?? Number.NaN,
      // Submittable: the opinion leaves for the server (the form hydrated, the Parse SDK loaded).
      submittable: sent?.startTime ?? Number.NaN,
      thanked: marks.thankedAt ?? Number.NaN,
    };
  }, createPath);
  await context.close();
  return sample;
}

const app = await startBenchApp();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
try {
  const rows: string[][] = [];
  console.log(`Slow 4G (${SLOW_4G.latencyMs} ms latency, ${SLOW_4G.downloadKbps.toFixed(0)} kbps down), CPU ${SLOW_4G.cpuSlowdown}× slower, median of ${RUNS} cold loads;`);
  console.log('targets: typeable 1.0 s, submittable 2.5 s (Send clicked right after typing; the opinion leaves for the server).\n');
  for (const language of BENCH_LANGUAGES) {
    const samples: Sample[] = [];
    for (let run = 1; run <= RUNS; run += 1) samples.push(await measure(browser, app.appURL, language, run));
    const of = (key: keyof Sample) => `${(median(samples.map((sample) => sample[key])) / 1000).toFixed(2)} s`;
    const page = withLanguage(language, '/');
    console.log(
      `${page.padEnd(5)} visible ${of('visible')}, typeable ${of('typeable')}, hydrated ${of('hydrated')}, ` +
        `submittable ${of('submittable')}, thanked ${of('thanked')}`,
    );
    rows.push([`\`${page}\``, of('visible'), of('typeable'), of('hydrated'), of('submittable'), of('thanked')]);
  }
  if (wantsWrite()) {
    const table = markdownTable(['page', 'visible', 'typeable (target 1.0 s)', 'hydrated', 'submittable (target 2.5 s)', 'thanked'], rows);
    writeBlock('bench:form', `${table}

Median of ${RUNS} cold loads per language, Slow 4G (${SLOW_4G.latencyMs} ms, ${SLOW_4G.downloadKbps.toFixed(0)} kbps down), CPU ${SLOW_4G.cpuSlowdown}× slower.`,
      { browser: `Chromium ${browser.version()}` },
    );
  }
} finally {
  await browser.close();
  await app.stop();
}
