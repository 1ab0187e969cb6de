// @vitest-environment node
/**
 * The Cloud Code bundle for Back4App: one CommonJS file that needs no package and registers
 * exactly what the TypeScript Cloud Code registers, on the global `Parse` it is given.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildCloud } from '../../../server/back4app/build-cloud.ts';

/** A stand-in for Parse Server's global that records what Cloud Code registers at load. */
function recordingParse() {
  const registered: string[] = [];
  const record = (kind: string) => (name: string | { className?: string }) =>
    registered.push(`${kind} ${typeof name === 'string' ? name : String(name.className)}`);
  return {
    registered,
    Parse: {
      Cloud: {
        define: record('define'),
        beforeSave: record('beforeSave'),
        afterSave: record('afterSave'),
        beforeDelete: record('beforeDelete'),
        afterDelete: record('afterDelete'),
        beforeFind: record('beforeFind'),
        beforeSubscribe: record('beforeSubscribe'),
        // LiveQuery's connection: a handler, no class.
        beforeConnect: () => registered.push('beforeConnect'),
        job: record('job'),
      },
    },
  };
}

const global = globalThis as { Parse?: unknown };
let outDir: string;
let bundle: string;

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'visitor-opinions-cloud-'));
  bundle = await buildCloud(outDir);
}, 60_000);

afterAll(() => {
  delete global.Parse;
  fs.rmSync(outDir, { recursive: true, force: true });
});

test('main.js is plain CommonJS that requires nothing, not even the Parse SDK', () => {
  const code = fs.readFileSync(bundle, 'utf8');
  expect(path.basename(bundle)).toBe('main.js');
  expect(code).not.toMatch(/\brequire\(/);
  expect(code).not.toMatch(/^\s*(import|export)\s/m);
  expect(code).not.toContain('process.env');
});

test('it registers the same triggers and functions as the TypeScript Cloud Code', async () => {
  const source = recordingParse();
  global.Parse = source.Parse;
  await import('../../../server/cloud/main.ts');

  const built = recordingParse();
  global.Parse = built.Parse;
  createRequire(import.meta.url)(bundle);

  expect(source.registered.length).toBeGreaterThan(0);
  expect(source.registered).toEqual(expect.arrayContaining(['define submitOpinion', 'define triageOpinions', 'define setOpinionTags', 'beforeFind opinions', 'beforeDelete opinions', 'beforeSubscribe dashboardSignals', 'beforeConnect', 'define whoami', 'define dashboardStats']));
  expect(built.registered).toEqual(source.registered);
  // No save triggers on opinions: they would cost every create (decision 0037).
  expect(source.registered.filter((name) => / opinions$/.test(name) && name.includes('Save'))).toEqual([]);
});
