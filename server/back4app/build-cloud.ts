/**
 * `npm run build:cloud [-- --out <folder>]`: bundles the Cloud Code (server/cloud/main.ts and
 * what it imports from src/domain and server/) into one plain CommonJS file, `main.js`, in
 * Back4App's layout: a project folder whose `cloud/main.js` `b4a deploy` uploads (the folder
 * `b4a new` makes). Default: server/back4app/cloud/main.js (not in git; build it before deploying).
 *
 * The global `Parse` that Parse Server gives Cloud Code is left as it is. The dashboard's SQL
 * pool (server/dashboard-sql.ts, the local PostgreSQL) is replaced by "no database": a hosted
 * server gives Cloud Code no SQL connection, so the stats function runs Parse's aggregate.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CLOUD_ENTRY = path.resolve(here, '../cloud/main.ts');
export const DEFAULT_OUT_DIR = path.resolve(here, 'cloud');

/** Back4App's Node runs Cloud Code with `require`; Node 18 is the oldest it offers today. */
const TARGET = 'node18';

const noDashboardSql: Plugin = {
  name: 'no-dashboard-sql',
  setup(builder) {
    builder.onResolve({ filter: /[\\/]dashboard-sql(\.ts)?$/ }, () => ({ path: 'dashboard-sql', namespace: 'hosted' }));
    builder.onLoad({ filter: /.*/, namespace: 'hosted' }, () => ({
      loader: 'ts',
      contents: [
        '// Hosted: Cloud Code has no SQL connection of its own (see server/back4app/build-cloud.ts).',
        'export function dashboardSql(): undefined { return undefined; }',
      ].join('\n'),
    }));
  },
};

export async function buildCloud(outDir: string = DEFAULT_OUT_DIR): Promise<string> {
  const outfile = path.join(outDir, 'main.js');
  fs.mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: [CLOUD_ENTRY],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: TARGET,
    // Types only: the SDK itself is the global `Parse` at run time.
    external: ['parse', 'parse/node'],
    plugins: [noDashboardSql],
    legalComments: 'inline',
    logLevel: 'warning',
    banner: {
      js: '// Built by `npm run build:cloud` from server/cloud/main.ts: edit the TypeScript sources, not this file.',
    },
    metafile: true,
  });
  const packages = Object.keys(result.metafile.inputs).filter((input) => input.includes('node_modules'));
  if (packages.length > 0) {
    throw new Error(`Cloud Code must not bundle packages (Back4App installs none by default): ${packages.join(', ')}`);
  }
  return outfile;
}

function outDirFromArgs(argv: readonly string[]): string {
  const at = argv.indexOf('--out');
  if (at === -1) return DEFAULT_OUT_DIR;
  const value = argv[at + 1];
  if (!value) throw new Error('Usage: npm run build:cloud [-- --out <folder for main.js>]');
  return path.resolve(value);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const outfile = await buildCloud(outDirFromArgs(process.argv.slice(2)));
    console.log(`Cloud Code bundled into ${path.relative(process.cwd(), outfile) || outfile}.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
