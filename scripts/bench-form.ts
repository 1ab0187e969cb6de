/**
 * `npm run bench:form`: how soon the visitor's form is visible, typeable and submittable on a
 * mid-range phone: Lighthouse's Slow 4G and a 4× slower CPU, emulated in Chromium through CDP,
 * 5 cold loads (fresh profile each), medians printed. Times are from the start of navigation.
 * `-- --write` puts the medians into docs/performance.md.
 */
import { chromium, type Browser } from 'playwright-core';
import { CLASS } from '../src/domain/classes.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, median, SLOW_4G, startBenchApp } from './bench-app.ts';
import { markdownTable, wantsWrite, writeBlock } from './bench-report.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

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

async function measure(browser: Browser, appURL: string, run: number): Promise<Sample> {
  const createPath = `/classes/${CLASS.opinions}`;
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
      if (document.querySelector('h1')?.textContent?.includes('Thank you')) marks.thankedAt ??= performance.now();
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['type'] });
  });
  await page.goto(appURL + '/', { waitUntil: 'commit' });
  const comment = page.locator('#comment');
  await comment.waitFor({ state: 'visible', timeout: 60_000 });
  // A visitor who types and sends at once: the click is kept until the form can send.
  await comment.fill(`Benchmark run ${run}`);
  await page.locator('#willReturn-yes').check();
  await page.getByRole('button', { name: 'Send my opinion' }).click();
  await page.getByRole('heading', { name: 'Thank you for your opinion' }).waitFor({ timeout: 60_000 });
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
  const samples: Sample[] = [];
  for (let run = 1; run <= RUNS; run += 1) {
    const sample = await measure(browser, app.appURL, run);
    samples.push(sample);
    console.log(
      `run ${run}: visible ${sample.visible.toFixed(0)} ms, typeable ${sample.typeable.toFixed(0)} ms, ` +
        `hydrated ${sample.hydrated.toFixed(0)} ms, submittable ${sample.submittable.toFixed(0)} ms, thanked ${sample.thanked.toFixed(0)} ms`,
    );
  }
  const of = (key: keyof Sample) => (median(samples.map((sample) => sample[key])) / 1000).toFixed(2);
  console.log(
    `\nSlow 4G (${SLOW_4G.latencyMs} ms latency, ${SLOW_4G.downloadKbps.toFixed(0)} kbps down), CPU ${SLOW_4G.cpuSlowdown}× slower, median of ${RUNS} cold loads:`,
  );
  console.log(`  visible     ${of('visible')} s`);
  console.log(`  typeable    ${of('typeable')} s   (target 1.0 s)`);
  console.log(`  hydrated    ${of('hydrated')} s`);
  console.log(`  submittable ${of('submittable')} s   (target 2.5 s: Send clicked right after typing; the opinion leaves for the server)`);
  console.log(`  thanked     ${of('thanked')} s   (the server's answer, and the thank-you on screen)`);
  if (wantsWrite()) {
    const table = markdownTable(
      ['visible', 'typeable', 'hydrated', 'submittable', 'thanked'],
      [[`${of('visible')} s`, `${of('typeable')} s (target 1.0 s)`, `${of('hydrated')} s`, `${of('submittable')} s (target 2.5 s)`, `${of('thanked')} s`]],
    );
    writeBlock('bench:form', `${table}

Median of ${RUNS} cold loads, Slow 4G (${SLOW_4G.latencyMs} ms, ${SLOW_4G.downloadKbps.toFixed(0)} kbps down), CPU ${SLOW_4G.cpuSlowdown}× slower.`);
  }
} finally {
  await browser.close();
  await app.stop();
}
