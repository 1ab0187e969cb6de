/**
 * Cloud Code for the staff dashboard: the stats of a filtered set and the time each staff
 * member last looked. Only the staff role may call them, whatever the client claims.
 */
import { dayIn, isLanguageFilter, SEARCH_MAX, type DashboardStats, type Retention } from '../../src/domain/dashboard.ts';
import { CLASS } from '../../src/domain/classes.ts';
import { normalizeTag } from '../../src/domain/tags.ts';
import { retentionCutoff, type VenueSettings } from '../../src/domain/venue.ts';
import { dashboardSql } from '../dashboard-sql.ts';
import { statsWithPipeline, statsWithSql, type RunPipeline, type StatsQuery } from '../dashboard-stats.ts';
import { dashboardSignalClass, STAFF_ROLE } from '../schema.ts';
import { inBackground } from './background.ts';
import { serverParse, type ReadRequest } from './parse-global.ts';
import { refuseUnverifiedStaff, requireStaff } from './staff.ts';
import { readVenueSettings } from './venue.ts';

const Parse = serverParse();

/** The _User field that holds when this staff member last opened the dashboard. */
export const SEEN_AT_FIELD = 'dashboardSeenAt';

function invalid(message: string): never {
  throw new Parse.Error(Parse.Error.INVALID_QUERY, message);
}

/** An instant as the app sends it (Date.toISOString, six-digit years beyond 9999 included). */
const ISO_INSTANT = /^([+-]\d{6}|\d{4})-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
/** The years PostgreSQL's timestamps hold (4713 BC to 294276 AD): beyond, a query failed with its error. */
const YEARS = { min: -4712, max: 294275 };

function instant(value: unknown, name: string): Date | null {
  if (value === null || value === undefined) return null;
  const date = typeof value === 'string' && ISO_INSTANT.test(value) ? new Date(value) : null;
  const year = date?.getUTCFullYear() ?? Number.NaN;
  if (!(year >= YEARS.min && year <= YEARS.max)) invalid(`${name} must be an ISO date or null.`);
  return date;
}

/**
 * The request's params, checked: the bundle is public, anybody can send anything. The time
 * zone is the venue's; an app older than that sends its browser's, which no longer counts.
 */
function readRequest(params: Record<string, unknown>, venue: VenueSettings): StatsQuery {
  // An app older than the language (or tag) filter does not send one.
  const { willReturn, reviewed, language = 'any', q, tag = '' } = params;
  if (willReturn !== 'any' && willReturn !== 'yes' && willReturn !== 'no') invalid('willReturn must be any, yes or no.');
  if (reviewed !== 'any' && reviewed !== 'new' && reviewed !== 'reviewed') invalid('reviewed must be any, new or reviewed.');
  if (!isLanguageFilter(language)) invalid('language must be any or a language the app speaks.');
  if (typeof q !== 'string' || q.length > SEARCH_MAX) invalid(`q must be text of at most ${SEARCH_MAX} characters.`);
  if (typeof tag !== 'string' || normalizeTag(tag) !== tag) invalid('tag must be a tag as stored, or empty.');
  return {
    willReturn,
    reviewed,
    language,
    q: q.trim(),
    tag,
    start: instant(params.start, 'start'),
    end: instant(params.end, 'end'),
    since: instant(params.since, 'since'),
    timeZone: venue.timeZone,
    // An app older than the bound on a search's stats does not send it.
    allMatches: params.allMatches === true,
  };
}

/** Parse's aggregate, which a MongoDB-backed server (Back4App) hands to MongoDB. */
const runPipeline: RunPipeline = async (pipeline) =>
  (await new Parse.Query(CLASS.opinions).aggregate(pipeline as object[], { useMasterKey: true })) as Record<string, unknown>[];

function retentionOf(venue: VenueSettings, now: Date): Retention | null {
  if (venue.retentionDays === null) return null;
  return { days: venue.retentionDays, since: dayIn(venue.timeZone, retentionCutoff(venue.retentionDays, now)) };
}

async function stats(query: StatsQuery, venue: VenueSettings): Promise<DashboardStats> {
  // The local server gives Cloud Code SQL on its PostgreSQL; a hosted one does not.
  const sql = dashboardSql();
  const counted = await (sql ? statsWithSql(sql, query) : statsWithPipeline(runPipeline, query));
  return { ...counted, retention: retentionOf(venue, new Date()) };
}

Parse.Cloud.define<Record<string, unknown>>('dashboardStats', async (request) => {
  await requireStaff(request);
  const venue = await readVenueSettings();
  return stats(readRequest(request.params, venue), venue);
});

