/**
 * `node --import tsx scripts/make-icons.ts`: renders the app's icons (public/icons/*.png, for the web
 * app manifest) from the SVGs below in Chromium. Run once when the icon changes; the PNGs are committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../tests/helpers/browser.ts';

const PRIMARY = '#1d4f91';
const SPEECH_BUBBLE = 'M8 10h16v10H14l-5 4v-4H8z';

/** The favicon's speech bubble on rounded blue. */
const ANY = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="${PRIMARY}"/><path d="${SPEECH_BUBBLE}" fill="#fff"/></svg>`;
/** Full bleed, the bubble inside the central 80 % that every mask keeps. */
const MASKABLE = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${PRIMARY}"/><path d="${SPEECH_BUBBLE}" fill="#fff" transform="translate(16 17) scale(0.75) translate(-16 -17)"/></svg>`;

const ICONS = [
  { file: 'icon-192.png', size: 192, svg: ANY },
  { file: 'icon-512.png', size: 512, svg: ANY },
  { file: 'icon-maskable-512.png', size: 512, svg: MASKABLE },
];

const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const { file, size, svg } of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.screenshot({ path: path.join('public', 'icons', file), omitBackground: true });
    await page.close();
    console.log(`public/icons/${file} ${fs.statSync(path.join('public', 'icons', file)).size} bytes`);
  }
} finally {
  await browser.close();
}
