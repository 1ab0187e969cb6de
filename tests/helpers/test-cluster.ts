import type { StackConfig } from '../../server/config.ts';
import { startCluster, type Cluster } from '../../server/cluster.ts';
import { freePort, removedOnStop, testStackConfig } from './test-stack.ts';

/** `npm run cluster` on free ports with a throwaway data directory, removed on stop. */
export async function startTestCluster(size: number, overrides: Partial<StackConfig> = {}): Promise<Cluster> {
  const config = await testStackConfig(overrides);
  const instancePorts = await Promise.all(Array.from({ length: size }, freePort));
  return removedOnStop(await startCluster(config, { size, seed: false, redisPort: await freePort(), instancePorts }));
}
