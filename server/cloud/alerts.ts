/**
 * Alerts: when a new opinion makes the last window's share of "won't return" reach the venue's
 * rule (src/domain/venue.ts, alertDue), every verified staff member with alerts on gets an email.
 * It runs after the visitor's save has been answered (submitOpinion, opinions.ts, does not wait for it), and at most
 * one alert goes out per window, however many saves race (schema.ts, alertMarkerClass).
 */
import { CLASS } from '../../src/domain/classes.ts';
import { minuteIn } from '../../src/domain/dashboard.ts';
import { alertDue, type VenueSettings } from '../../src/domain/venue.ts';
import { alertMail } from '../staff-mail.ts';
import { inBackground } from './background.ts';
import { dashboardLink } from './email-links.ts';
import { serverParse } from './parse-global.ts';
import { sendStaffMail, staffRecipients } from './staff-recipients.ts';
import { readVenueSettings } from './venue.ts';

const Parse = serverParse();

const MINUTE_MS = 60_000;
/** The `after` of the first alert ever sent. */
const FIRST = 'first';

export type AlertOutcome =
  | { readonly sent: false; readonly reason: 'below-rule' | 'already-alerted'; readonly count: number; readonly wontReturn: number }
  | { readonly sent: true; readonly count: number; readonly wontReturn: number; readonly recipients: number };

/** The window's numbers: how many opinions, how many of them will not come back. */
async function windowCounts(since: Date, until: Date) {
  const inWindow = () =>
    new Parse.Query(CLASS.opinions).greaterThanOrEqualTo('createdAt', since).lessThanOrEqualTo('createdAt', until);
  const [count, wontReturn] = await Promise.all([
    inWindow().count({ useMasterKey: true }),
    inWindow().equalTo('willReturn', false).count({ useMasterKey: true }),
  ]);
  return { count, wontReturn };
}

/**
 * Claims the alert of this window: the newest marker must be older than the window, and only
 * one new marker can follow it (the unique index on `after`). False when another save won.
 */
async function claimAlert(since: Date): Promise<boolean> {
  const last = await new Parse.Query(CLASS.alertMarkers).descending('createdAt').first({ useMasterKey: true });
  const lastAt = last?.createdAt;
  if (last && lastAt && lastAt >= since) return false;
  try {
    await new Parse.Object(CLASS.alertMarkers).save({ after: last?.id ?? FIRST }, { useMasterKey: true });
    return true;
  } catch (error) {
    if (error instanceof Parse.Error && error.code === Parse.Error.DUPLICATE_VALUE) return false;
    throw error;
  }
}

async function sendAlert(settings: VenueSettings, counts: { count: number; wontReturn: number }, since: Date, until: Date) {
  const recipients = (await staffRecipients()).filter((recipient) => recipient.preferences.alerts);
  const facts = {
    venue: settings.name,
    windowMinutes: settings.alertWindowMinutes,
    minimumCount: settings.alertMinimumCount,
    thresholdPercent: settings.alertWontReturnPercent,
    ...counts,
  };
  // The window's minutes, venue time: from the one `since` falls in to the first after `until`
  // (the window includes both): the dashboard lists the window's opinions, and the seconds around it.
  const from = minuteIn(settings.timeZone, since);
  const to = minuteIn(settings.timeZone, new Date(until.getTime() + MINUTE_MS));
  await Promise.all(
    recipients.map(async (recipient) => {
      const dashboard = await dashboardLink(recipient.language, from, to);
      await sendStaffMail(recipient, 'alerts', (unsubscribe) => alertMail(recipient.language, facts, { dashboard, unsubscribe }));
    }),
  );
  return recipients.length;
}

/** Looks at the window that ends at `until` (the new opinion's time) and sends its alert when due. */
export async function evaluateAlert(until: Date): Promise<AlertOutcome> {
  const settings = await readVenueSettings();
  const since = new Date(until.getTime() - settings.alertWindowMinutes * MINUTE_MS);
  const counts = await windowCounts(since, until);
  if (!alertDue(counts, settings)) return { sent: false, reason: 'below-rule', ...counts };
  if (!(await claimAlert(since))) return { sent: false, reason: 'already-alerted', ...counts };
  return { sent: true, ...counts, recipients: await sendAlert(settings, counts, since, until) };
}

/**
 * For submitOpinion: the check for the newest opinion of those saved since the last one, never
 * awaited, at most one a second per server process (server/cloud/background.ts); the markers
 * keep several processes to one alert.
 */
export const alertInBackground = inBackground<Date>('The alert check', 1_000, (untils) =>
  evaluateAlert(untils.reduce((newest, until) => (until > newest ? until : newest))),
);

/**
 * The same check on demand, with the master key only: operators (and the tests) can ask what the
 * rule says now without saving an opinion.
 */
Parse.Cloud.define('checkAlert', async ({ master }): Promise<AlertOutcome> => {
  if (!master) throw new Parse.Error(Parse.Error.OPERATION_FORBIDDEN, 'Only the master key may run the alert check.');
  return evaluateAlert(new Date());
});
