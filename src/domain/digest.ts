/**
 * When a digest is due and which opinions it covers: daily at 08:00 venue time, weekly on
 * Mondays at 08:00. Pure TypeScript: the `sendDigests` job (server/cloud/digests.ts) and its tests
 * take the periods from here.
 */
import type { DigestFrequency } from './email-preferences';
import { atZoneTime, wallClock } from './zone-time';

export const DIGEST_HOUR = 8;

export interface Period {
  readonly start: Date;
  readonly end: Date;
}

const DAYS: Record<Exclude<DigestFrequency, 'off'>, number> = { daily: 1, weekly: 7 };

/** The last period of this frequency that has ended by `now`, in the venue's time zone. */
export function lastPeriod(frequency: Exclude<DigestFrequency, 'off'>, zone: string, now: Date): Period {
  const today = wallClock(zone, now);
  // Back to today's 08:00 (daily) or this week's Monday 08:00 (weekly), then a period earlier if that is still to come.
  const back = frequency === 'weekly' ? today.weekday - 1 : 0;
  let endDay = today.day - back;
  if (atZoneTime(zone, today.year, today.month, endDay, DIGEST_HOUR) > now) endDay -= DAYS[frequency];
  return {
    start: atZoneTime(zone, today.year, today.month, endDay - DAYS[frequency], DIGEST_HOUR),
    end: atZoneTime(zone, today.year, today.month, endDay, DIGEST_HOUR),
  };
}

/** The period before: the digest compares with it. */
export function previousPeriod(frequency: Exclude<DigestFrequency, 'off'>, zone: string, period: Period): Period {
  return lastPeriod(frequency, zone, period.start);
}
