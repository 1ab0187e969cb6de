/**
 * The staff dashboard's filters, sort and paging, as they live in the URL, and the rules that
 * turn them into queries. Pure TypeScript: the app and the server's Cloud Code share it.
 */
import { isLanguage, LANGUAGE_CODES, type Language } from './languages';
import { normalizeTag } from './tags';
import { atZoneTime, dayStart, wallClock } from './zone-time';

export type WillReturnFilter = 'any' | 'yes' | 'no';
export type ReviewedFilter = 'any' | 'new' | 'reviewed';
export type OpinionSort = 'newest' | 'oldest' | 'name';
/** The opinions written in one language, or in any (those without a language included). */
export type LanguageFilter = 'any' | Language;

export function isLanguageFilter(value: unknown): value is LanguageFilter {
  return value === 'any' || isLanguage(value);
}

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 25;

/** What narrows the set of opinions: the list, its count, the stats, the export and the live feed. */
export interface OpinionFilters {
  readonly willReturn: WillReturnFilter;
  readonly reviewed: ReviewedFilter;
  readonly language: LanguageFilter;
  /** First day included, `YYYY-MM-DD` in the venue's time zone, or the minute the range starts at (a RangeBound). */
  readonly from: string;
  /** Last day included, `YYYY-MM-DD`, or the minute the range ends before. */
  readonly to: string;
  /**
   * The venue's IANA time zone, whose days `from` and `to` are (decision 0027): staff abroad
   * see the rows staff at the venue see. Absent, the browser's.
   */
  readonly timeZone?: string;
  /** Text searched in the name or the comment, case-insensitive, taken literally. */
  readonly q: string;
  /** The opinions with this tag (domain/tags.ts), or '' for any. */
  readonly tag: string;
}

/** One page of the list: the filters plus the order and the window. */
export interface OpinionListParams extends OpinionFilters {
  readonly sort: OpinionSort;
  readonly page: number;
  readonly pageSize: PageSize;
}

export const DEFAULT_FILTERS: OpinionFilters = { willReturn: 'any', reviewed: 'any', language: 'any', from: '', to: '', q: '', tag: '' };
export const DEFAULT_LIST_PARAMS: OpinionListParams = {
  ...DEFAULT_FILTERS,
  sort: 'newest',
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
};

export const SEARCH_MAX = 100;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

