import fs from 'node:fs';
import path from 'node:path';
import { startChild } from './child-process.ts';

export interface RunningRedis {
  url: string;
  stop(): Promise<void>;
}

/**
 * Debian's redis-server on localhost, its files in the data directory. It holds what the
 * instances share while they run (counts, cache, pub/sub), nothing that must outlive them:
 * no snapshots, no append-only file.
 */
export async function startRedis(dataDir: string, port: number): Promise<RunningRedis> {
  const dir = path.join(dataDir, 'redis');
  fs.mkdirSync(dir, { recursive: true });
  const redis = await startChild(
    'Redis',
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--logfile', ''],
    { ready: /Ready to accept connections/ },
  );
  return { url: `redis://127.0.0.1:${port}`, stop: () => redis.stop() };
}
