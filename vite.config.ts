import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { catalogsPlugin } from './build/catalogs-plugin.ts';
import { htmlPipeline } from './build/html-pipeline.ts';
import { pageChunkPlugin } from './build/page-chunk-plugin.ts';
import { pwaPlugin } from './build/pwa-plugin.ts';

export default defineConfig({
  plugins: [react(), catalogsPlugin(), pageChunkPlugin(), ...htmlPipeline(), ...pwaPlugin()],
  base: process.env.VITE_BASE_PATH ?? '/',
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  build: { sourcemap: true, manifest: true },
  test: {
    // Names a test file whose worker died, at the end of the output (tests/helpers/unfinished-reporter.ts).
    reporters: ['default', './tests/helpers/unfinished-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/helpers/unit-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/helpers/backend-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/helpers/e2e-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // What a page shows after a round trip or two can take seconds on a loaded machine:
          // expect.poll's default of 1 s would fail there what is only slow.
          expect: { poll: { timeout: 10_000 } },
          // One Chromium at a time keeps two cores responsive.
          fileParallelism: false,
        },
      },
    ],
  },
});