export function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const MINUTE = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * A From or To of the list, in the venue's time zone: a day (`YYYY-MM-DD`, as staff pick them),
 * or a minute of one (`YYYY-MM-DDTHH:mm`, as an alert's email links to its window). A From
 * minute is the first one included; a To minute, the first one after the range.
 */
export function isRangeBound(value: string): boolean {
  const minute = MINUTE.exec(value);
  return isDay(minute?.[1] ?? value);
}

/** The bound's day. */
export function dayOfBound(bound: string): string {
  return bound.slice(0, 10);
}

/** The bound's minute of its day, `HH:mm`, or null for a whole day. */
export function timeOfBound(bound: string): { hour: number; minute: number } | null {
  const minute = MINUTE.exec(bound);
  return minute ? { hour: Number(minute[2]), minute: Number(minute[3]) } : null;
}

/** The instant a bound stands for: a From day's start, a To day's end, a minute's start. */
function boundInstant(zone: string, bound: string, edge: 'from' | 'to'): Date {
  const time = timeOfBound(bound);
  if (!time) return dayStart(zone, bound, edge === 'to' ? 1 : 0);
  const [y, m, d] = dayOfBound(bound).split('-').map(Number) as [number, number, number];
  return atZoneTime(zone, y, m, d, time.hour, time.minute);
}

/** The minute (a RangeBound) the zone's clocks show at `date`. */
export function minuteIn(zone: string, date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const clock = wallClock(zone, date);
  return `${dayIn(zone, date)}T${two(clock.hour)}:${two(clock.minute)}`;
}

/** Not `lang`: that one, on any page, chooses the language the app speaks (src/i18n/). */
const LANGUAGE_PARAM = 'language';

/** Reads the list's state from the URL; anything unknown or malformed falls back to the default. */
export function parseListParams(search: URLSearchParams): OpinionListParams {
  const page = Number(search.get('page'));
  const pageSize = Number(search.get('size'));
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const language = search.get(LANGUAGE_PARAM);
  return {
    willReturn: oneOf(search.get('return'), ['any', 'yes', 'no'], 'any'),
    reviewed: oneOf(search.get('status'), ['any', 'new', 'reviewed'], 'any'),
    language: isLanguageFilter(language) ? language : 'any',
    from: isRangeBound(from) ? from : '',
    to: isRangeBound(to) ? to : '',
    q: (search.get('q') ?? '').slice(0, SEARCH_MAX),
    tag: normalizeTag(search.get('tag') ?? ''),
    sort: oneOf(search.get('sort'), ['newest', 'oldest', 'name'], 'newest'),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? (pageSize as PageSize) : DEFAULT_PAGE_SIZE,
  };
}

/** The URL's query string for these params; defaults are left out so that links stay short. */
export function toSearchParams(params: OpinionListParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.willReturn !== 'any') search.set('return', params.willReturn);
  if (params.reviewed !== 'any') search.set('status', params.reviewed);
  if (params.language !== 'any') search.set(LANGUAGE_PARAM, params.language);
  if (params.from) search.set('from', params.from);
  if (params.to) search.set('to', params.to);
  if (params.q.trim()) search.set('q', params.q);
  if (params.tag) search.set('tag', params.tag);
  if (params.sort !== 'newest') search.set('sort', params.sort);
  if (params.pageSize !== DEFAULT_PAGE_SIZE) search.set('size', String(params.pageSize));
  if (params.page !== 1) search.set('page', String(params.page));
  return search;
}

export function filtersOf(params: OpinionFilters): OpinionFilters {
  return {
    willReturn: params.willReturn,
    reviewed: params.reviewed,
    language: params.language,
    from: params.from,
    to: params.to,
    q: params.q.trim(),
    tag: normalizeTag(params.tag),
    // Only days need a zone: without them the filters (and the queries keyed by them) stay the same wherever the venue is.
    ...(params.timeZone && (params.from || params.to) ? { timeZone: params.timeZone } : {}),
  };
}

export function hasFilters(filters: OpinionFilters): boolean {
  const f = filtersOf(filters);
  return f.willReturn !== 'any' || f.reviewed !== 'any' || f.language !== 'any' || f.from !== '' || f.to !== '' || f.q !== '' || f.tag !== '';
}

/**
 * What was typed, as a regular expression that matches exactly that text. Every ASCII sign is
 * escaped with a backslash, which means "this character itself" in PostgreSQL's, MongoDB's and
 * JavaScript's (LiveQuery's) regular expressions alike; letters, digits and spaces pass as they are.
 */
