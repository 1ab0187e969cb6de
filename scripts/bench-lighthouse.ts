/**
 * `npm run bench:lighthouse`: Lighthouse (mobile: simulated Slow 4G, 4× CPU) 3 times on each
 * language's `/` (`/`, `/es/`, `/fr/`, `/ar/`), `/login` and `/dashboard` (signed in as the demo
 * staff user) of the production build, served
 * from dist with Brotli (or gzip) as a CDN would, in Debian's Chromium; prints the medians.
 * `-- --write` puts them into docs/performance.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, median, startBenchApp } from './bench-app.ts';
import { markdownTable, wantsWrite, writeBlock } from './bench-report.ts';
import { LANGUAGE_CODES } from '../src/domain/languages.ts';
import { withLanguage } from '../src/i18n/language.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Where to keep each run's full Lighthouse report (JSON), to see what a figure is made of. */
const REPORT_DIR = process.env.BENCH_REPORT_DIR;
const PAGES = [
  ...LANGUAGE_CODES.map((language) => ({ path: withLanguage(language, '/'), signedIn: false })),
  { path: '/login', signedIn: false },
  { path: '/dashboard', signedIn: true },
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const METRICS = {
  FCP: 'first-contentful-paint',
  LCP: 'largest-contentful-paint',
  TBT: 'total-blocking-time',
  CLS: 'cumulative-layout-shift',
} as const;

interface Run {
  scores: Record<(typeof CATEGORIES)[number], number>;
  metrics: Record<keyof typeof METRICS, number>;
  failed: string[];
  /** Lighthouse's own measure of the machine's speed at that moment (higher is faster). */
  benchmarkIndex: number;
  /** The browser's product and version, as its DevTools endpoint names them. */
  browser: string;
}

const app = await startBenchApp();
const { appId, javascriptKey } = app.stack.config;

/** The demo staff user's session, as the Parse SDK keeps it in localStorage. */
async function staffSession(): Promise<string> {
  const response = await fetch(`${app.stack.serverURL}/login`, {
    method: 'POST',
    headers: { 'X-Parse-Application-Id': appId, 'X-Parse-JavaScript-Key': javascriptKey, 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'staff', password: 'Staff#Opinions1' }),
  });
  if (!response.ok) throw new Error(`Logging in the demo staff user failed: ${response.status} ${await response.text()}`);
  return JSON.stringify({ ...(await response.json()), className: '_User' });
}

async function audit(url: string, signedIn: boolean): Promise<Run> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'visitor-opinions-lighthouse-'));
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS, userDataDir });
  try {
    const { Browser: product } = (await (await fetch(`http://127.0.0.1:${chrome.port}/json/version`)).json()) as { Browser: string };
    if (signedIn) {
      const session = await staffSession();
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
      const page = await browser.contexts()[0]!.newPage();
      await page.goto(new URL('/robots.txt', url).href);
      await page.evaluate(([key, value]) => localStorage.setItem(key, value), [`Parse/${appId}/currentUser`, session] as const);
      await page.close();
      await browser.close();
    }
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
      disableStorageReset: signedIn,
    });
    if (!result) throw new Error(`Lighthouse gave no result for ${url}.`);
    const { lhr } = result;
    if (REPORT_DIR) {
      fs.mkdirSync(REPORT_DIR, { recursive: true });
      const name = `${new URL(url).pathname.replace(/\W+/g, '_') || '_'}-${Date.now()}.json`;
      fs.writeFileSync(path.join(REPORT_DIR, name), JSON.stringify(lhr));
    }
    const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]));
    const metrics = Object.fromEntries(Object.entries(METRICS).map(([name, id]) => [name, lhr.audits[id]?.numericValue ?? NaN]));
    const failed = Object.values(lhr.categories).flatMap((category) =>
      category.auditRefs
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${category.id}: ${ref.id} (${lhr.audits[ref.id]?.displayValue ?? lhr.audits[ref.id]?.score})`),
    );
    return { scores, metrics, failed, benchmarkIndex: lhr.environment.benchmarkIndex, browser: product } as Run;
  } finally {
    chrome.kill();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

try {
  console.log(`Lighthouse ${RUNS}× per page, mobile (simulated Slow 4G, 4× CPU), medians:\n`);
  console.log('page         perf  a11y  best  seo    FCP      LCP      TBT     CLS');
  const only = process.env.BENCH_PAGES?.split(',');
  const rows: string[][] = [];
  const all: Run[] = [];
  for (const { path: pagePath, signedIn } of PAGES.filter((page) => !only || only.includes(page.path))) {
    const runs: Run[] = [];
    for (let run = 0; run < RUNS; run += 1) runs.push(await audit(app.appURL + pagePath, signedIn));
    all.push(...runs);
    const score = (id: (typeof CATEGORIES)[number]) => String(median(runs.map((run) => run.scores[id]))).padStart(4);
    const metric = (name: keyof typeof METRICS) => median(runs.map((run) => run.metrics[name]));
    console.log(
      `${pagePath.padEnd(12)} ${score('performance')}  ${score('accessibility')}  ${score('best-practices')}  ${score('seo')}  ` +
        `${(metric('FCP') / 1000).toFixed(2).padStart(5)} s  ${(metric('LCP') / 1000).toFixed(2).padStart(5)} s  ` +
        `${metric('TBT').toFixed(0).padStart(4)} ms  ${metric('CLS').toFixed(3)}`,
    );
    rows.push([
      `\`${pagePath}\``,
      ...CATEGORIES.map((id) => score(id).trim()),
      `${(metric('FCP') / 1000).toFixed(2)} s`,
      `${(metric('LCP') / 1000).toFixed(2)} s`,
      `${metric('TBT').toFixed(0)} ms`,
      metric('CLS').toFixed(3),
    ]);
    const failed = [...new Set(runs.flatMap((run) => run.failed))];
    if (failed.length) console.log(`             not passed in some run: ${failed.join('; ')}`);
  }
  if (wantsWrite()) {
    const table = markdownTable(['page', 'performance', 'accessibility', 'best practices', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS'], rows);
    // Debian's Chromium names itself Chrome (or HeadlessChrome) on its DevTools endpoint.
    const browsers = [...new Set(all.map((run) => `Chromium ${run.browser.split('/')[1] ?? run.browser}`))].join(', ');
    const index = median(all.map((run) => run.benchmarkIndex)).toFixed(0);
    writeBlock('bench:lighthouse', `${table}\n\nMedian of ${RUNS} Lighthouse runs per page, mobile (simulated Slow 4G, 4× CPU); Lighthouse's benchmark index of the machine ${index}.`, { browser: browsers });
  }
} finally {
  await app.stop();
}
