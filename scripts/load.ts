/**
 * The load of `npm run bench:load`, whatever it is sent to (one stack, a bare Parse Server, a
 * cluster): creates from many concurrent clients, each with its own submission id, then the rows
 * they stored, counted.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { masterRestClient } from '../server/rest.ts';
import { CLASS, OPINION_FUNCTION } from '../src/domain/classes.ts';

/** How a target creates an opinion, and the status that says it did. */
export interface CreateRoute {
  path: string;
  accepted: number;
}

/** This app's: through its Cloud function (server/cloud/opinions.ts). */
export const APP_CREATE: CreateRoute = { path: `/functions/${OPINION_FUNCTION.submit}`, accepted: 200 };
/** A bare Parse Server's, which has no such function: on the class. */
export const CLASS_CREATE: CreateRoute = { path: `/classes/${CLASS.opinions}`, accepted: 201 };

export interface Target {
  name: string;
  /** APP_CREATE unless said. */
  create?: CreateRoute;
  serverURL: string;
  appId: string;
  javascriptKey: string;
  masterKey: string;
  /** The server's process, when it is one: its CPU time per create is measured too (Linux). */
  pid?: number;
}

let ticksPerSecond: number | undefined;

/** CPU time (user and system) a process has used so far, in ms, from /proc; null without it (not Linux). */
function cpuMsOf(pid: number): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  // The fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

export interface LoadFigures {
  target: string;
  perSecond: number;
  seconds: number;
  percentile(p: number): string;
  answers: Map<number, number>;
  /** Answers that said the opinion was created. */
  accepted: number;
  stored: number;
  /** The server process's CPU time per create, in ms, when the target names its process. */
  cpuPerCreate: number | null;
  connectionErrors: number;
  timeouts: number;
  ok: boolean;
}

/** `requests` creates from `connections` clients, then the rows they stored, counted. */
export async function load(target: Target, { requests, connections }: { requests: number; connections: number }): Promise<LoadFigures> {
  const runId = crypto.randomUUID();
  let sequence = 0;
  const answers = new Map<number, number>();
  const latencies: number[] = [];
  // The run's own span, first request to last answer (autocannon's duration ends on its 1 s tick).
  let firstAsked = Infinity;
  let lastAnswered = 0;
  const create = target.create ?? APP_CREATE;
  const cpuBefore = target.pid === undefined ? null : cpuMsOf(target.pid);
  const result = await autocannon({
    url: target.serverURL + create.path,
    connections,
    amount: requests,
    method: 'POST',
    headers: {
      'X-Parse-Application-Id': target.appId,
      'X-Parse-JavaScript-Key': target.javascriptKey,
      'Content-Type': 'application/json',
    },
    setupClient(client) {
      client.setBody(JSON.stringify({ comment: `load ${runId}`, willReturn: true }));
    },
    requests: [
      {
        setupRequest(request, context) {
          const startedAt = performance.now();
          (context as { startedAt?: number }).startedAt = startedAt;
          firstAsked = Math.min(firstAsked, startedAt);
          sequence += 1;
          return {
            ...request,
            body: JSON.stringify({
              comment: `load ${runId} #${sequence}`,
              willReturn: sequence % 2 === 0,
              submissionId: crypto.randomUUID(),
            }),
          };
        },
        onResponse(status, _body, context) {
          lastAnswered = performance.now();
          latencies.push(lastAnswered - Number((context as { startedAt?: number }).startedAt));
          answers.set(status, (answers.get(status) ?? 0) + 1);
        },
      },
    ],
  });
  const cpuAfter = target.pid === undefined ? null : cpuMsOf(target.pid);
  const cpuPerCreate = cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / requests;
  const rest = masterRestClient(target.serverURL, target.appId, target.masterKey);
  const where = encodeURIComponent(JSON.stringify({ comment: { $regex: `^load ${runId} ` } }));
  const { count } = await rest.request<{ count: number }>('GET', `/classes/${CLASS.opinions}?where=${where}&count=1&limit=0`);
  const serverErrors = [...answers].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);
  const accepted = answers.get(create.accepted) ?? 0;
  latencies.sort((a, b) => a - b);
  const seconds = (lastAnswered - firstAsked) / 1000;
  return {
    target: target.name,
    perSecond: latencies.length / seconds,
    seconds,
    percentile: (p) => (latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0).toFixed(0),
    answers,
    stored: count,
    cpuPerCreate,
    connectionErrors: result.errors,
    timeouts: result.timeouts,
    accepted,
    // Every answer an accepted create or a rate limit's 429: a refusal of the load itself is no measure.
    ok:
      count === accepted &&
      [...answers.keys()].every((status) => status === create.accepted || status === 429) &&
      serverErrors === 0 &&
      result.errors === 0,
  };
}

export const answersOf = (figures: LoadFigures, join: (status: number, n: number) => string) =>
  [...figures.answers].sort().map(([status, n]) => join(status, n)).join(', ');

export function print(figures: LoadFigures) {
  console.log(`\n  ${figures.target}`);
  console.log(`  throughput    ${figures.perSecond.toFixed(0)} requests/s, ${figures.seconds.toFixed(1)} s in all`);
  console.log(`  latency       p50 ${figures.percentile(50)} ms, p95 ${figures.percentile(95)} ms, p99 ${figures.percentile(99)} ms`);
  if (figures.cpuPerCreate !== null) console.log(`  server CPU    ${figures.cpuPerCreate.toFixed(2)} ms per create (user and system time of its process)`);
  console.log(`  answers       ${answersOf(figures, (status, n) => `${status}: ${n}`)}`);
  console.log(`  rows stored   ${figures.stored} (accepted responses: ${figures.accepted})`);
  console.log(`  errors        ${figures.connectionErrors} connection errors, ${figures.timeouts} timeouts`);
  console.log(figures.ok ? '  OK: rows equal accepted responses, no other answer than 429.' : '  FAILED: rows and accepted responses differ, or the server refused or failed.');
}