/**
 * "New since you last looked" needs to know when that was: it is kept on the staff member's
 * own _User object (deleted with the account), and written only here, with the master key.
 */
Parse.Cloud.define<Record<string, unknown>>('dashboardVisit', async (request) => {
  const userId = await requireStaff(request);
  const [fresh, venue] = await Promise.all([new Parse.Query(Parse.User).get(userId, { useMasterKey: true }), readVenueSettings()]);
  const seen = fresh.get(SEEN_AT_FIELD) as Date | undefined;
  const previous = seen instanceof Date ? seen.toISOString() : null;
  // With `stats` (dashboardStats' params; `since` is this previous visit), the answer carries
  // the stats of the dashboard being opened too: they cost no second round trip.
  const wanted = request.params.stats;
  if (wanted !== undefined && (typeof wanted !== 'object' || wanted === null)) invalid('stats must be the params of dashboardStats.');
  const query = wanted ? readRequest({ ...(wanted as Record<string, unknown>), since: previous }, venue) : null;
  fresh.set(SEEN_AT_FIELD, new Date());
  const [statsNow] = await Promise.all([query ? stats(query, venue) : null, fresh.save(null, { useMasterKey: true })]);
  return statsNow ? { previous, stats: statsNow } : { previous };
});

/** Most opinions one signal names: the dashboards ask the server about them in one query. */
export const SIGNAL_MAX_IDS = 100;

/** Inserts one signal row naming these new opinions (ACL: the staff role reads it). */
async function saveSignal(opinionIds: readonly string[]): Promise<void> {
  const signal = new Parse.Object(dashboardSignalClass.className);
  const acl = new Parse.ACL();
  acl.setRoleReadAccess(STAFF_ROLE, true);
  signal.setACL(acl);
  signal.set({ opinionIds, at: new Date() });
  await signal.save(null, { useMasterKey: true });
}

/**
 * Tells open dashboards, through LiveQuery, that an opinion arrived (see dashboardSignalClass):
 * never awaited by the visitor's save, and coalesced (server/cloud/background.ts): under a burst
 * of creates a signal every 200 ms at most per server process, naming the opinions that arrived
 * meanwhile, rather than one insert per create competing with the creates (decisions 0031,
 * 0034). Rows are inserted, never updated: no create waits on another's lock. The retention
 * job removes the old ones.
 */
export const signalInBackground = inBackground<string>('The live signal', 200, async (opinionIds) => {
  const batches = Array.from({ length: Math.ceil(opinionIds.length / SIGNAL_MAX_IDS) }, (_, index) =>
    opinionIds.slice(index * SIGNAL_MAX_IDS, (index + 1) * SIGNAL_MAX_IDS),
  );
  // Each batch on its own: one that fails does not keep the others from the dashboards.
  const failed = (await Promise.allSettled(batches.map(saveSignal))).find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
});

// The live signal is for staff with a verified email, like the opinions it points to.
/** What a read of the live signal asks beyond the whole of it. */
function partsAskedOf({ query }: ReadRequest): { where: object; keys?: unknown; watch?: unknown } {
  const { where = {}, keys, watch } = (query?.toJSON() ?? {}) as { where?: object; keys?: unknown; watch?: unknown };
  return { where, keys, watch };
}

Parse.Cloud.beforeFind(dashboardSignalClass.className, async (request) => {
  // Dashboards only hear the signal; a condition on it (a $regex on its list of ids) reached
  // PostgreSQL and came back a 500.
  if (!request.master && Object.keys(partsAskedOf(request).where).length > 0) {
    throw new Parse.Error(Parse.Error.INVALID_QUERY, 'The live signal is read whole, without conditions.');
  }
  await refuseUnverifiedStaff(request);
});
Parse.Cloud.beforeSubscribe(dashboardSignalClass.className, async (request) => {
  // Dashboards hear every signal. A condition is work for the server on every signal, for
  // every socket: 200 subscriptions with a slow $regex held it 20 s per opinion.
  const { where, keys, watch } = partsAskedOf(request);
  if (Object.keys(where).length > 0 || keys !== undefined || watch !== undefined) {
    throw new Parse.Error(Parse.Error.INVALID_QUERY, 'The live signal is subscribed to whole, without conditions.');
  }
  await refuseUnverifiedStaff(request);
});
// A socket is opened with one session and may subscribe with another: both are checked.
Parse.Cloud.beforeConnect(({ useMasterKey, user }) => refuseUnverifiedStaff({ master: useMasterKey, user }));
