import { describe, expect, test, vi } from 'vitest';
import {
  COUNT_BOUND,
  countBoundFor,
  countUpTo,
  DEFAULT_FILTERS,
  DEFAULT_LIST_PARAMS,
  fillDays,
  filtersOf,
  hasFilters,
  languageSplit,
  literalPattern,
  minuteIn,
  parseListParams,
  rangeInstants,
  SEARCH_BOUND,
  toSearchParams,
  toStatsRequest,
} from '../../../src/domain/dashboard';
import { listQueryJSON } from '../../../src/parse/opinion-query';
import { LANGUAGE_CODES } from '../../../src/domain/languages';
import { rangeLabel } from '../../../src/components/dashboard/pagination';
import { CSV_HEADER, neutraliseFormula, opinionCsvRow } from '../../../src/domain/opinion-csv';

describe('the list state in the URL', () => {
  test('defaults leave the URL empty, and every setting survives a round trip', () => {
    expect(toSearchParams(DEFAULT_LIST_PARAMS).toString()).toBe('');
    const params = { willReturn: 'no', reviewed: 'new', language: 'ar', from: '2024-02-01', to: '2024-02-29', q: 'a.b(c', tag: 'noise', sort: 'name', page: 3, pageSize: 50 } as const;
    expect(parseListParams(toSearchParams(params))).toEqual(params);
  });

  test('the language filter is `language=` (`lang=` chooses the language the app speaks)', () => {
    expect(toSearchParams({ ...DEFAULT_LIST_PARAMS, language: 'es' }).toString()).toBe('language=es');
    for (const language of LANGUAGE_CODES) {
      expect(parseListParams(toSearchParams({ ...DEFAULT_LIST_PARAMS, language })).language).toBe(language);
    }
    expect(parseListParams(new URLSearchParams('lang=fr')).language).toBe('any');
    expect(hasFilters({ ...DEFAULT_FILTERS, language: 'fr' })).toBe(true);
  });

  test('anything malformed falls back to the default', () => {
    const parsed = parseListParams(
      new URLSearchParams('return=maybe&status=x&language=de&from=2024-02-30&to=yesterday&sort=best&page=-2&size=7'),
    );
    expect(parsed).toEqual(DEFAULT_LIST_PARAMS);
  });
});

test('typed text becomes a pattern that matches only itself', () => {
  for (const text of ['a.b(c', '.*', '^x$', "quote's [x]{2}|y+?", 'back\\slash', 'naïve café 42']) {
    const pattern = new RegExp(literalPattern(text), 'i');
    expect(pattern.test(`before ${text} after`)).toBe(true);
    expect(pattern.test('something else entirely')).toBe(false);
  }
  expect(literalPattern('naïve café 42')).toBe('naïve café 42');
});

test("a search's count stops at its own, lower bound; its stats ask for every match only when told", () => {
  expect(SEARCH_BOUND).toBeLessThan(COUNT_BOUND);
  expect(countBoundFor(DEFAULT_FILTERS)).toBe(COUNT_BOUND);
  expect(countBoundFor({ q: '  ' })).toBe(COUNT_BOUND);
  expect(countBoundFor({ q: 'garden' })).toBe(SEARCH_BOUND);
  expect(listQueryJSON(DEFAULT_LIST_PARAMS).comment).toBe(countUpTo(COUNT_BOUND));
  expect(listQueryJSON({ ...DEFAULT_LIST_PARAMS, q: 'garden' }).comment).toBe(countUpTo(SEARCH_BOUND));
  // Sent only when asked: the default request is the one older servers read.
  expect(toStatsRequest({ ...DEFAULT_FILTERS, q: 'garden' }, null)).not.toHaveProperty('allMatches');
  expect(toStatsRequest({ ...DEFAULT_FILTERS, q: 'garden' }, null, true)).toMatchObject({ allMatches: true });
});

test('"41–60 of 1,234"', () => {
  expect(rangeLabel(3, 20, 20, 1234)).toBe('41–60 of 1,234');
  expect(rangeLabel(1, 25, 0, 0)).toBe('0 of 0');
});

test('the chart has every day, empty ones as zeros', () => {
  const days = fillDays({ chartFrom: '2024-02-27', chartTo: '2024-03-01', days: [{ day: '2024-02-29', total: 4, willReturn: 3 }] });
  expect(days.map((day) => `${day.day}:${day.total}`)).toEqual(['2024-02-27:0', '2024-02-28:0', '2024-02-29:4', '2024-03-01:0']);
});

test('cells that a spreadsheet would run as formulas are neutralised', () => {
  expect(['=1+1', '+1', '-2', '@SUM(A1)', '\tx', 'fine', ''].map(neutraliseFormula)).toEqual([
    "'=1+1",
    "'+1",
    "'-2",
    "'@SUM(A1)",
    "'\tx",
    'fine',
    '',
  ]);
  const row = opinionCsvRow({ id: 'x', name: '', comment: '=cmd', willReturn: true, reviewed: false, language: null, createdAt: new Date(0), tags: [] });
  expect(row).toEqual(['x', '1970-01-01T00:00:00.000Z', 'Anonymous', "'=cmd", 'yes', 'no', '']);
});

