/**
 * What the browser benchmarks share: a throwaway stack, the production build pointed at it
 * (prerendering included), served from dist as a CDN would, and Debian's Chromium.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import type { Stack } from '../server/stack.ts';
import { startTestStack } from '../tests/helpers/test-stack.ts';
import { serveDist, type StaticServer } from './static-server.ts';

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Lighthouse's mobile "Slow 4G" as DevTools applies it, and its 4× slower CPU. */
export const SLOW_4G = {
  latencyMs: 150 * 3.75,
  downloadKbps: 1.6 * 1024 * 0.9,
  uploadKbps: 750 * 0.9,
  cpuSlowdown: 4,
} as const;

export interface BenchApp {
  readonly stack: Stack;
  readonly appURL: string;
  stop(): Promise<void>;
}

export async function startBenchApp(): Promise<BenchApp> {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's chromium or set CHROME_PATH.`);
  const stack = await startTestStack({ opinionCreateLimit: 100_000 });
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'visitor-opinions-bench-'));
  let server: StaticServer | undefined;
  try {
    process.env.VITE_PARSE_SERVER_URL = stack.serverURL;
    process.env.VITE_PARSE_APP_ID = stack.config.appId;
    process.env.VITE_PARSE_JS_KEY = stack.config.javascriptKey;
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
    server = await serveDist(outDir, { port: Number(new URL(stack.config.appUrl).port) });
  } catch (error) {
    await stack.stop();
    throw error;
  }
  const running = server;
  return {
    stack,
    appURL: running.url,
    async stop() {
      await running.close();
      await stack.stop();
      fs.rmSync(outDir, { recursive: true, force: true });
    },
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}
