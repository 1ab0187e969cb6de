/**
 * The per-day chart's geometry, apart from its markup: what the axes say and where the line
 * goes, in numbers that the markup turns into percentages of the plot.
 */
import type { DayCount } from '../../domain/dashboard';

/** The share axis: whole quarters of 0-100 %. */
export const SHARE_TICKS = [0, 25, 50, 75, 100] as const;

/**
 * Round ticks from 0 to at least `max` for a count axis: a step of 1, 2 or 5 times a power of
 * ten, never under 1 (counts are whole), about `intervals` of them. The last tick is the
 * axis's top, so that every bar fits under it.
 */
export function countTicks(max: number, intervals = 4): number[] {
  const rough = Math.max(max, 1) / intervals;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((multiple) => multiple * magnitude).find((candidate) => candidate >= rough) ?? rough);
  const top = Math.max(step, Math.ceil(max / step) * step);
  return Array.from({ length: top / step + 1 }, (_, n) => n * step);
}

/**
 * The indexes of at most `most` of `count` days, evenly spread from the first to the last,
 * each once: the days that get a date under the axis.
 */
export function labelledDays(count: number, most: number): number[] {
  if (count <= most || most < 2) return Array.from({ length: Math.min(count, most) }, (_, n) => n);
  return [...new Set(Array.from({ length: most }, (_, n) => Math.round((n * (count - 1)) / (most - 1))))];
}

/** Where a day's column's middle is, as a percentage of the plot's width. */
export function dayCentre(index: number, count: number): number {
  return ((index + 0.5) / count) * 100;
}

/** How many days the share line looks back over: one opinion a day must not swing it from 0 to 100 %. */
export const SHARE_WINDOW_DAYS = 7;

/**
 * Each day with opinions, counted with the days before it over a window of `size` days: the
 * opinions of that week, and how many of them will return. A day without opinions stays empty,
 * so that it shows no share at all rather than 0 % or the week's.
 */
export function rollingDays(days: readonly DayCount[], size = SHARE_WINDOW_DAYS): DayCount[] {
  return days.map((day, index) => {
    if (day.total === 0) return day;
    const window = days.slice(Math.max(0, index - size + 1), index + 1);
    return {
      day: day.day,
      total: window.reduce((sum, each) => sum + each.total, 0),
      willReturn: window.reduce((sum, each) => sum + each.willReturn, 0),
    };
  });
}

/** A day with opinions: its index among the days, and the percentage of them who will return. */
export interface SharePoint {
  readonly index: number;
  readonly share: number;
}

export function sharePoints(days: readonly DayCount[]): SharePoint[] {
  return days.flatMap((day, index) => (day.total === 0 ? [] : [{ index, share: round((day.willReturn / day.total) * 100) }]));
}

/**
 * The share line as an SVG path in a viewBox as wide as the days and 100 high, a day per unit:
 * over days without opinions it goes straight on, as a line across a gap reads better than a
 * broken one. Under two points there is no line (the chart marks a lone one with a dot).
 */
export function shareLine(points: readonly SharePoint[]): string {
  if (points.length < 2) return '';
  return `M${points.map(({ index, share }) => `${index + 0.5} ${round(100 - share)}`).join(' L')}`;
}

/** Short numbers in the markup, enough for a fraction of a pixel. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
