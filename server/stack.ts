import net from 'node:net';
import path from 'node:path';
import { parseServerUrl, type StackConfig } from './config.ts';
import { startMailCatcher } from './mail.ts';
import { migrate } from './migrations.ts';
import { startParse } from './parse-app.ts';
import { startPostgres } from './postgres.ts';
import { scheduleJobs } from './jobs.ts';
import { masterRestClient } from './rest.ts';
import { seedDemoData } from './seed.ts';

export interface Stack {
  config: StackConfig;
  serverURL: string;
  databaseURL: string;
  mailURL: string;
  stop(): Promise<void>;
}

export class PortInUseError extends Error {}

/** Fails with the name of the first port that something else already listens on. */
export async function assertPortsFree(ports: Record<string, number>): Promise<void> {
  for (const [name, port] of Object.entries(ports)) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, () => probe.close(() => resolve(true)));
    });
    if (!free) {
      throw new PortInUseError(
        `Port ${port} (${name}) is already in use. Stop what is using it, or choose another port with its environment variable.`,
      );
    }
  }
}

/** Adds a step to the stop, which runs the steps in reverse. */
export type OnStop = (step: () => Promise<void>) => void;

/**
 * The backend's start, whatever serves Parse: its ports checked, PostgreSQL and the mail
 * catcher; then `serve`, Parse Server at `serverURL` (one, or instances behind a balancer);
 * then, through it, the migrations, the demo data and the Cloud Jobs on their schedule, once.
 * Stopped in reverse, also when a step fails.
 */
export async function startBackend<Extra extends object>(
  config: StackConfig,
  options: { seed: boolean; parseName: string; ports?: Record<string, number> },
  serve: (databaseURL: string, onStop: OnStop) => Promise<Extra>,
): Promise<Stack & Extra> {
  await assertPortsFree({
    'PostgreSQL, POSTGRES_PORT': config.postgresPort,
    [`${options.parseName}, PARSE_PORT`]: config.parsePort,
    'mail catcher SMTP, SMTP_PORT': config.smtpPort,
    'mail catcher web, MAIL_WEB_PORT': config.mailWebPort,
    ...options.ports,
  });
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => undefined);
  };
  try {
    const database = await startPostgres(config.dataDir, config.postgresPort);
    stops.push(database.stop);
    const mail = await startMailCatcher(config.smtpPort, config.mailWebPort, path.join(config.dataDir, 'mail'));
    stops.push(mail.stop);
    const extra = await serve(database.url, (step) => stops.push(step));
    const serverURL = parseServerUrl(config);
    await migrate(database.url);
    const rest = masterRestClient(serverURL, config.appId, config.masterKey);
    if (options.seed) await seedDemoData(rest, database.url);
    // The Cloud Jobs on their schedule, as Back4App's scheduler runs them there.
    const jobs = scheduleJobs(rest);
    stops.push(async () => jobs.stop());
    return {
      config,
      serverURL,
      databaseURL: database.url,
      mailURL: `http://localhost:${config.mailWebPort}`,
      stop,
      ...extra,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Database, mail catcher and one Parse Server. */
export function startStack(config: StackConfig, options: { seed: boolean }): Promise<Stack> {
  return startBackend(config, { ...options, parseName: 'Parse Server' }, async (databaseURL, onStop) => {
    const parse = await startParse(config, databaseURL);
    onStop(parse.stop);
    return {};
  });
}
