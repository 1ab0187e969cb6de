/**
 * `npm run job -- <name>`: runs one Cloud Job now, as a scheduler would, and waits for its
 * end. It talks to Parse Server with the master key, so it runs on a trusted machine only:
 * PARSE_MASTER_KEY (and PARSE_SERVER_URL / PARSE_APP_ID for a server other than the local one)
 * come from the environment.
 */
import { parseServerUrl, readStackConfig } from '../config.ts';
import { isJobName, JOB_SCHEDULES, runJob } from '../jobs.ts';
import { masterRestClient } from '../rest.ts';

const name = process.argv[2] ?? '';
if (!isJobName(name)) {
  console.error(`Usage: npm run job -- <name>, where <name> is one of: ${Object.keys(JOB_SCHEDULES).join(', ')}`);
  process.exit(2);
}
const config = readStackConfig();
const serverURL = (process.env.PARSE_SERVER_URL ?? parseServerUrl(config)).replace(/\/+$/, '');
try {
  const outcome = await runJob(masterRestClient(serverURL, config.appId, config.masterKey), name);
  console.log(`${name} ${outcome.status} on ${serverURL}${outcome.message ? `: ${outcome.message}` : '.'}`);
  process.exit(outcome.status === 'succeeded' ? 0 : 1);
} catch (error) {
  console.error(
    error instanceof TypeError
      ? `Could not reach Parse Server at ${serverURL}: is it running (npm run server)?`
      : error instanceof Error
        ? error.message
        : String(error),
  );
  process.exit(1);
}
