/**
 * `npm run bench:load -- --cluster`: the same creates against one instance and against
 * CLUSTER_SIZE instances, each behind HAProxy with Redis (so only the number differs), side by side.
 */
import autocannon from 'autocannon';
import { clusterSize } from '../server/cluster.ts';
import { masterRestClient } from '../server/rest.ts';
import { CLASS } from '../src/domain/classes.ts';
import { startTestCluster } from '../tests/helpers/test-cluster.ts';
import { markdownTable } from './bench-report.ts';

interface Measured {
  instances: number;
  throughput: number;
  p97_5: number;
  accepted: number;
  stored: number;
  failed: number;
}

async function measure(instances: number, requests: number, connections: number): Promise<Measured> {
  const cluster = await startTestCluster(instances, { opinionCreateLimit: 1_000_000 });
  try {
    const run = crypto.randomUUID();
    const result = await autocannon({
      url: `${cluster.serverURL}/classes/${CLASS.opinions}`,
      connections,
      amount: requests,
      method: 'POST',
      headers: {
        'X-Parse-Application-Id': cluster.config.appId,
        'X-Parse-JavaScript-Key': cluster.config.javascriptKey,
        'Content-Type': 'application/json',
      },
      requests: [
        {
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({ comment: `cluster load ${run}`, willReturn: true, submissionId: crypto.randomUUID() }),
          }),
        },
      ],
    });
    const rest = masterRestClient(cluster.serverURL, cluster.config.appId, cluster.config.masterKey);
    const where = encodeURIComponent(JSON.stringify({ comment: `cluster load ${run}` }));
    const { count } = await rest.request<{ count: number }>('GET', `/classes/${CLASS.opinions}?where=${where}&count=1&limit=0`);
    return {
      instances,
      throughput: result.requests.average,
      p97_5: result.latency.p97_5,
      accepted: result['2xx'],
      stored: count,
      failed: result.non2xx + result.errors + result.timeouts,
    };
  } finally {
    await cluster.stop();
  }
}

/** Prints the comparison; the exit code: 0 when every accepted create is one row and none failed. */
export async function benchCluster({ requests, connections }: { requests: number; connections: number }): Promise<number> {
  const size = clusterSize();
  const rows = [await measure(1, requests, connections), await measure(size, requests, connections)];
  console.log(`\nbench:load --cluster — ${requests} creates from ${connections} clients through HAProxy, 1 and ${size} instances\n`);
  console.log(
    markdownTable(
      ['instances', 'requests/s (mean)', 'p97.5', 'accepted', 'rows stored', 'failed'],
      rows.map((row) => [String(row.instances), row.throughput.toFixed(0), `${row.p97_5} ms`, String(row.accepted), String(row.stored), String(row.failed)]),
    ),
  );
  const [one, many] = rows;
  if (one && many) console.log(`\n  ${size} instances give ${(many.throughput / one.throughput).toFixed(2)} × the throughput of one.`);
  return rows.every((row) => row.stored === row.accepted && row.failed === 0) ? 0 : 1;
}