export function literalPattern(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** The instants a day range covers in the given time zone offset finder: [start, end). */
export interface Instants {
  readonly start: Date | null;
  readonly end: Date | null;
}

/** The browser's time zone: the days of filters that name none. */
const browserZone = () => new Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The range's bounds in the filters' time zone; a `to` day includes the whole of it, 23 or 25 hours on a clock change. */
export function rangeInstants(filters: Pick<OpinionFilters, 'from' | 'to' | 'timeZone'>): Instants {
  // Without a bound no zone is asked for: the first Intl call of a page sets up ICU (hundreds of
  // milliseconds on a phone), which the dashboard's first calls would pay before its first paint.
  if (!filters.from && !filters.to) return { start: null, end: null };
  const zone = filters.timeZone ?? browserZone();
  return {
    start: filters.from ? boundInstant(zone, filters.from, 'from') : null,
    end: filters.to ? boundInstant(zone, filters.to, 'to') : null,
  };
}

/** The rows a page shows, numbered from 1: null when it shows none. */
export function pageRange(page: number, pageSize: number, shown: number, total: number): { first: number; last: number } | null {
  if (total === 0 || shown === 0) return null;
  const first = (page - 1) * pageSize + 1;
  return { first, last: first + shown - 1 };
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/**
 * The list's count stops here: beyond it the dashboard says "more than COUNT_BOUND" and counts
 * exactly only when asked, as an exact count of a common filter over a million opinions costs
 * more than the page itself (decision 0032).
 */
export const COUNT_BOUND = 10_000;

/**
 * A search's bound, lower: a substring has no index to count with, so finding 10,000 matches of
 * a word that 4 % of a million opinions hold reads a quarter of the table (about 300 ms), while
 * 1,000 are found in tens of milliseconds. Past it the list says "more than 1,000" and the stats
 * count the newest SEARCH_BOUND matches until staff ask for all of them (decision 0036).
 */
export const SEARCH_BOUND = 1_000;

/** Where the list's count of these filters stops. */
export function countBoundFor(filters: Pick<OpinionFilters, 'q'>): number {
  return filters.q.trim() ? SEARCH_BOUND : COUNT_BOUND;
}

/**
 * A bounded count's wire form: a find's `comment`, which Parse Server hands to the storage
 * adapter's count (server/parse-app.ts) and MongoDB keeps as a mere query comment, exact.
 */
export function countUpTo(bound: number): string {
  return `countUpTo(${bound})`;
}

const COUNT_UP_TO = /^countUpTo\((\d{1,9})\)$/;

/** The bound a find's comment asks its count to stop at, or null for an exact count. */
export function countBoundOf(comment: unknown): number | null {
  const match = typeof comment === 'string' ? COUNT_UP_TO.exec(comment) : null;
  const bound = match ? Number(match[1]) : 0;
  return bound > 0 ? bound : null;
}

/** A count as a bounded count answers it: exact, or only known to be more than `bound`. */
export type ListTotal = { readonly kind: 'exact'; readonly count: number } | { readonly kind: 'moreThan'; readonly bound: number };

export function listTotal(counted: number, bound: number): ListTotal {
  return counted > bound ? { kind: 'moreThan', bound } : { kind: 'exact', count: counted };
}

/** How many opinions are known to exist: what pages can be offered. */
export function knownCount(total: ListTotal): number {
  return total.kind === 'exact' ? total.count : total.bound + 1;
}

/**
 * What the stats Cloud function is asked: the filters in instants. Days and hours are counted
 * in the venue's time zone, which the server reads from the venue's settings itself: the
 * shell's first calls go out before the app knows it.
 */
export interface StatsRequest {
  readonly willReturn: WillReturnFilter;
  readonly reviewed: ReviewedFilter;
  readonly language: LanguageFilter;
  readonly q: string;
  readonly tag: string;
  /** ISO instants, or null for an open end. */
  readonly start: string | null;
  readonly end: string | null;
  /** Opinions created after this instant count as new to this staff member; null: never looked. */
  readonly since: string | null;
  /** A search's stats count every match, not only its newest SEARCH_BOUND; sent only when asked. */
  readonly allMatches?: true;
}

/** The stats request for these filters; `allMatches` when staff asked for a search's every match. */
export function toStatsRequest(filters: OpinionFilters, since: Date | null, allMatches = false): StatsRequest {
  const f = filtersOf(filters);
  const { start, end } = rangeInstants(f);
  return {
    willReturn: f.willReturn,
    reviewed: f.reviewed,
    language: f.language,
    q: f.q,
    tag: f.tag,
    start: start?.toISOString() ?? null,
    end: end?.toISOString() ?? null,
    since: since?.toISOString() ?? null,
    ...(allMatches ? { allMatches: true as const } : {}),
  };
}

/**
 * The params of Cloud Code's `dashboardVisit`: the stats of the filters the dashboard opens
 * with, new since the visit it answers (which is why their `since` is left to it).
 */
export function dashboardVisitParams(filters: OpinionFilters): { stats: StatsRequest } {
  return { stats: toStatsRequest(filters, null) };
}

export interface DayCount {
  /** `YYYY-MM-DD` in the venue's time zone. */
  readonly day: string;
  readonly total: number;
  readonly willReturn: number;
}

/** The opinions of one language; `language` null: those sent without one. */
export interface LanguageCount {
  readonly language: Language | null;
  readonly total: number;
  readonly willReturn: number;
}

/** ISO days of the week, Monday first, and the hours of a day. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

export function isWeekday(value: unknown): value is Weekday {
  return WEEKDAYS.some((day) => day === value);
}

/** The opinions that arrived in one hour of one day of the week, in the venue's time zone. */
export interface HourCount {
  readonly weekday: Weekday;
  /** 0 to 23, as the venue's clocks say. */
  readonly hour: number;
  readonly total: number;
  readonly willReturn: number;
}

/** Since when opinions are kept, when the venue deletes older ones. */
export interface Retention {
  readonly days: number;
  /** `YYYY-MM-DD` in the venue's time zone: the first day whose opinions may still be here. */
  readonly since: string;
}

export interface DashboardStats {
  readonly total: number;
  readonly willReturn: number;
  /** Created since the staff member last looked; null when they never had. */
  readonly newSince: number | null;
  /** The days the chart covers, first and last included (`YYYY-MM-DD`), and the counts of the days that have any. */
  readonly chartFrom: string;
  readonly chartTo: string;
  readonly days: readonly DayCount[];
  /** The filtered set split by language: every language in LANGUAGES' order, then those without one when there are any. */
  readonly languages: readonly LanguageCount[];
  /** The filtered set by day of the week and hour: the cells that have any, Monday 0 h first. */
  readonly hours: readonly HourCount[];
  /** The venue's IANA time zone, in which days and hours are counted. */
  readonly timeZone: string;
  /**
   * Null when every opinion of the set is counted. A search with more than SEARCH_BOUND
   * matches counts only its newest SEARCH_BOUND (with any created at the same instant as the
   * last of them), unless every match was asked for: the ISO instant of the oldest counted.
   */
  readonly countedFrom: string | null;
  /** Null while the venue keeps opinions for ever. */
  readonly retention: Retention | null;
}

/**
 * The chart never covers more than this many days: the newest of the range or, without a
 * start date, from the first opinion (at most this many days back) to the range's end or today.
 */
export const CHART_MAX_DAYS = 366;

/** The day (YYYY-MM-DD) an instant falls on in a time zone: the stats', alerts' and digests' days. */
export function dayIn(zone: string, date: Date): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** The `YYYY-MM-DD` day n days after (or before) this one. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Every day of the chart, the days without opinions as zeros. */
export function fillDays(stats: Pick<DashboardStats, 'chartFrom' | 'chartTo' | 'days'>): DayCount[] {
  const byDay = new Map(stats.days.map((day) => [day.day, day]));
  const filled: DayCount[] = [];
  for (let day = stats.chartFrom; day <= stats.chartTo && filled.length <= CHART_MAX_DAYS; day = addDays(day, 1)) {
    filled.push(byDay.get(day) ?? { day, total: 0, willReturn: 0 });
  }
  return filled;
}

/**
 * The split by language of counts in any order (a database's groups, several per language
 * allowed): every language, the absent ones as zeros, in LANGUAGES' order, and the opinions
 * without a language last, when there are any.
 */
export function languageSplit(groups: readonly LanguageCount[]): LanguageCount[] {
  const sum = (language: Language | null): LanguageCount => {
    const own = groups.filter((group) => group.language === language);
    return {
      language,
      total: own.reduce((total, group) => total + group.total, 0),
      willReturn: own.reduce((total, group) => total + group.willReturn, 0),
    };
  };
  const unknown = sum(null);
  const known = LANGUAGE_CODES.map(sum);
  return unknown.total > 0 ? [...known, unknown] : known;
}

export function share(part: number, total: number): number | null {
  return total === 0 ? null : part / total;
}
