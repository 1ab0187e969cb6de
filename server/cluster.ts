/**
 * `npm run cluster`: the backend as several Parse Server instances (CLUSTER_SIZE, default 2)
 * behind HAProxy at the usual address, sharing one PostgreSQL and one Redis (decision 0033).
 */
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBalancer } from './balancer.ts';
import { startChild, type Child } from './child-process.ts';
import { parseServerUrl, readStackConfig, stackConfigEnv, type StackConfig } from './config.ts';
import { startRedis } from './redis.ts';
import { describeStack, runUntilSignal } from './run.ts';
import { startBackend, type Stack } from './stack.ts';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const INSTANCE_ENTRY = fileURLToPath(new URL('./cluster-instance.ts', import.meta.url));

export interface ClusterInstance {
  /** The name its answers carry in X-Upstream. */
  readonly name: string;
  readonly port: number;
  readonly child: Child;
}

export interface Cluster extends Stack {
  readonly instances: readonly ClusterInstance[];
  readonly redisURL: string;
}

export interface ClusterOptions {
  size: number;
  seed: boolean;
  /** Redis's port; a free one when unset. */
  redisPort?: number;
  /** Ports of the instances; free ones when unset. */
  instancePorts?: readonly number[];
}

/** A port the system has no use for now. */
async function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export function clusterSize(raw = process.env.CLUSTER_SIZE): number {
  if (raw === undefined || raw === '') return 2;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > 16) throw new Error(`CLUSTER_SIZE must be a whole number from 1 to 16, got "${raw}".`);
  return size;
}

/** One Parse Server of this app as a process of its own (server/cluster-instance.ts), ready. */
export function startInstance(config: StackConfig, databaseURL: string, name: string, applySchema: boolean): Promise<Child> {
  return startChild(name, process.execPath, ['--import', 'tsx', INSTANCE_ENTRY], {
    ready: 'ipc',
    env: { ...stackConfigEnv(config), DATABASE_URL: databaseURL, APPLY_SCHEMA: applySchema ? '1' : '0' },
    cwd: ROOT,
    echo: true,
  });
}

/**
 * PostgreSQL, Redis and the mail catcher once; the instances; HAProxy in front on PARSE_PORT;
 * then, once and through the balancer, the migrations, the demo data and the job schedule.
 * Stopped in reverse.
 */
export function startCluster(config: StackConfig, options: ClusterOptions): Promise<Cluster> {
  const redisPorts: Record<string, number> = options.redisPort === undefined ? {} : { 'Redis, REDIS_PORT': options.redisPort };
  return startBackend(config, { seed: options.seed, parseName: 'the balancer', ports: redisPorts }, async (databaseURL, onStop) => {
    const redis = await startRedis(config.dataDir, options.redisPort ?? (await anyFreePort()));
    onStop(redis.stop);
    const instanceConfig = (port: number): StackConfig => ({
      ...config,
      parsePort: port,
      redisURL: redis.url,
      publicServerURL: parseServerUrl(config),
      // Every request arrives from HAProxy on loopback; the visitor is in X-Forwarded-For.
      trustProxy: config.trustProxy ?? 'loopback',
    });
    const ports = options.instancePorts ?? (await Promise.all(Array.from({ length: options.size }, anyFreePort)));
    const names = ports.map((_, index) => `parse-${index + 1}`);
    const instances: ClusterInstance[] = [];
    const launch = async (index: number, applySchema: boolean) => {
      const port = ports[index] ?? 0;
      const name = names[index] ?? '';
      const child = await startInstance(instanceConfig(port), databaseURL, name, applySchema);
      onStop(() => child.stop());
      instances[index] = { name, port, child };
    };
    // The first applies the schema alone; the others then find it in place.
    await launch(0, true);
    await Promise.all(ports.slice(1).map((_, index) => launch(index + 1, false)));
    const balancer = await startBalancer(config.dataDir, config.parsePort, instances);
    onStop(balancer.stop);
    return { redisURL: redis.url, instances };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runUntilSignal(
    // Read inside, so that a bad setting is one clear line, not a stack trace.
    () => startCluster(readStackConfig(), { size: clusterSize(), seed: true, redisPort: process.env.REDIS_PORT ? Number(process.env.REDIS_PORT) : undefined }),
    (stack) => {
      console.log(`\nVisitor Opinions backend is running as a cluster:\n\n${describeStack(stack)}`);
      console.log(`  Balancer       HAProxy on ${stack.serverURL}, answers name their instance in X-Upstream`);
      console.log(`  Instances      ${stack.instances.map(({ name, port }) => `${name} on :${port}`).join(', ')}`);
      console.log(`  Redis          ${stack.redisURL}\n\nPress Ctrl-C to stop everything.`);
    },
  );
}
