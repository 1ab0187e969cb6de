/**
 * One Parse Server of `npm run cluster`, a process of its own (Parse Server keeps process-wide
 * state, so two cannot share one). server/cluster.ts starts it with its settings in the
 * environment (stackConfigEnv) and stops it with SIGTERM; it also stops when that parent goes.
 */
import { readStackConfig } from './config.ts';
import { startParse } from './parse-app.ts';

const databaseURL = process.env.DATABASE_URL;
if (!databaseURL) throw new Error('DATABASE_URL is not set: server/cluster.ts starts this file.');
const parse = await startParse(readStackConfig(), databaseURL, { applySchema: process.env.APPLY_SCHEMA === '1' });

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await parse.stop().catch(() => undefined);
  process.exit(0);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop());
// The IPC channel closes when the parent exits, however it ended.
process.on('disconnect', () => void stop());
process.send?.('ready');
