/**
 * Clock arithmetic in an IANA time zone, with nothing but Intl: the digests' periods
 * (digest.ts) and the dashboard's From/To days (dashboard.ts) are the venue's, not the browser's.
 */

export interface WallClock {
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

/** What the zone's clocks show at `date`. */
export function wallClock(zone: string, date: Date): WallClock {
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

/** The instant when the zone's clocks show this day (UTC calendar arithmetic allowed: day 0, day 32) at `hour`:`minute`. */
export function atZoneTime(zone: string, year: number, month: number, day: number, hour: number, minute = 0): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset at that moment, read back from its clock; twice, for a change of offset in between.
  let guess = asUtc;
  for (let round = 0; round < 2; round++) {
    const clock = wallClock(zone, new Date(guess));
    const shown = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
    guess = asUtc - (shown - guess);
  }
  return new Date(guess);
}

/** The instant a `YYYY-MM-DD` day (plus `addDays`) begins in the zone. */
export function dayStart(zone: string, day: string, addDays = 0): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return atZoneTime(zone, y, m, d + addDays, 0);
}
