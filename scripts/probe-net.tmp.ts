import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, startBenchApp } from './bench-app.ts';
const app = await startBenchApp();
const { appId, javascriptKey } = app.stack.config;
try {
  const r = await fetch(`${app.stack.serverURL}/login`, { method: 'POST', headers: { 'X-Parse-Application-Id': appId, 'X-Parse-JavaScript-Key': javascriptKey, 'content-type': 'application/json' }, body: JSON.stringify({ username: 'staff', password: 'Staff#Opinions1' }) });
  const session = JSON.stringify({ ...(await r.json()), className: '_User' });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS.filter((f) => !f.startsWith('--headless') && !f.includes('background-networking')) });
  const page = await browser.newPage();
  await page.goto(new URL('/robots.txt', app.appURL).href);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`Parse/${appId}/currentUser`, session] as const);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (e: any) => { if (!e.request.url.startsWith('data:')) console.log('req', e.request.method, e.request.url.slice(0, 90), e.type); });
  cdp.on('Network.responseReceived', (e: any) => { const t = e.response.timing; console.log('res', e.response.url.slice(0, 90), 'reused', e.response.connectionReused, 'conn', e.response.connectionId, t && Math.round(t.connectStart), t && Math.round(t.connectEnd)); });
  await page.goto(app.appURL + '/dashboard');
  await page.waitForTimeout(3000);
  console.log(await page.evaluate(() => [...document.querySelectorAll('link[rel=preconnect]')].map((l) => l.outerHTML)));
  await browser.close();
} finally { await app.stop(); }
