/** `npm run server`: the backend alone, until Ctrl-C or SIGTERM. */
import { readStackConfig } from './config.ts';
import { DEMO_USERS } from './seed.ts';
import { startStack, type Stack } from './stack.ts';

export async function runUntilSignal<S extends Stack>(start: () => Promise<S>, onStarted: (stack: S) => void, extraStop?: () => Promise<void>) {
  let stack: S | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await extraStop?.().catch(() => undefined);
    await stack?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGHUP', () => void shutdown(0));
  // When whatever started us dies without passing the signal on (a killed npm, a closed
  // terminal), we are re-parented: stop too, rather than leave PostgreSQL running.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown(0);
  }, 1_000).unref();
  try {
    stack = await start();
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
    return;
  }
  if (stopping) {
    await stack.stop();
    return;
  }
  onStarted(stack);
}

export function describeStack(stack: Stack): string {
  return [
    `  Parse Server   ${stack.serverURL}  (health: ${stack.serverURL}/health)`,
    `  Mail catcher   ${stack.mailURL}  (JSON: ${stack.mailURL}/api/email, SMTP on ${stack.config.smtpPort})`,
    `  PostgreSQL     localhost:${stack.config.postgresPort}  (data in ${stack.config.dataDir})`,
    '',
    `  Demo logins    staff / ${DEMO_USERS.staff.password}   (staff dashboard)`,
    `                 visitor / ${DEMO_USERS.visitor.password}   (plain account)`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runUntilSignal(
    // Read inside, so that a bad setting is one clear line, not a stack trace.
    () => startStack(readStackConfig(), { seed: true }),
    (stack) => console.log(`\nVisitor Opinions backend is running:\n\n${describeStack(stack)}\n\nPress Ctrl-C to stop.`),
  );
}
