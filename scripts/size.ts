/**
 * `npm run size [-- --no-build] [-- --dir dist] [-- --write]`: builds the app (unless --no-build), then
 * prints the gzip -9 size of the JavaScript each budget counts and exits 1 when one is over;
 * --write puts the table into docs/performance.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'vite';
import { markdownTable, wantsWrite, writeBlock } from './bench-report.ts';
import { budgetsOf, checkBudget, type Manifest } from './size-budget.ts';

const args = process.argv.slice(2);
const dirFlag = args.indexOf('--dir');
const dist = path.resolve(dirFlag >= 0 ? (args[dirFlag + 1] ?? 'dist') : 'dist');
const base = process.env.VITE_BASE_PATH ?? '/';

if (!args.includes('--no-build')) {
  await build({ logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
}

const manifestPath = path.join(dist, '.vite', 'manifest.json');
if (!fs.existsSync(manifestPath)) {
  console.error(`No ${path.relative(process.cwd(), manifestPath)}: run \`npm run build\` first (build.manifest is on in vite.config.ts).`);
  process.exit(2);
}
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Manifest;
const indexHtml = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
// The deep links' shell (the prerender plugin's), when the build has one.
const shellPath = path.join(dist, 'spa-shell.html');
const shellHtml = fs.existsSync(shellPath) ? fs.readFileSync(shellPath, 'utf8') : indexHtml;

const gzipText = (text: string) => zlib.gzipSync(text, { level: 9 }).length;
const gzipFile = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;

let over = false;
const rows: string[][] = [];
console.log(`JavaScript budgets (gzip -9, each file compressed on its own), ${path.relative(process.cwd(), dist) || '.'}:`);
for (const budget of budgetsOf(manifest, indexHtml, base, shellHtml, gzipFile)) {
  const result = checkBudget(budget, gzipFile, gzipText);
  over ||= !result.ok;
  const files = [...new Set(budget.files)].map((file) => `${path.basename(file)} ${(gzipFile(file) / 1024).toFixed(1)}`);
  console.log(
    `${result.ok ? 'ok  ' : 'OVER'} ${result.name.padEnd(24)} ${result.gzipKB.toFixed(1).padStart(6)} KB of ${result.limitKB} KB` +
      `   (${files.join(', ')}${budget.inline.length ? `, ${budget.inline.length} inline` : ''})`,
  );
  rows.push([result.name, `${result.gzipKB.toFixed(1)} KB`, `${result.limitKB} KB`, result.ok ? 'ok' : 'OVER']);
}
if (wantsWrite()) writeBlock('size', markdownTable(['budget (gzip -9)', 'measured', 'limit', 'status'], rows));
process.exit(over ? 1 : 0);
