/** `npm run dev`: the whole local stack and the Vite dev server, stopped together by Ctrl-C. */
import { createServer, type ViteDevServer } from 'vite';
import { readStackConfig } from './config.ts';
import { describeStack, runUntilSignal } from './run.ts';
import { assertPortsFree, startStack } from './stack.ts';

const APP_PORT = 5173;
let vite: ViteDevServer | undefined;

await runUntilSignal(
  async () => {
    // Read inside, so that a bad setting is one clear line, not a stack trace.
    const config = readStackConfig();
    await assertPortsFree({ 'app dev server': APP_PORT });
    const stack = await startStack(config, { seed: true });
    try {
      vite = await createServer({ server: { port: APP_PORT, strictPort: true } });
      await vite.listen();
    } catch (error) {
      await stack.stop();
      throw error;
    }
    return stack;
  },
  (stack) =>
    console.log(
      `\nVisitor Opinions is running:\n\n  App            http://localhost:${APP_PORT}/\n${describeStack(stack)}\n\nPress Ctrl-C to stop everything.`,
    ),
  async () => {
    await vite?.close();
  },
);
