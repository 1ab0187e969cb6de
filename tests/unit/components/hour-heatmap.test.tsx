import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { HourHeatmap } from '../../../src/components/dashboard/hour-heatmap';
import type { HourCount } from '../../../src/domain/dashboard';

const hours: HourCount[] = [
  { weekday: 1, hour: 9, total: 4, willReturn: 3 },
  { weekday: 7, hour: 23, total: 2, willReturn: 0 },
];

describe('HourHeatmap', () => {
  test('a table of a row an hour and a column a day, each cell its count and share, its caption naming hours, days and the time zone', async () => {
    const { container } = render(<HourHeatmap hours={hours} timeZone="Europe/Madrid" />);
    // Closed, the numbers are not rendered at all; opened, they are.
    expect(screen.queryByRole('table')).toBeNull();
    fireEvent.click(screen.getByText('Show the numbers'));
    const table = await screen.findByRole('table');
    expect(table.querySelector('caption')?.textContent).toBe(
      'Opinions and the share who will return, Europe/Madrid time: a row for each hour from 0:00 to 23:00, a column for each day from Monday to Sunday.',
    );
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Hour',
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
    expect(table.querySelectorAll('tbody tr')).toHaveLength(24);
    const cell = (weekday: number, hour: number) => table.querySelector(`td[data-weekday="${weekday}"][data-hour="${hour}"]`)?.textContent;
    expect(cell(1, 9)).toBe('4 (75%)');
    expect(cell(7, 23)).toBe('2 (0%)');
    expect(cell(3, 12)).toBe('0');
    // The grids are a glance for the eyes; the table speaks for them.
    expect(container.querySelector('.hour-heatmap__grids')).toHaveAttribute('aria-hidden', 'true');
    const counts = container.querySelectorAll('.hour-grid--counts .hour-grid__cell');
    expect(counts).toHaveLength(7 * 24);
    expect(container.querySelectorAll('.hour-grid--counts .hour-grid__cell:not(.hour-grid__cell--empty)')).toHaveLength(2);
    expect(counts[9]?.getAttribute('title')).toBe('Monday, 9:00\nOpinions: 4\nWill return: 75%');
  });

  test('with no opinions, every cell is empty and says 0', () => {
    const { container } = render(<HourHeatmap hours={[]} timeZone="UTC" />);
    expect(container.querySelectorAll('.hour-grid__cell:not(.hour-grid__cell--empty)')).toHaveLength(0);
    expect([...container.querySelectorAll('td')].every((td) => td.textContent === '0')).toBe(true);
  });
});
