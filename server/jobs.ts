/**
 * Cloud Jobs (server/cloud/retention.ts, server/cloud/digests.ts), run as Parse runs them: POST /jobs/<name> with the
 * master key, then the job's `_JobStatus` row tells when it ended and how. The local server
 * schedules them here with croner; Back4App's own scheduler calls the same jobs (docs/deploy.md).
 */
import { Cron } from 'croner';
import type { RestClient } from './rest.ts';

/** Each job and when the local server runs it (cron syntax, the server's local time). */
export const JOB_SCHEDULES = {
  // Once a day, at night: what passed the retention period yesterday is gone by morning.
  applyRetention: '30 3 * * *',
  // Every hour: a digest is due at 08:00 venue time, whatever the server's zone; each period is sent once.
  sendDigests: '5 * * * *',
} as const;

export type JobName = keyof typeof JOB_SCHEDULES;

export function isJobName(value: string): value is JobName {
  return Object.hasOwn(JOB_SCHEDULES, value);
}

export interface JobOutcome {
  status: 'succeeded' | 'failed';
  /** The job's last message, or its error. */
  message: string;
}

interface JobStatusRow {
  status: 'pending' | 'running' | 'succeeded' | 'failed';
  message?: string;
}

const POLL_MS = 250;

/** Starts the job on the server and waits until its status row says that it ended. */
export async function runJob(rest: RestClient, name: JobName, { timeoutMs = 10 * 60_000 } = {}): Promise<JobOutcome> {
  const { headers } = await rest.exchange('POST', `/jobs/${name}`, {});
  const statusId = headers.get('X-Parse-Job-Status-Id');
  if (!statusId) throw new Error(`The server started ${name} without a job status id: is it Parse Server?`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await rest.request<JobStatusRow>('GET', `/classes/_JobStatus/${statusId}`);
    if (row.status === 'succeeded' || row.status === 'failed') return { status: row.status, message: row.message ?? '' };
    if (Date.now() > deadline) throw new Error(`${name} has been running for more than ${timeoutMs / 60_000} minutes: see _JobStatus ${statusId}.`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export interface JobScheduler {
  stop(): void;
}

/** Runs every job on its schedule against this server until stopped; a run that fails is logged, the next one still comes. */
export function scheduleJobs(rest: RestClient, log: (line: string) => void = console.error): JobScheduler {
  const crons = Object.entries(JOB_SCHEDULES).map(
    ([name, pattern]) =>
      new Cron(pattern, { name, protect: true }, async () => {
        if (!isJobName(name)) return;
        try {
          const outcome = await runJob(rest, name);
          if (outcome.status === 'failed') log(`Job ${name} failed: ${outcome.message}`);
        } catch (error) {
          log(`Job ${name} could not run: ${error instanceof Error ? error.message : String(error)}`);
        }
      }),
  );
  return {
    stop() {
      for (const cron of crons) cron.stop();
    },
  };
}
