/**
 * `npm run bench:form`: how soon the visitor's form is visible, typeable and submittable on a
 * mid-range phone: Lighthouse's Slow 4G and a 4× slower CPU, emulated in Chromium through CDP,
 * 5 cold loads (fresh profile each), medians printed. Times are from the start of navigation.
 */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, median, SLOW_4G, startBenchApp } from './bench-app.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

interface Sample {
  visible: number;
  typeable: number;
  hydrated: number;
  submitted: number;
}

async function measure(browser: Browser, appURL: string, run: number): Promise<Sample> {
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
  const now = () => page.evaluate(() => performance.now());

  // Typeable: when the field took the first text typed (the page's clock, not the driver's round trips).
  await page.addInitScript(() => {
    const seen = window as unknown as { firstInputAt?: number };
    document.addEventListener('input', () => (seen.firstInputAt ??= performance.now()), { capture: true });
  });
  await page.goto(appURL + '/', { waitUntil: 'commit' });
  const comment = page.locator('#comment');
  await comment.waitFor({ state: 'visible', timeout: 60_000 });
  await comment.fill(`Benchmark run ${run}`);
  const typeable = await page.evaluate(() => (window as unknown as { firstInputAt?: number }).firstInputAt ?? Number.NaN);
  await page.locator('#willReturn-yes').check();
  // Hydrated: the send button has become a real submit button.
  await page.locator('form button[type="submit"]').waitFor({ timeout: 60_000 });
  const hydrated = await now();
  await page.locator('form button[type="submit"]').click();
  await page.getByRole('heading', { name: 'Thank you for your opinion' }).waitFor({ timeout: 60_000 });
  const submitted = await now();
  // The form is in the prerendered HTML, so it is visible with the first contentful paint.
  const visible = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
  );
  await context.close();
  return { visible, typeable, hydrated, submitted };
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
        `hydrated ${sample.hydrated.toFixed(0)} ms, submitted ${sample.submitted.toFixed(0)} ms`,
    );
  }
  const of = (key: keyof Sample) => (median(samples.map((sample) => sample[key])) / 1000).toFixed(2);
  console.log(
    `\nSlow 4G (${SLOW_4G.latencyMs} ms latency, ${SLOW_4G.downloadKbps.toFixed(0)} kbps down), CPU ${SLOW_4G.cpuSlowdown}× slower, median of ${RUNS} cold loads:`,
  );
  console.log(`  visible     ${of('visible')} s`);
  console.log(`  typeable    ${of('typeable')} s   (target 1.0 s)`);
  console.log(`  hydrated    ${of('hydrated')} s`);
  console.log(`  submittable ${of('submitted')} s   (target 2.5 s: a click on send, as soon as it can send, shows the thank-you)`);
} finally {
  await browser.close();
  await app.stop();
}
