/**
 * The `sendDigests` job: each verified staff member with a daily or weekly digest gets the summary
 * of their last period (src/domain/digest.ts), once: the end of the period sent is kept on their
 * `_User` (DIGEST_SENT_FIELD), so the job may run as often as a scheduler likes. Nothing is sent
 * for a period without opinions.
 */
import { CLASS } from '../../src/domain/classes.ts';
import { dayIn } from '../../src/domain/dashboard.ts';
import { lastPeriod, previousPeriod, type Period } from '../../src/domain/digest.ts';
import type { VenueSettings } from '../../src/domain/venue.ts';
import { digestMail, type DigestFacts } from '../staff-mail.ts';
import { DIGEST_SENT_FIELD } from './digest-sent.ts';
import { dashboardLink } from './email-links.ts';
import { serverParse } from './parse-global.ts';
import { sendStaffMail, staffRecipients, type Recipient } from './staff-recipients.ts';
import { readVenueSettings } from './venue.ts';

const Parse = serverParse();

const COMMENTS_SHOWN = 3;

const inPeriod = ({ start, end }: Period) =>
  new Parse.Query(CLASS.opinions).greaterThanOrEqualTo('createdAt', start).lessThan('createdAt', end);

async function periodFacts(settings: VenueSettings, frequency: 'daily' | 'weekly', period: Period): Promise<DigestFacts | null> {
  const count = await inPeriod(period).count({ useMasterKey: true });
  if (count === 0) return null;
  const previous = previousPeriod(frequency, settings.timeZone, period);
  const [willReturn, previousCount, previousWillReturn, notReviewed, newest] = await Promise.all([
    inPeriod(period).equalTo('willReturn', true).count({ useMasterKey: true }),
    inPeriod(previous).count({ useMasterKey: true }),
    inPeriod(previous).equalTo('willReturn', true).count({ useMasterKey: true }),
    new Parse.Query(CLASS.opinions).equalTo('reviewed', false).count({ useMasterKey: true }),
    inPeriod(period).notEqualTo('comment', '').descending('createdAt').limit(COMMENTS_SHOWN).find({ useMasterKey: true }),
  ]);
  return {
    venue: settings.name,
    frequency,
    timeZone: settings.timeZone,
    ...period,
    count,
    willReturn,
    previousShare: previousCount === 0 ? null : previousWillReturn / previousCount,
    notReviewed,
    comments: newest.map((opinion): unknown => opinion.get('comment')).filter((comment): comment is string => typeof comment === 'string'),
  };
}

async function markSent(recipient: Recipient, period: Period) {
  const user = new Parse.User();
  user.id = recipient.id;
  user.set(DIGEST_SENT_FIELD, period.end.toISOString());
  await user.save(null, { useMasterKey: true });
}

Parse.Cloud.job('sendDigests', async ({ message }) => {
  const settings = await readVenueSettings();
  const now = new Date();
  // The facts of a period are the same for every reader: asked once per frequency.
  const facts = new Map<string, Promise<DigestFacts | null>>();
  let sent = 0;
  for (const recipient of await staffRecipients()) {
    const frequency = recipient.preferences.digest;
    if (frequency === 'off') continue;
    const period = lastPeriod(frequency, settings.timeZone, now);
    if (recipient.sentDigestFor === period.end.toISOString()) continue;
    const key = `${frequency} ${period.end.toISOString()}`;
    const known = facts.get(key) ?? periodFacts(settings, frequency, period);
    facts.set(key, known);
    const summary = await known;
    if (!summary) continue;
    const to = dayIn(settings.timeZone, new Date(period.end.getTime() - 1));
    const dashboard = await dashboardLink(recipient.language, dayIn(settings.timeZone, period.start), to);
    await sendStaffMail(recipient, 'digest', (unsubscribe) => digestMail(recipient.language, summary, { dashboard, unsubscribe }));
    await markSent(recipient, period);
    sent += 1;
    message(`Sent ${sent} digests so far.`);
  }
  return `Sent ${sent} digests.`;
});
