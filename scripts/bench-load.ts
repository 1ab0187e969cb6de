/**
 * `npm run bench:load [-- --rate-limit] [--requests N] [--connections C] [--write]`
 * `npm run bench:load -- --cluster`: 1 and CLUSTER_SIZE instances side by side (scripts/bench-load-cluster.ts).
 *
 * Creates opinions from many concurrent clients on loopback against a throwaway stack, then
 * counts rows: every accepted response must be exactly one row, and nothing may answer 5xx.
 * Without --rate-limit the limit is out of the way (throughput); with it, the per-IP limit
 * applies and answers 429 to the excess, which must store nothing. --write puts the figures
 * into docs/performance.md (a block for each mode).
 */
import autocannon from 'autocannon';
import { masterRestClient } from '../server/rest.ts';
import { CLASS } from '../src/domain/classes.ts';
import { startTestStack } from '../tests/helpers/test-stack.ts';
import { markdownTable, wantsWrite, writeBlock } from './bench-report.ts';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

const rateLimited = process.argv.includes('--rate-limit');
const requests = option('requests', 5_000);
const connections = option('connections', 50);
const runId = crypto.randomUUID();

if (process.argv.includes('--cluster')) {
  const { benchCluster } = await import('./bench-load-cluster.ts');
  process.exit(await benchCluster({ requests, connections }));
}

const stack = await startTestStack({ opinionCreateLimit: rateLimited ? 100 : 1_000_000 });
try {
  let sequence = 0;
  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  const result = await autocannon({
    url: `${stack.serverURL}/classes/${CLASS.opinions}`,
    connections,
    amount: requests,
    method: 'POST',
    headers: {
      'X-Parse-Application-Id': stack.config.appId,
      'X-Parse-JavaScript-Key': stack.config.javascriptKey,
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
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        },
      },
    ],
  });

  const rest = masterRestClient(stack.serverURL, stack.config.appId, stack.config.masterKey);
  const where = encodeURIComponent(JSON.stringify({ comment: { $regex: `^load ${runId} ` } }));
  const { count } = await rest.request<{ count: number }>('GET', `/classes/${CLASS.opinions}?where=${where}&count=1&limit=0`);
  const accepted = statuses.get(201) ?? 0;
  const serverErrors = [...statuses].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);

  console.log(`\nbench:load — ${requests} creates from ${connections} concurrent clients, rate limit ${rateLimited ? 'on (100/min per IP)' : 'off'}`);
  console.log(`  throughput    ${result.requests.average.toFixed(0)} requests/s (mean), ${result.duration.toFixed(1)} s in all`);
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => (latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0).toFixed(0);
  console.log(`  latency       p50 ${percentile(50)} ms, p95 ${percentile(95)} ms, p99 ${percentile(99)} ms`);
  console.log(`  answers       ${[...statuses].sort().map(([status, n]) => `${status}: ${n}`).join(', ')}`);
  console.log(`  rows stored   ${count} (accepted responses: ${accepted})`);
  console.log(`  errors        ${result.errors} connection errors, ${result.timeouts} timeouts, ${serverErrors} 5xx`);
  const ok = count === accepted && serverErrors === 0 && result.errors === 0;
  console.log(ok ? '\n  OK: rows equal accepted responses, no 5xx.' : '\n  FAILED: rows and accepted responses differ, or the server failed.');
  if (wantsWrite()) {
    const table = markdownTable(
      ['creates', 'clients', 'requests/s (mean)', 'p50', 'p95', 'p99', 'answers', 'rows stored', 'check'],
      [[
        String(requests),
        String(connections),
        result.requests.average.toFixed(0),
        `${percentile(50)} ms`,
        `${percentile(95)} ms`,
        `${percentile(99)} ms`,
        [...statuses].sort().map(([status, n]) => `${n} × ${status}`).join(', '),
        String(count),
        ok ? 'ok' : 'FAILED',
      ]],
    );
    writeBlock(rateLimited ? 'bench:load:rate-limit' : 'bench:load', table);
  }
  process.exitCode = ok ? 0 : 1;
} finally {
  await stack.stop();
}