test("the CSV's language column holds the opinion's language code, or nothing", () => {
  const opinion = { id: 'x', name: 'Noor', comment: 'رائع', willReturn: true, reviewed: true, createdAt: new Date(0), tags: [] };
  expect(CSV_HEADER.at(-1)).toBe('language');
  expect(opinionCsvRow({ ...opinion, language: 'ar' })).toEqual(['x', '1970-01-01T00:00:00.000Z', 'Noor', 'رائع', 'yes', 'yes', 'ar']);
  expect(opinionCsvRow({ ...opinion, language: null }).at(-1)).toBe('');
});

test('the split by language has every language in order, and those without one last when there are any', () => {
  const split = languageSplit([
    { language: 'fr', total: 2, willReturn: 1 },
    { language: null, total: 1, willReturn: 0 },
    { language: 'fr', total: 3, willReturn: 3 },
    { language: 'en', total: 4, willReturn: 2 },
  ]);
  expect(split).toEqual([
    { language: 'en', total: 4, willReturn: 2 },
    { language: 'es', total: 0, willReturn: 0 },
    { language: 'fr', total: 5, willReturn: 4 },
    { language: 'ar', total: 0, willReturn: 0 },
    { language: null, total: 1, willReturn: 0 },
  ]);
  expect(languageSplit([]).map((count) => count.language)).toEqual(LANGUAGE_CODES);
});

describe("the From/To days, in the venue's time zone", () => {
  test('without a day, no time zone is asked of Intl (its first call sets up ICU, slow on a phone)', () => {
    const Format = Intl.DateTimeFormat;
    const formats = vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(function (...args: ConstructorParameters<typeof Format>) {
      return new Format(...args);
    });
    try {
      expect(rangeInstants({ from: '', to: '' })).toEqual({ start: null, end: null });
      expect(formats).not.toHaveBeenCalled();
      expect(rangeInstants({ from: '2026-06-01', to: '' }).start).not.toBeNull();
      expect(formats).toHaveBeenCalled();
    } finally {
      formats.mockRestore();
    }
  });

  test("are the same instants whatever the browser's zone", () => {
    const range = rangeInstants({ from: '2026-06-01', to: '2026-06-01', timeZone: 'Europe/Madrid' });
    expect(range.start?.toISOString()).toBe('2026-05-31T22:00:00.000Z');
    expect(range.end?.toISOString()).toBe('2026-06-01T22:00:00.000Z');
  });

  test('cover 23 hours on the day clocks go forward and 25 on the day they go back', () => {
    const spring = rangeInstants({ from: '2026-03-29', to: '2026-03-29', timeZone: 'Europe/Madrid' });
    expect(spring.start?.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(spring.end?.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    const autumn = rangeInstants({ from: '2026-10-25', to: '2026-10-25', timeZone: 'America/New_York' });
    expect(autumn.start?.toISOString()).toBe('2026-10-25T04:00:00.000Z');
    expect(autumn.end?.toISOString()).toBe('2026-10-26T04:00:00.000Z');
    const fall = rangeInstants({ from: '2026-11-01', to: '2026-11-01', timeZone: 'America/New_York' });
    expect(fall.end && fall.start ? fall.end.getTime() - fall.start.getTime() : 0).toBe(25 * 60 * 60 * 1000);
  });

  test('may be minutes, as an alert links to its window: From the first included, To the first after', () => {
    const range = rangeInstants({ from: '2026-06-01T10:05', to: '2026-06-01T11:06', timeZone: 'Europe/Madrid' });
    expect(range.start?.toISOString()).toBe('2026-06-01T08:05:00.000Z');
    expect(range.end?.toISOString()).toBe('2026-06-01T09:06:00.000Z');
    const mixed = { ...DEFAULT_LIST_PARAMS, from: '2026-06-01T23:59', to: '2026-06-02' };
    expect(parseListParams(toSearchParams(mixed))).toEqual(mixed);
    for (const bad of ['2026-06-01T24:00', '2026-06-01T10:60', '2026-02-30T10:00', '2026-06-01T1:05', '2026-06-01 10:05']) {
      expect(parseListParams(new URLSearchParams({ from: bad })).from, bad).toBe('');
    }
  });

  test("a minute is read off the venue's clocks, whatever the browser's zone", () => {
    expect(minuteIn('Europe/Madrid', new Date('2026-06-01T08:05:59.999Z'))).toBe('2026-06-01T10:05');
    expect(minuteIn('Asia/Tokyo', new Date('2026-12-31T15:00:00.000Z'))).toBe('2027-01-01T00:00');
  });

  test('leave an open end open', () => {
    expect(rangeInstants({ from: '', to: '2026-01-31', timeZone: 'Asia/Tokyo' })).toEqual({ start: null, end: new Date('2026-01-31T15:00:00.000Z') });
  });

  test('keep their zone in the filters only when they are set, so that other filters stay one key', () => {
    expect(filtersOf({ ...DEFAULT_FILTERS, timeZone: 'Europe/Madrid' })).toEqual(DEFAULT_FILTERS);
    expect(filtersOf({ ...DEFAULT_FILTERS, from: '2026-01-01', timeZone: 'Europe/Madrid' }).timeZone).toBe('Europe/Madrid');
  });
});
