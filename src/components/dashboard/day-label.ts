/** A `YYYY-MM-DD` day in words, whatever the browser's time zone: the day is already the request's. */
const LONG = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const SHORT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

function dateOf(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** `4 Dec 2026` */
export function dayLabel(day: string): string {
  return LONG.format(dateOf(day));
}

/** `4 Dec`, under the chart's axis, whose caption has the years. */
export function shortDayLabel(day: string): string {
  return SHORT.format(dateOf(day));
}
