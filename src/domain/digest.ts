/**
 * When a digest is due and which opinions it covers: daily at 08:00 venue time, weekly on
 * Mondays at 08:00. Pure TypeScript: the `sendDigests` job (server/cloud/digests.ts) and its tests
 * take the periods from here.
 */
import type { DigestFrequency } from './email-preferences';

export const DIGEST_HOUR = 8;

export interface Period {
  readonly start: Date;
  readonly end: Date;
}

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 1 Monday … 7 Sunday. */
  readonly weekday: number;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function wallClock(zone: string, date: Date): WallClock {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    weekday: 'short',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return {
    year: Number(part('year')),
    month: Number(part('month')),
    day: Number(part('day')),
    hour: Number(part('hour')),
    minute: Number(part('minute')),
    second: Number(part('second')),
    weekday: WEEKDAYS.indexOf(part('weekday')) + 1,
  };
}

/** The instant when the zone's clocks show this day (UTC calendar arithmetic allowed: day 0, day 32) at `hour`:00. */
function atZoneTime(zone: string, year: number, month: number, day: number, hour: number): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour);
  // The zone's offset at that moment, read back from its clock; twice, for a change of offset in between.
  let guess = asUtc;
  for (let round = 0; round < 2; round++) {
    const clock = wallClock(zone, new Date(guess));
    const shown = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
    guess = asUtc - (shown - guess);
  }
  return new Date(guess);
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
