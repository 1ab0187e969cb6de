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
import autocannon from 'autocannon';
import { masterRestClient } from '../server/rest.ts';
import { CLASS } from '../src/domain/classes.ts';
import { startTestStack } from '../tests/helpers/test-stack.ts';
import { BARE, startBareParse } from './bare-parse.ts';
import { markdownTable, wantsWrite, writeBlock } from './bench-report.ts';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

const rateLimited = process.argv.includes('--rate-limit');
const requests = option('requests', 5_000);
const connections = option('connections', 50);

interface Target {
  name: string;
  serverURL: string;
  appId: string;
  javascriptKey: string;
  masterKey: string;
}

interface LoadFigures {
  target: string;
  perSecond: number;
  seconds: number;
  percentile(p: number): string;
  answers: Map<number, number>;
  stored: number;
  connectionErrors: number;
  timeouts: number;
  ok: boolean;
}

/** `requests` creates from `connections` clients, then the rows they stored, counted. */
async function load(target: Target): Promise<LoadFigures> {
  const runId = crypto.randomUUID();
  let sequence = 0;
  const answers = new Map<number, number>();
  const latencies: number[] = [];
  const result = await autocannon({
    url: `${target.serverURL}/classes/${CLASS.opinions}`,
    connections,
    amount: requests,
    method: 'POST',
    headers: {
      'X-Parse-Application-Id': target.appId,
      'X-Parse-JavaScript-Key': target.javascriptKey,
      'Content-Type': 'application/json',
    },
    setupClient(client) {
      client.setBody(JSON.stringify({ comment: `load ${runId}`, willReturn: true }));
    },
    requests: [
      {
        setupRequest(request, context) {
          (context as { startedAt?: number }).startedAt = performance.now();
          sequence += 1;
          return {
            ...request,
            body: JSON.stringify({
              comment: `load ${runId} #${sequence}`,
              willReturn: sequence % 2 === 0,
              submissionId: crypto.randomUUID(),
            }),
          };
        },
        onResponse(status, _body, context) {
          latencies.push(performance.now() - Number((context as { startedAt?: number }).startedAt));
          answers.set(status, (answers.get(status) ?? 0) + 1);
        },
      },
    ],
  });
  const rest = masterRestClient(target.serverURL, target.appId, target.masterKey);
  const where = encodeURIComponent(JSON.stringify({ comment: { $regex: `^load ${runId} ` } }));
  const { count } = await rest.request<{ count: number }>('GET', `/classes/${CLASS.opinions}?where=${where}&count=1&limit=0`);
  const serverErrors = [...answers].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);
  latencies.sort((a, b) => a - b);
  return {
    target: target.name,
    perSecond: result.requests.average,
    seconds: result.duration,
    percentile: (p) => (latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0).toFixed(0),
    answers,
    stored: count,
    connectionErrors: result.errors,
    timeouts: result.timeouts,
    ok: count === (answers.get(201) ?? 0) && serverErrors === 0 && result.errors === 0,
  };
}

const answersOf = (figures: LoadFigures, join: (status: number, n: number) => string) =>
  [...figures.answers].sort().map(([status, n]) => join(status, n)).join(', ');

function print(figures: LoadFigures) {
  console.log(`\n  ${figures.target}`);
  console.log(`  throughput    ${figures.perSecond.toFixed(0)} requests/s (mean), ${figures.seconds.toFixed(1)} s in all`);
  console.log(`  latency       p50 ${figures.percentile(50)} ms, p95 ${figures.percentile(95)} ms, p99 ${figures.percentile(99)} ms`);
  console.log(`  answers       ${answersOf(figures, (status, n) => `${status}: ${n}`)}`);
  console.log(`  rows stored   ${figures.stored} (accepted responses: ${figures.answers.get(201) ?? 0})`);
  console.log(`  errors        ${figures.connectionErrors} connection errors, ${figures.timeouts} timeouts`);
  console.log(figures.ok ? '  OK: rows equal accepted responses, no 5xx.' : '  FAILED: rows and accepted responses differ, or the server failed.');
}

if (process.argv.includes('--cluster')) {
  const { benchCluster } = await import('./bench-load-cluster.ts');
  process.exit(await benchCluster({ requests, connections }));
}

const stack = await startTestStack({ opinionCreateLimit: rateLimited ? 100 : 1_000_000 });
try {
  console.log(`\nbench:load — ${requests} creates from ${connections} concurrent clients, rate limit ${rateLimited ? 'on (100/min per IP)' : 'off'}`);
  const runs = [await load({ ...stack.config, name: 'this app', serverURL: stack.serverURL })];
  if (!rateLimited) {
    const bare = await startBareParse(stack.databaseURL);
    try {
      runs.push(await load({ ...BARE, name: 'bare Parse Server (no Cloud Code, no limits)', serverURL: bare.serverURL }));
    } finally {
      await bare.stop();
    }
  }
  runs.forEach(print);
  const [ours, bare] = runs;
  if (ours && bare) console.log(`\n  this app makes ${((100 * ours.perSecond) / bare.perSecond).toFixed(0)} % of bare Parse Server's creates per second (goal: 80 %).`);
  if (wantsWrite()) {
    const table = markdownTable(
      ['server', 'creates', 'clients', 'requests/s (mean)', 'p50', 'p95', 'p99', 'answers', 'rows stored', 'check'],
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
