/**
 * `npm run bench:load [-- --rate-limit] [--requests N] [--connections C] [--write]`
 * `npm run bench:load -- --cluster`: 1 and CLUSTER_SIZE instances side by side (scripts/bench-load-cluster.ts).
 *
 * Creates opinions from many concurrent clients on loopback against a throwaway stack, then
 * counts rows: every accepted response must be exactly one row, and nothing may answer 5xx.
 * Without --rate-limit the limit is out of the way (throughput), and the same load then runs
 * against a bare Parse Server (scripts/bare-parse.ts: same PostgreSQL, same class, no Cloud
 * Code, no limits), so that our cost per create reads beside Parse's own. With it, the per-IP
 * limit applies and answers 429 to the excess, which must store nothing. --write puts the
 * figures into docs/performance.md (a block for each mode).
 */
import { parseServerUrl } from '../server/config.ts';
import { startInstance } from '../server/cluster.ts';
import { freePort, startTestStack } from '../tests/helpers/test-stack.ts';
import { BARE, startBareParse } from './bare-parse.ts';
import { markdownTable, wantsWrite, writeBlock } from './bench-report.ts';
import { answersOf, load, print, type LoadFigures } from './load.ts';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

const rateLimited = process.argv.includes('--rate-limit');
const requests = option('requests', 5_000);
const connections = option('connections', 50);

if (process.argv.includes('--cluster')) {
  const { benchCluster } = await import('./bench-load-cluster.ts');
  process.exit(await benchCluster({ requests, connections }));
}

const stack = await startTestStack({ opinionCreateLimit: rateLimited ? 100 : 1_000_000 });
try {
  console.log(`\nbench:load — ${requests} creates from ${connections} concurrent clients, rate limit ${rateLimited ? 'on (100/min per IP)' : 'off'}`);
  // This app's Parse Server as a process of its own on the stack's database, as the bare one
  // is: neither shares its event loop with the load's clients.
  const config = { ...stack.config, parsePort: await freePort() };
  const server = await startInstance(config, stack.databaseURL, 'this app', false);
  const runs: LoadFigures[] = [];
  try {
    runs.push(await load({ ...config, name: 'this app', serverURL: parseServerUrl(config) }, { requests, connections }));
  } finally {
    await server.stop();
  }
  if (!rateLimited) {
    const bare = await startBareParse(stack.databaseURL);
    try {
      runs.push(await load({ ...BARE, name: 'bare Parse Server (no Cloud Code, no limits)', serverURL: bare.serverURL }, { requests, connections }));
    } finally {
      await bare.stop();
    }
  }
  runs.forEach(print);
  const [ours, bare] = runs;
  if (ours && bare) console.log(`\n  this app makes ${((100 * ours.perSecond) / bare.perSecond).toFixed(0)} % of bare Parse Server's creates per second (goal: 80 %).`);
  if (wantsWrite()) {
    const table = markdownTable(
      ['server', 'creates', 'clients', 'answers/s', 'p50', 'p95', 'p99', 'answers', 'rows stored', 'check'],
      runs.map((figures) => [
        figures.target,
        String(requests),
        String(connections),
        figures.perSecond.toFixed(0),
        `${figures.percentile(50)} ms`,
        `${figures.percentile(95)} ms`,
        `${figures.percentile(99)} ms`,
        answersOf(figures, (status, n) => `${n} × ${status}`),
        String(figures.stored),
        figures.ok ? 'ok' : 'FAILED',
      ]),
    );
    writeBlock(rateLimited ? 'bench:load:rate-limit' : 'bench:load', table);
  }
  process.exitCode = runs.every((figures) => figures.ok) ? 0 : 1;
} finally {
  await stack.stop();
}
