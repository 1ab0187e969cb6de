import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { readStackConfig, type StackConfig } from '../../server/config.ts';
import { startParse, type ParseStartOptions } from '../../server/parse-app.ts';
import { postgresCanReach } from '../../server/postgres-access.ts';
import { startStack, type Stack } from '../../server/stack.ts';

/**
 * Below Linux's ephemeral range (32768–60999): a port the kernel hands to nobody else's
 * `listen(0)` or outgoing connection while it waits between this check and its use.
 */
const PORT_RANGE = { from: 20_000, to: 32_767 } as const;

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

/**
 * A port that is free now and likely to stay so until it is used (minutes later for the
 * preview server): chosen at random outside the ephemeral range, so that another test run on
 * the same machine meets it only by a rare coincidence, not by the kernel's next pick.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = PORT_RANGE.from + Math.floor(Math.random() * (PORT_RANGE.to - PORT_RANGE.from + 1));
    if (await isFree(port)) return port;
  }
  throw new Error(`No free port found between ${PORT_RANGE.from} and ${PORT_RANGE.to}.`);
}

/**
 * A throwaway data directory. Run as root, PostgreSQL runs as the `postgres` user, which must
 * reach it: under the temporary directory unless that user cannot enter it (TMPDIR a `0700`
 * directory), then under /tmp or /var/tmp (else startPostgres says what to do).
 */
function makeDataDir(): string {
  const base = [os.tmpdir(), '/tmp', '/var/tmp'].find(postgresCanReach) ?? os.tmpdir();
  const dataDir = fs.mkdtempSync(path.join(base, 'visitor-opinions-test-'));
  fs.chmodSync(dataDir, 0o755);
  return dataDir;
}

/** The tests' settings: free ports, a throwaway data directory, limits high enough for a suite. */
export async function testStackConfig(overrides: Partial<StackConfig> = {}): Promise<StackConfig> {
  const dataDir = makeDataDir();
  return readStackConfig({
    dataDir,
    postgresPort: await freePort(),
    parsePort: await freePort(),
    smtpPort: await freePort(),
    mailWebPort: await freePort(),
    masterKey: 'test-Master-Key-7f3c9a1e-5b2d-4e8f-a6c4-91d0e2b3f5a7',
    // Tests come from localhost: apply the rate limits to it, high enough for the suite.
    rateLimitLocalhost: true,
    opinionCreateLimit: 10_000,
    authRequestLimit: 10_000,
    accountLogInLimit: 10_000,
    // Where email links lead: the browser tests serve the built app on this origin.
    appUrl: `http://127.0.0.1:${await freePort()}`,
    ...overrides,
  });
}

/** `stack`, whose data directory goes when it stops. */
export function removedOnStop<S extends Stack>(stack: S): S {
  return {
    ...stack,
    async stop() {
      await stack.stop();
      fs.rmSync(stack.config.dataDir, { recursive: true, force: true });
    },
  };
}

/** A real stack on free ports with a throwaway data directory, removed on stop. */
export async function startTestStack(overrides: Partial<StackConfig> = {}): Promise<Stack> {
  return removedOnStop(await startStack(await testStackConfig(overrides), { seed: true }));
}

export interface ProvidedStack {
  serverURL: string;
  databaseURL: string;
  mailURL: string;
  appId: string;
  javascriptKey: string;
  masterKey: string;
  dataDir: string;
  parsePort: number;
  smtpPort: number;
  mailWebPort: number;
  appUrl: string;
}

export function describeForTests(stack: Stack): ProvidedStack {
  return {
    serverURL: stack.serverURL,
    databaseURL: stack.databaseURL,
    mailURL: stack.mailURL,
    appId: stack.config.appId,
    javascriptKey: stack.config.javascriptKey,
    masterKey: stack.config.masterKey,
    dataDir: stack.config.dataDir,
    parsePort: stack.config.parsePort,
    smtpPort: stack.config.smtpPort,
    mailWebPort: stack.config.mailWebPort,
    appUrl: stack.config.appUrl,
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: ProvidedStack;
    appURL: string;
  }
}

/*
 * Parse Server keeps process-wide state (its schema cache, Cloud Code triggers, the global
 * Parse) keyed by application id, so two servers of this app cannot share one process. The
 * integration and end-to-end projects' global setups run in the same Vitest process: they
 * share one stack, started by whichever comes first and stopped by whichever ends last.
 */
interface SharedStack {
  stack: Promise<Stack>;
  users: number;
}
const shared = globalThis as typeof globalThis & { __visitorOpinionsStack?: SharedStack };

export async function acquireSharedStack(): Promise<Stack> {
  shared.__visitorOpinionsStack ??= { stack: startTestStack(), users: 0 };
  shared.__visitorOpinionsStack.users += 1;
  return shared.__visitorOpinionsStack.stack;
}

export async function releaseSharedStack(): Promise<void> {
  const current = shared.__visitorOpinionsStack;
  if (!current) return;
  current.users -= 1;
  if (current.users > 0) return;
  shared.__visitorOpinionsStack = undefined;
  await (await current.stack).stop();
}

/**
 * A second Parse Server on the shared stack's database, with its own settings (small rate
 * limits, say); stop it after use.
 */
export async function startSecondParse(stack: ProvidedStack, overrides: Partial<StackConfig>, startOptions: ParseStartOptions = {}) {
  const config = readStackConfig({
    dataDir: stack.dataDir,
    parsePort: await freePort(),
    smtpPort: stack.smtpPort,
    masterKey: stack.masterKey,
    rateLimitLocalhost: true,
    ...overrides,
  });
  return startParse(config, stack.databaseURL, startOptions);
}
