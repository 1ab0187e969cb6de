/**
 * Numbers, dates and relative times in the page's language, through `Intl`: a page's language
 * is fixed for its life, but a formatter is made per language asked for, so that tests (and the
 * build's prerender, one language after another) get each language's own.
 */
import { share, type Weekday } from '../domain/dashboard';
import type { Language } from '../domain/languages';
import { activeLanguage } from './i18n';

/**
 * The locale each language is formatted in: the app's English writes the day before the month
 * ("4 Dec 2026"), as it did before there were other languages.
 */
const LOCALES: Readonly<Record<Language, string>> = { en: 'en-GB', es: 'es', fr: 'fr', ar: 'ar' };

/**
 * The month of a date under the chart's axis, where five share a phone's width: Arabic has no
 * abbreviated month names ("نوفمبر" whole), so its dates there are numbers.
 */
const AXIS_MONTH: Readonly<Record<Language, 'short' | 'numeric'>> = { en: 'short', es: 'short', fr: 'short', ar: 'numeric' };

function perLanguage<T>(make: (locale: string, language: Language) => T): () => T {
  const made = new Map<Language, T>();
  return () => {
    const language = activeLanguage();
    let formatter = made.get(language);
    if (formatter === undefined) {
      formatter = make(LOCALES[language], language);
      made.set(language, formatter);
    }
    return formatter;
  };
}

const numbers = perLanguage((locale) => new Intl.NumberFormat(locale));
const percents = perLanguage((locale) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }));
// The day is already the request's: whatever the browser's time zone, it is read as written.
const longDays = perLanguage((locale) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }));
const shortDays = perLanguage((locale, language) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: AXIS_MONTH[language], timeZone: 'UTC' }));
// Weekdays and hours are the venue's already: formatted from a UTC instant, read as written.
const weekdays = perLanguage((locale) => new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }));
const shortWeekdays = perLanguage((locale) => new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }));
const hours = perLanguage((locale) => new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }));
const shortHours = perLanguage((locale) => new Intl.DateTimeFormat(locale, { hour: 'numeric', timeZone: 'UTC' }));
const exactTimes = perLanguage((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
const relativeTimes = perLanguage((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));

/** `1,234`, `1.234`, `1 234`. */
export function numberLabel(value: number): string {
  return numbers().format(value);
}

/** `75%`, `75 %`; a dash when there is nothing to take a share of. */
export function percentLabel(part: number, total: number): string {
  const value = share(part, total);
  return value === null ? '—' : percents().format(value);
}

function dateOf(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** A `YYYY-MM-DD` day: `4 Dec 2026`, `4 dic 2026`. */
export function dayLabel(day: string): string {
  return longDays().format(dateOf(day));
}

/** `4 Dec`, `4/12` in Arabic: under the chart's axis, whose caption has the years. */
export function shortDayLabel(day: string): string {
  return shortDays().format(dateOf(day));
}

/** An ISO day of the week (1 Monday … 7 Sunday) on 1 to 7 January 2024, which began on a Monday. */
function weekdayDate(weekday: Weekday): Date {
  return new Date(Date.UTC(2024, 0, weekday));
}

/** `Monday`, `lunes`; `short`: `Mon`, `lun`. */
export function weekdayLabel(weekday: Weekday, width: 'long' | 'short' = 'long'): string {
  return (width === 'long' ? weekdays() : shortWeekdays()).format(weekdayDate(weekday));
}

/** An hour of the day (0 to 23) as clocks show it: `08:00`, `8:00 a. m.`; `short`: `08`, `8 a. m.`. */
export function hourLabel(hour: number, width: 'long' | 'short' = 'long'): string {
  return width === 'long' ? clockLabel(hour, 0) : shortHours().format(new Date(Date.UTC(2024, 0, 1, hour)));
}

/** A time of the day as clocks show it: `10:05`, `10:05 a. m.`. */
export function clockLabel(hour: number, minute: number): string {
  return hours().format(new Date(Date.UTC(2024, 0, 1, hour, minute)));
}

/** The date and time in the reader's time zone. */
export function exactTime(date: Date): string {
  return exactTimes().format(date);
}

const STEPS: readonly (readonly [Intl.RelativeTimeFormatUnit, number])[] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * `3 hours ago`, `yesterday`, `now`: in the largest unit that is at least one, in whole units
 * (40 hours ago is yesterday, not the day before: rounding would say more than it was).
 */
export function relativeTime(date: Date, now: Date): string {
  const seconds = (date.getTime() - now.getTime()) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(seconds) >= size) return relativeTimes().format(Math.trunc(seconds / size), unit);
  }
  return relativeTimes().format(0, 'second');
}
