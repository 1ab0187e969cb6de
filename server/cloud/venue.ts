/**
 * Cloud Code for the venue's settings: staff read and save them, anyone reads the public
 * part. The class itself is closed to clients (server/schema.ts); these functions are the
 * only way in, so the role and the rules of domain/venue.ts are checked here.
 */
import { OUR_ERROR_CODE } from '../../src/domain/errors.ts';
import {
  DEFAULT_VENUE_SETTINGS,
  formatVenueRefusal,
  validateVenueSettings,
  type PublicVenue,
  type VenueSettings,
} from '../../src/domain/venue.ts';
import { dashboardSql } from '../dashboard-sql.ts';
import { venueSettingsClass } from '../schema.ts';
import { serverParse } from './parse-global.ts';
import { requireStaff } from './staff.ts';

const Parse = serverParse();
const SETTINGS = venueSettingsClass.className;

/**
 * The settings row: the oldest, should two first saves ever race and make two. The master
 * key reads it; no client can.
 */
function settingsRow() {
  return new Parse.Query(SETTINGS).ascending('createdAt').first({ useMasterKey: true });
}

/** The stored settings, or the defaults while none are saved (or a hand-edited row breaks the rules). */
export async function readVenueSettings(): Promise<VenueSettings> {
  const row = await settingsRow();
  if (!row) return DEFAULT_VENUE_SETTINGS;
  const settings: unknown = row.get('settings');
  const stored = validateVenueSettings(typeof settings === 'object' && settings !== null ? settings : {});
  return stored.ok ? stored.value : DEFAULT_VENUE_SETTINGS;
}

/** PostgreSQL's "invalid parameter value": the error of a time zone it does not know. */
const INVALID_PARAMETER_VALUE = '22023';

/**
 * Whether this server's PostgreSQL takes the zone, where the stats are counted in it: a zone
 * Node knows and PostgreSQL does not (`US/Pacific-New`) made every stats request fail.
 */
async function databaseKnowsZone(timeZone: string): Promise<boolean> {
  const sql = dashboardSql();
  if (!sql) return true;
  try {
    await sql.rows('SELECT now() AT TIME ZONE $1 AS now', [timeZone]);
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === INVALID_PARAMETER_VALUE) return false;
    throw error;
  }
}

Parse.Cloud.define('venueSettings', async (request): Promise<VenueSettings> => {
  await requireStaff(request);
  return readVenueSettings();
});

Parse.Cloud.define<Record<string, unknown>>('saveVenueSettings', async (request): Promise<VenueSettings> => {
  await requireStaff(request);
  const result = validateVenueSettings(request.params);
  if (!result.ok) throw new Parse.Error(OUR_ERROR_CODE.invalidVenueSettings, formatVenueRefusal(result.problems));
  if (!(await databaseKnowsZone(result.value.timeZone))) {
    throw new Parse.Error(OUR_ERROR_CODE.invalidVenueSettings, formatVenueRefusal({ timeZone: 'timeZone.invalid' }));
  }
  const row = (await settingsRow()) ?? new Parse.Object(SETTINGS);
  row.set('settings', result.value);
  await row.save(null, { useMasterKey: true });
  return result.value;
});

/** What visitors see of the venue, without an account. */
Parse.Cloud.define('publicVenue', async (): Promise<PublicVenue> => {
  const { name } = await readVenueSettings();
  return { name };
});
