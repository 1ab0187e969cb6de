/**
 * `npm run bench:load -- --cluster`: the same creates against one instance and against
 * CLUSTER_SIZE instances, each behind HAProxy with Redis (so only the number differs), side by side.
 */
import { clusterSize } from '../server/cluster.ts';
import { startTestCluster } from '../tests/helpers/test-cluster.ts';
import { markdownTable } from './bench-report.ts';
import { answersOf, load, type LoadFigures } from './load.ts';

async function measure(instances: number, requests: number, connections: number): Promise<LoadFigures> {
  const cluster = await startTestCluster(instances, { opinionCreateLimit: 1_000_000 });
  try {
    return await load({ ...cluster.config, name: `${instances} instance${instances > 1 ? 's' : ''}`, serverURL: cluster.serverURL }, { requests, connections });
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
      ['instances', 'answers/s', 'p95', 'answers', 'rows stored', 'check'],
      rows.map((row) => [row.target, row.perSecond.toFixed(0), `${row.percentile(95)} ms`, answersOf(row, (status, n) => `${n} × ${status}`), String(row.stored), row.ok ? 'ok' : 'FAILED']),
    ),
  );
  const [one, many] = rows;
  if (one && many) console.log(`\n  ${size} instances give ${(many.perSecond / one.perSecond).toFixed(2)} × the throughput of one.`);
  return rows.every((row) => row.ok) ? 0 : 1;
}
