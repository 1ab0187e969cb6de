import { afterAll, describe, expect, test } from 'vitest';
import { dayLabel, exactTime, numberLabel, percentLabel, relativeTime, shortDayLabel } from '../../../src/i18n/format';
import { loadMessages } from '../../../src/i18n/i18n';
import { LANGUAGE_CODES, type Language } from '../../../src/domain/languages';

afterAll(() => loadMessages('en', 'staff'));

/** Intl's spaces (no-break, narrow no-break) as plain ones, and its direction marks left out. */
function plain(text: string): string {
  return text.replace(/\s/g, ' ').replace(/[\u200e\u200f\u061c]/g, '');
}

const NOW = new Date('2026-12-15T12:00:00Z');
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);

interface Expected {
  readonly number: string;
  readonly percent: string;
  readonly day: string;
  readonly shortDay: string;
  /** The day in the exact time: midday UTC is that day in every time zone a test runs in. */
  readonly exactDay: string;
  readonly hours: string;
  readonly yesterday: string;
  readonly now: string;
  readonly weeks: string;
}

const EXPECTED: Record<Language, Expected> = {
  en: {
    number: '12,345',
    percent: '75%',
    day: '4 Dec 2026',
    shortDay: '4 Dec',
    exactDay: '15 Dec 2026',
    hours: '3 hours ago',
    yesterday: 'yesterday',
    now: 'now',
    weeks: '2 weeks ago',
  },
  es: {
    number: '12.345',
    percent: '75 %',
    day: '4 dic 2026',
    shortDay: '4 dic',
    exactDay: '15 dic 2026',
    hours: 'hace 3 horas',
    yesterday: 'ayer',
    now: 'ahora',
    weeks: 'hace 2 semanas',
  },
  fr: {
    number: '12 345',
    percent: '75 %',
    day: '4 déc. 2026',
    shortDay: '4 déc.',
    exactDay: '15 déc. 2026',
    hours: 'il y a 3 heures',
    yesterday: 'hier',
    now: 'maintenant',
    weeks: 'il y a 2 semaines',
  },
  // Digits as Intl writes them for Arabic (Western Arabic digits in current ICU data).
  ar: {
    number: new Intl.NumberFormat('ar').format(12345),
    percent: plain(new Intl.NumberFormat('ar', { style: 'percent' }).format(0.75)),
    day: `${new Intl.NumberFormat('ar').format(4)} ديسمبر ${new Intl.NumberFormat('ar', { useGrouping: false }).format(2026)}`,
    // Arabic's months have no short names: numbers where five dates share a phone's width.
    shortDay: plain(new Intl.DateTimeFormat('ar', { day: 'numeric', month: 'numeric', timeZone: 'UTC' }).format(new Date('2026-12-04T00:00:00Z'))),
    exactDay: plain(new Intl.DateTimeFormat('ar', { dateStyle: 'short', timeZone: 'UTC' }).format(NOW)),
    hours: `قبل ${new Intl.NumberFormat('ar').format(3)} ساعات`,
    yesterday: 'أمس',
    now: 'الآن',
    weeks: 'قبل أسبوعين',
  },
};

describe.each(LANGUAGE_CODES)('in %s', (language) => {
  const expected = EXPECTED[language];

  test('numbers and shares, by the language’s separators and signs', async () => {
    await loadMessages(language, 'staff');
    expect(plain(numberLabel(12345))).toBe(expected.number);
    expect(plain(percentLabel(3, 4))).toBe(expected.percent);
    expect(percentLabel(0, 0)).toBe('—');
  });

  test('days as the language writes them, whatever the time zone', async () => {
    await loadMessages(language, 'staff');
    expect(plain(dayLabel('2026-12-04'))).toBe(expected.day);
    expect(plain(shortDayLabel('2026-12-04'))).toBe(expected.shortDay);
    expect(plain(exactTime(NOW))).toContain(expected.exactDay);
  });

  test('relative times in the largest whole unit, in words where the language has them', async () => {
    await loadMessages(language, 'staff');
    expect(plain(relativeTime(ago(3 * 3600 + 100), NOW))).toBe(expected.hours);
    expect(plain(relativeTime(ago(26 * 3600), NOW))).toBe(expected.yesterday);
    // Never more than it was: 40 hours is yesterday's, not the day before's.
    expect(plain(relativeTime(ago(40 * 3600), NOW))).toBe(expected.yesterday);
    expect(plain(relativeTime(ago(3 * 3600 + 3500), NOW))).toBe(expected.hours);
    expect(plain(relativeTime(ago(20), NOW))).toBe(expected.now);
    expect(plain(relativeTime(ago(15 * 24 * 3600), NOW))).toBe(expected.weeks);
  });
});
