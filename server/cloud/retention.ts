/**
 * The retention job: deletes the opinions older than the venue's retention period. A Cloud
 * Job, so that Back4App's scheduler runs the very code the local scheduler runs
 * (server/jobs.ts, docs/deploy.md).
 */
import { CLASS } from '../../src/domain/classes.ts';
import { retentionCutoff } from '../../src/domain/venue.ts';
import { serverParse } from './parse-global.ts';
import { readVenueSettings } from './venue.ts';

const Parse = serverParse();

/** Rows deleted per round trip: small enough for one request, and for Back4App's limits. */
const BATCH = 200;

Parse.Cloud.job('applyRetention', async ({ message }) => {
  const { retentionDays } = await readVenueSettings();
  if (retentionDays === null) {
    return 'Retention is off: nothing deleted.';
  }
  const cutoff = retentionCutoff(retentionDays, new Date());
  let deleted = 0;
  for (;;) {
    const batch = await new Parse.Query(CLASS.opinions).lessThan('createdAt', cutoff).limit(BATCH).find({ useMasterKey: true });
    if (batch.length === 0) break;
    await Parse.Object.destroyAll(batch, { useMasterKey: true });
    deleted += batch.length;
    message(`Deleted ${deleted} opinions older than ${cutoff.toISOString()} so far.`);
  }
  // The job's status keeps a string: the last words of `npm run job`.
  return `Deleted ${deleted} opinions older than ${cutoff.toISOString()}.`;
});
