import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Child {
  readonly process: ChildProcess;
  /** SIGTERM, then SIGKILL when it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * A server process of the cluster, started and ready: ready when a line of its output matches
 * `ready`, when it accepts connections on the port `ready` names, or, for our own Node
 * processes, when it sends 'ready' over IPC. Its output is kept
 * for the error that says why it did not start, and passed on when `echo` is set.
 */
export async function startChild(
  name: string,
  command: string,
  args: readonly string[],
  { ready, env, cwd, echo = false, timeoutMs = 60_000 }: { ready: RegExp | number | 'ipc'; env?: NodeJS.ProcessEnv; cwd?: string; echo?: boolean; timeoutMs?: number },
): Promise<Child> {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    cwd,
    stdio: ['ignore', 'pipe', 'pipe', ...(ready === 'ipc' ? (['ipc'] as const) : [])],
  });
  let output = '';
  const started = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
    const settle = () => clearTimeout(timer);
    const read = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8_000);
      if (echo) process.stderr.write(`[${name}] ${chunk.toString()}`);
      if (ready instanceof RegExp && ready.test(output)) {
        settle();
        resolve();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('message', (message) => {
      if (message === 'ready') {
        settle();
        resolve();
      }
    });
    if (typeof ready === 'number') {
      void (async () => {
        while (child.exitCode === null && !(await accepts(ready))) await sleep(100);
        settle();
        resolve();
      })();
    }
    child.once('error', (error) => {
      settle();
      reject(new Error(`${name} (${command}) could not start: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      settle();
      reject(new Error(`${name} exited (${signal ?? code}) before it was ready:\n${output}`));
    });
  });
  const stop = async (graceMs = 10_000) => {
    const done = exited(child);
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await done;
    clearTimeout(timer);
  };
  try {
    await started;
  } catch (error) {
    await stop(1_000);
    throw error;
  }
  return { process: child, stop };
}
