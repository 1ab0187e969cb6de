import { render } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { addDays, type DayCount } from '../../../src/domain/dashboard';
import { PerDayChart } from '../../../src/components/dashboard/per-day-chart';
import { countTicks, dayCentre, labelledDays, rollingDays, shareLine, sharePoints } from '../../../src/components/dashboard/per-day-chart-scale';

function daysFrom(first: string, counts: readonly (readonly [number, number])[]): DayCount[] {
  return counts.map(([total, willReturn], n) => ({ day: addDays(first, n), total, willReturn }));
}

describe('the count axis', () => {
  test('steps of 1, 2 or 5 times a power of ten, from 0 to the first tick at or over the largest count', () => {
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(countTicks(10)).toEqual([0, 5, 10]);
    expect(countTicks(23)).toEqual([0, 10, 20, 30]);
    expect(countTicks(180)).toEqual([0, 50, 100, 150, 200]);
    expect(countTicks(4000)).toEqual([0, 1000, 2000, 3000, 4000]);
  });

  test('whole numbers only, and an axis from 0 to 1 when every day is empty', () => {
    expect(countTicks(1)).toEqual([0, 1]);
    expect(countTicks(0)).toEqual([0, 1]);
    for (let max = 0; max <= 1000; max += 1) {
      const ticks = countTicks(max);
      expect(ticks.every(Number.isInteger), `${max}`).toBe(true);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(ticks.length, `${max}`).toBeLessThanOrEqual(6);
    }
  });
});

describe('the dates under the axis', () => {
  test('every day while they fit, else the first, the last and evenly spaced ones between', () => {
    expect(labelledDays(3, 5)).toEqual([0, 1, 2]);
    expect(labelledDays(30, 5)).toEqual([0, 7, 15, 22, 29]);
    expect(labelledDays(366, 5)).toEqual([0, 91, 183, 274, 365]);
    expect(labelledDays(6, 5)).toEqual([0, 1, 3, 4, 5]);
  });

  test('the more dates of a wide chart keep the few of a narrow one', () => {
    for (let count = 1; count <= 400; count += 1) {
      const more = labelledDays(count, 9);
      expect(labelledDays(count, 5).every((index) => more.includes(index)), `${count}`).toBe(true);
    }
  });

  test("a day's date sits in the middle of its column", () => {
    expect(dayCentre(0, 4)).toBe(12.5);
    expect(dayCentre(3, 4)).toBe(87.5);
  });
});

describe('the share line', () => {
  test('one point a day with opinions in the middle of its column, 100 at 0 % and 0 at 100 %, straight on over days without', () => {
    const points = sharePoints(daysFrom('2026-01-01', [[4, 4], [0, 0], [3, 1], [2, 0]]));
    expect(points).toEqual([{ index: 0, share: 100 }, { index: 2, share: 33.33 }, { index: 3, share: 0 }]);
    expect(shareLine(points)).toBe('M0.5 0 L2.5 66.67 L3.5 100');
  });

  test('one opinion a day does not swing it between 0 and 100 %: each day takes the 7 days up to it; an empty day has no point', () => {
    const lone = daysFrom('2026-01-01', [[1, 1], [1, 0], [0, 0], [1, 1], [1, 0], [1, 0], [1, 1], [1, 0], [1, 1]]);
    expect(sharePoints(rollingDays(lone)).map((point) => [point.index, point.share])).toEqual([
      [0, 100],
      [1, 50],
      [3, 66.67],
      [4, 50],
      [5, 40],
      [6, 50],
      // Its 7 days are 2 January (0 of 1) to 8 January.
      [7, 33.33],
      [8, 50],
    ]);
    expect(rollingDays(lone)[2]).toEqual(lone[2]);
  });

  test('under two days with opinions, no line', () => {
    expect(shareLine(sharePoints(daysFrom('2026-01-01', [[0, 0], [2, 1]])))).toBe('');
    expect(shareLine(sharePoints(daysFrom('2026-01-01', [[0, 0]])))).toBe('');
  });
});

describe('PerDayChart', () => {
  test("a column per day, its bar as tall as its count's share of the axis, and each day's numbers on hover", () => {
    const { container } = render(<PerDayChart days={daysFrom('2026-03-01', [[6, 3], [0, 0], [3, 3]])} />);
    const chart = container.querySelector('.per-day-chart');
    expect(chart).toHaveAttribute('aria-hidden', 'true');
    const columns = [...container.querySelectorAll('.per-day-chart__day')];
    expect(columns.map((column) => column.getAttribute('title'))).toEqual([
      '1 Mar 2026\nOpinions: 6\nWill return: 50%',
      '2 Mar 2026\nOpinions: 0\nWill return: —',
      '3 Mar 2026\nOpinions: 3\nWill return: 100%',
    ]);
    const bars = columns.map((column) => column.querySelector<HTMLElement>('.per-day-chart__bar')?.style.blockSize ?? null);
    expect(bars).toEqual(['100%', null, '50%']);
    const ticks = (axis: string) => [...container.querySelectorAll(`${axis} .per-day-chart__tick`)].map((tick) => tick.textContent);
    expect(ticks('.per-day-chart__axis--counts')).toEqual(['0', '2', '4', '6']);
    expect(ticks('.per-day-chart__axis--shares')).toEqual(['0%', '25%', '50%', '75%', '100%']);
    // The line is the share of the last 7 days: 3 of 6, then 6 of 9.
    expect(container.querySelector('.per-day-chart__line path')).toHaveAttribute('d', 'M0.5 50 L2.5 33.33');
    expect(container.querySelector('.per-day-chart__point')).toBeNull();
    expect([...container.querySelectorAll('.per-day-chart__legend li')].map((key) => key.textContent)).toEqual([
      'Opinions',
      'Will return %, last 7 days',
    ]);
  });

  test('a lone day with opinions has its share as a dot, there being no line to draw', () => {
    const { container } = render(<PerDayChart days={daysFrom('2026-03-01', [[0, 0], [4, 3]])} />);
    expect(container.querySelector('.per-day-chart__line path')).toHaveAttribute('d', '');
    const dot = container.querySelector<HTMLElement>('.per-day-chart__point');
    expect([dot?.style.insetInlineStart, dot?.style.insetBlockEnd]).toEqual(['75%', '75%']);
  });

  test('of many days, a few dates, spread evenly; the ones between only where the chart is wide', () => {
    const days = daysFrom('2026-01-01', Array.from({ length: 90 }, (_, n) => [n % 7, n % 3] as const));
    const { container } = render(<PerDayChart days={days} />);
    expect(container.querySelectorAll('.per-day-chart__day')).toHaveLength(90);
    const dates = [...container.querySelectorAll<HTMLElement>('.per-day-chart__date')];
    expect(dates.filter((date) => !date.classList.contains('per-day-chart__date--more')).map((date) => date.textContent)).toEqual([
      '1 Jan',
      '23 Jan',
      '15 Feb',
      '9 Mar',
      '31 Mar',
    ]);
    expect(dates).toHaveLength(9);
    expect(dates[0]?.style.insetInlineStart).toBe(`${dayCentre(0, 90)}%`);
  });
});
