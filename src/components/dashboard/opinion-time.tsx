const RELATIVE = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const EXACT = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

export function relativeTime(date: Date, now: Date): string {
  const seconds = (date.getTime() - now.getTime()) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(seconds) >= size) return RELATIVE.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

export function exactTime(date: Date): string {
  return EXACT.format(date);
}

/** "3 hours ago" with the exact date and time beside it (both visible: no hover needed). */
export function OpinionTime({ date, now }: { date: Date; now: Date }) {
  return (
    <time dateTime={date.toISOString()} className="opinion-time">
      <span className="opinion-time__relative">{relativeTime(date, now)}</span>{' '}
      <span className="opinion-time__exact">({exactTime(date)})</span>
    </time>
  );
}
