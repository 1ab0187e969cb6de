// @vitest-environment node
// esbuild checks its TextEncoder, which jsdom replaces: the compiling runs in Node.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { routePreloadScript } from '../../../build/route-preload-plugin';
import { compileInlineScript } from '../../../build/inline-script';

const root = path.resolve(import.meta.dirname, '../../..');
const routes = [{ pattern: '^/login/?$', mode: 'preload', files: ['assets/login-a.js'] }] as const;
const server = { url: 'https://api.example/parse', appId: 'app-id', javascriptKey: 'js-key' };

describe('an inline script compiled from src/', () => {
  test('is one IIFE, without imports, called with its data', async () => {
    const script = await compileInlineScript(root, 'src/app/route-preload-script.ts', 'preloadRoute', { base: '/', assets: '/', routes });
    expect(script).toMatch(/^\(\(\)=>\{[\s\S]*\}\)\(\);$/);
    expect(script).not.toMatch(/\bimport\b|\bexport\b/);
    expect(script).toContain('assets/login-a.js');
  });

  test('the early calls only where some page is preloaded and a server is set: their code, the server and its keys', async () => {
    expect(await routePreloadScript(root, { base: '/', assets: '/', routes })).not.toContain('__earlyCloudCalls');
    const withCalls = await routePreloadScript(root, { base: '/', assets: '/', routes, server });
    expect(withCalls).toContain('__earlyCloudCalls');
    expect(withCalls).toContain('"https://api.example/parse"');
    const home = [{ pattern: '^/?$', mode: 'prefetch', files: [] }] as const;
    expect(await routePreloadScript(root, { base: '/', assets: '/', routes: home, server })).not.toContain('js-key');
  });
});
