/** The venue's settings, through the Cloud functions that guard them (server/cloud/venue.ts). */
import { appError } from '../domain/errors';
import { validateVenueSettings, type PublicVenue, type VenueSettings } from '../domain/venue';
import { getParse, READ_TIMEOUT_MS } from './client';
import { toAppError, withTimeout } from './errors';
import { restRequest } from './rest';

/** The server's answer, held to the same rules as what is sent: a server that answers otherwise is broken. */
function toVenueSettings(answer: unknown): VenueSettings {
  const checked = validateVenueSettings(typeof answer === 'object' && answer !== null ? answer : {});
  if (!checked.ok) throw appError('server');
  return checked.value;
}

async function run(name: string, params: Readonly<Record<string, unknown>>): Promise<unknown> {
  try {
    const Parse = await getParse();
    return await withTimeout(Parse.Cloud.run(name, params), READ_TIMEOUT_MS);
  } catch (error) {
    throw toAppError(error);
  }
}

/** Staff only: all the settings (the defaults while none are saved). */
export async function fetchVenueSettings(): Promise<VenueSettings> {
  return toVenueSettings(await run('venueSettings', {}));
}

/** Staff only: saves the settings and answers them as stored; refused by field with a `validation` error. */
export async function saveVenueSettings(settings: VenueSettings): Promise<VenueSettings> {
  return toVenueSettings(await run('saveVenueSettings', { ...settings }));
}

/**
 * Anybody: what visitors see of the venue. Asked without the SDK (rest.ts): every page shows it,
 * the visitor's form too, which never loads the SDK.
 */
export async function fetchPublicVenue(): Promise<PublicVenue> {
  let answer: unknown;
  try {
    answer = (await withTimeout(restRequest('functions/publicVenue', {}), READ_TIMEOUT_MS)).result;
  } catch (error) {
    throw toAppError(error);
  }
  const name = typeof answer === 'object' && answer !== null && 'name' in answer ? answer.name : undefined;
  if (typeof name !== 'string') throw appError('server');
  return { name };
}
