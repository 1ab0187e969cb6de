/**
 * The retention job: deletes the opinions older than the venue's retention period, and the
 * dashboards' live signals older than a day. A Cloud Job, so that Back4App's scheduler runs
 * the very code the local scheduler runs (server/jobs.ts, docs/deploy.md).
 */
import { CLASS } from '../../src/domain/classes.ts';
import { retentionCutoff } from '../../src/domain/venue.ts';
import { serverParse } from './parse-global.ts';
import { readVenueSettings } from './venue.ts';

const Parse = serverParse();

/** Rows deleted per round trip: small enough for one request, and for Back4App's limits. */
const BATCH = 200;

/** Signals older than this have been heard by every open dashboard, or never will be. */
const SIGNAL_HOURS = 24;

/** Deletes the rows of `className` created before `cutoff`, a batch at a time; how many. */
async function deleteCreatedBefore(className: string, cutoff: Date, progress: (deleted: number) => void): Promise<number> {
  let deleted = 0;
  for (;;) {
    const batch = await new Parse.Query(className).lessThan('createdAt', cutoff).limit(BATCH).find({ useMasterKey: true });
    if (batch.length === 0) return deleted;
    await Parse.Object.destroyAll(batch, { useMasterKey: true });
    deleted += batch.length;
    progress(deleted);
  }
}

Parse.Cloud.job('applyRetention', async ({ message }) => {
  // The live signals (one per new opinion, decision 0031) go whatever the venue's retention.
  const signalCutoff = new Date(Date.now() - SIGNAL_HOURS * 60 * 60 * 1000);
  const signals = await deleteCreatedBefore(CLASS.dashboardSignals, signalCutoff, (n) => message(`Deleted ${n} old live signals so far.`));
  const { retentionDays } = await readVenueSettings();
  if (retentionDays === null) {
    return `Retention is off: no opinion deleted (${signals} old live signals deleted).`;
  }
  const cutoff = retentionCutoff(retentionDays, new Date());
  const deleted = await deleteCreatedBefore(CLASS.opinions, cutoff, (n) => message(`Deleted ${n} opinions older than ${cutoff.toISOString()} so far.`));
  // The job's status keeps a string: the last words of `npm run job`.
  return `Deleted ${deleted} opinions older than ${cutoff.toISOString()} (and ${signals} old live signals).`;
});
