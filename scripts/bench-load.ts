/**
 * `npm run bench:load [-- --rate-limit] [--requests N] [--connections C] [--rounds R] [--write]`
 * `npm run bench:load -- --cluster`: 1 and CLUSTER_SIZE instances side by side (scripts/bench-load-cluster.ts).
 *
 * Creates opinions from many concurrent clients on loopback against a throwaway stack, then
 * counts rows: every accepted response must be exactly one row, and nothing may answer 5xx.
 * Without --rate-limit the limit is out of the way (throughput), and the same load then runs
 * against a bare Parse Server (scripts/bare-parse.ts: same PostgreSQL, same class, no Cloud
 * Code, no limits), after 1,000 creates each to warm up, in alternating rounds (9 unless
 * --rounds says), so that our cost per create reads beside Parse's own. With it, the per-IP
 * limit applies and answers 429 to the excess, which must store nothing. --write puts the
 * figures into docs/performance.md (a block for each mode).
 */
import { parseServerUrl } from '../server/config.ts';
import { startInstance } from '../server/cluster.ts';
import { freePort, startTestStack } from '../tests/helpers/test-stack.ts';
import { BARE, startBareParse } from './bare-parse.ts';
import { markdownTable, wantsWrite, writeBlock } from './bench-report.ts';
import { answersOf, CLASS_CREATE, load, print, type LoadFigures, type Target } from './load.ts';

/** The middle value (the upper one of an even count); undefined for none. */
function medianOf(values: readonly number[]): number | undefined {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

const rateLimited = process.argv.includes('--rate-limit');
const requests = option('requests', 5_000);
const connections = option('connections', 50);
const rounds = option('rounds', rateLimited ? 1 : 9);
/** Creates sent to each server before the measured rounds. */
const WARM_UP = rateLimited ? 0 : 1_000;

if (process.argv.includes('--cluster')) {
  const { benchCluster } = await import('./bench-load-cluster.ts');
  process.exit(await benchCluster({ requests, connections }));
}

const stack = await startTestStack({ opinionCreateLimit: rateLimited ? 100 : 1_000_000 });
try {
  console.log(`\nbench:load — ${requests} creates from ${connections} concurrent clients, rate limit ${rateLimited ? 'on (100/min per IP)' : 'off'}`);
  // This app's Parse Server as a process of its own on the stack's database, as the bare one
  // is: neither shares its event loop with the load's clients. Without the limit, rounds
  // alternate between the two (which goes first too), so that a slower minute of the machine
  // weighs on both: the share is the median round's.
  const config = { ...stack.config, parsePort: await freePort() };
  const ours = await startInstance(config, stack.databaseURL, 'this app', false);
  const servers: (Target & { stop(): Promise<void> })[] = [{ ...config, name: 'this app', serverURL: parseServerUrl(config), pid: ours.process.pid, stop: () => ours.stop() }];
  if (!rateLimited) {
    const bare = await startBareParse(stack.databaseURL);
    servers.push({ ...BARE, name: 'bare Parse Server (no Cloud Code, no limits)', serverURL: bare.serverURL, create: CLASS_CREATE, pid: bare.pid, stop: () => bare.stop() });
  }
  const runs: { round: number; figures: LoadFigures }[] = [];
  try {
    // Warmed up first, unmeasured: a fresh process compiles its code and loads its caches.
    if (WARM_UP > 0) for (const server of servers) await load(server, { requests: WARM_UP, connections });
    for (let round = 1; round <= rounds; round++) {
      for (const server of round % 2 === 1 ? servers : [...servers].reverse()) {
        runs.push({ round, figures: await load(server, { requests, connections }) });
      }
    }
  } finally {
    for (const server of servers) await server.stop();
  }
  for (const { round, figures } of runs) {
    if (rounds > 1) console.log(`\n  round ${round}`);
    print(figures);
  }
  const shares = Array.from({ length: rounds }, (_, index) => {
    const [ours, bare] = servers.map(({ name }) => runs.find((run) => run.round === index + 1 && run.figures.target === name)?.figures);
    return ours && bare ? (100 * ours.perSecond) / bare.perSecond : null;
  }).filter((share) => share !== null);
  const median = medianOf(shares);
  // CPU time per create, the median of the rounds: steadier than throughput on a shared machine.
  const cpu = servers.map(({ name }) =>
    medianOf(runs.flatMap(({ figures }) => (figures.target === name && figures.cpuPerCreate !== null ? [figures.cpuPerCreate] : []))),
  );
  const cpuLine = cpu.every((ms) => ms !== undefined) && cpu.length === 2
    ? `Server CPU per create (median): this app ${cpu[0]?.toFixed(2)} ms, bare Parse Server ${cpu[1]?.toFixed(2)} ms.`
    : '';
  if (median !== undefined) {
    console.log(`\n  this app makes ${median.toFixed(0)} % of bare Parse Server's creates per second (median of ${shares.map((share) => share.toFixed(0)).join(', ')} %; goal: 80 %).`);
    if (cpuLine) console.log(`  ${cpuLine}`);
  }
  if (wantsWrite()) {
    const table = markdownTable(
      ['server', 'round', 'creates', 'clients', 'answers/s', 'server CPU per create', 'p50', 'p95', 'p99', 'answers', 'rows stored', 'check'],
      runs.map(({ round, figures }) => [
        figures.target,
        String(round),
        String(requests),
        String(connections),
        figures.perSecond.toFixed(0),
        figures.cpuPerCreate === null ? '' : `${figures.cpuPerCreate.toFixed(2)} ms`,
        `${figures.percentile(50)} ms`,
        `${figures.percentile(95)} ms`,
        `${figures.percentile(99)} ms`,
        answersOf(figures, (status, n) => `${n} × ${status}`),
        String(figures.stored),
        figures.ok ? 'ok' : 'FAILED',
      ]),
    );
    const share = median === undefined ? '' : `\n\nThis app: ${median.toFixed(0)} % of bare Parse Server's creates per second, the median of ${shares.length} rounds (goal: 80 %).${cpuLine ? ` ${cpuLine}` : ''}`;
    writeBlock(rateLimited ? 'bench:load:rate-limit' : 'bench:load', table + share);
  }
  process.exitCode = runs.every(({ figures }) => figures.ok) ? 0 : 1;
} finally {
  await stack.stop();
}
