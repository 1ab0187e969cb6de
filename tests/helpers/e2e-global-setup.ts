import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { acquireSharedStack, describeForTests, releaseSharedStack } from './test-stack.ts';

/**
 * Browser tests run against the production build, configured for a real throwaway stack,
 * served by Vite's preview server (a static server with the SPA fallback).
 */
export default async function setup(project: TestProject) {
  const stack = await acquireSharedStack();
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'visitor-opinions-dist-'));
  try {
    process.env.VITE_PARSE_SERVER_URL = stack.serverURL;
    process.env.VITE_PARSE_APP_ID = stack.config.appId;
    process.env.VITE_PARSE_JS_KEY = stack.config.javascriptKey;
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
    const server = await preview({
      logLevel: 'warn',
      build: { outDir },
      // The stack's email links lead to its appUrl: serve the app there.
      preview: { port: Number(new URL(stack.config.appUrl).port), strictPort: true, host: '127.0.0.1' },
    });
    const appURL = stack.config.appUrl;
    project.provide('stack', describeForTests(stack));
    project.provide('appURL', appURL);
    return async () => {
      await server.close();
      await releaseSharedStack();
      fs.rmSync(outDir, { recursive: true, force: true });
    };
  } catch (error) {
    await releaseSharedStack();
    throw error;
  }
}
