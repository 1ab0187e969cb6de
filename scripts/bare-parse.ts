/** Starts scripts/bare-parse-server.ts, the bare Parse Server `bench:load` compares with. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { freePort } from '../tests/helpers/test-stack.ts';

export const BARE = { appId: 'bare-parse-bench', javascriptKey: 'bare-parse-bench-js', masterKey: 'bare-parse-bench-master' } as const;

export interface BareParse {
  serverURL: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

export async function startBareParse(databaseURL: string): Promise<BareParse> {
  const entry = fileURLToPath(new URL('./bare-parse-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', entry, databaseURL, String(await freePort())], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`The bare Parse Server exited (code ${String(code)}) before it listened.`);
  });
  // Parse Server writes its deprecation warnings on stdout too: the URL is the line that is one.
  const listening = (async () => {
    for await (const line of readline.createInterface({ input: child.stdout })) {
      if (line.startsWith('http://')) return line;
    }
    throw new Error('The bare Parse Server closed its output before it listened.');
  })();
  const serverURL = await Promise.race([listening, exited]);
  // Its later exit, on stop, is no failure.
  exited.catch(() => undefined);
  return {
    serverURL,
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null) return;
      const gone = once(child, 'exit');
      child.kill();
      await gone;
    },
  };
}
