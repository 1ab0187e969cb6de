/**
 * When opinions arrive, and when visitors are unhappy: a day-of-week by hour-of-day view in the
 * venue's time zone. Two grids of coloured cells, as a glance (how many arrive; the share who
 * will return, blank where none did), hidden from screen readers: the table below them has the
 * same numbers, a row an hour and a column a day, so that it fits a phone.
 */
import { HOURS, WEEKDAYS, type HourCount, type Weekday } from '../../domain/dashboard';
import { hourLabel, numberLabel, percentLabel, weekdayLabel } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { NumbersDetails } from '../ui/numbers-details';

const cellKey = (weekday: Weekday, hour: number) => `${weekday} ${hour}`;

/** Every cell of the week, the empty ones as zeros. */
function cellsOf(hours: readonly HourCount[]): (weekday: Weekday, hour: number) => HourCount {
  const byCell = new Map(hours.map((cell) => [cellKey(cell.weekday, cell.hour), cell]));
  return (weekday, hour) => byCell.get(cellKey(weekday, hour)) ?? { weekday, hour, total: 0, willReturn: 0 };
}

/** An hour's heading above the grids: every sixth hour's at 360 px, every third's too from a wider grid on (dashboard.css). */
function HourHeading({ hour }: { hour: number }) {
  if (hour % 3 !== 0) return <span />;
  return <span className={hour % 6 === 0 ? 'hour-grid__hour' : 'hour-grid__hour hour-grid__hour--more'}>{hourLabel(hour, 'short')}</span>;
}

function cellTitle(cell: HourCount): string {
  return t('heatmap.cell', {
    day: weekdayLabel(cell.weekday),
    hour: hourLabel(cell.hour),
    count: cell.total,
    percent: percentLabel(cell.willReturn, cell.total),
  });
}

function Grid({ kind, cell, busiest }: { kind: 'counts' | 'shares'; cell: (weekday: Weekday, hour: number) => HourCount; busiest: number }) {
  return (
    <div className={`hour-grid hour-grid--${kind}`}>
      <p className="hour-grid__title">{t(kind === 'counts' ? 'stats.opinions' : 'stats.willReturn')}</p>
      <div className="hour-grid__cells">
        <span />
        {HOURS.map((hour) => (
          <HourHeading key={hour} hour={hour} />
        ))}
        {WEEKDAYS.flatMap((weekday) => [
          <span key={weekday} className="hour-grid__day">
            {weekdayLabel(weekday, 'short')}
          </span>,
          ...HOURS.map((hour) => {
            const counted = cell(weekday, hour);
            // A share of the grid's colour ramp (dashboard.css: --heat-low to --heat-high); none where nobody came.
            const level = kind === 'counts' ? counted.total / Math.max(busiest, 1) : counted.willReturn / Math.max(counted.total, 1);
            return (
              <span
                key={`${weekday}-${hour}`}
                className={counted.total === 0 ? 'hour-grid__cell hour-grid__cell--empty' : 'hour-grid__cell'}
                style={
                  counted.total === 0
                    ? undefined
                    : { backgroundColor: `color-mix(in srgb, var(--heat-high) ${Math.round(level * 100)}%, var(--heat-low))` }
                }
                title={cellTitle(counted)}
              />
            );
          }),
        ])}
      </div>
      <p className="hour-grid__scale">
        <span>{kind === 'counts' ? numberLabel(0) : percentLabel(0, 1)}</span>
        <span className="hour-grid__ramp" />
        <span>{kind === 'counts' ? numberLabel(busiest) : percentLabel(1, 1)}</span>
      </p>
    </div>
  );
}

/** The same numbers as a table, a row an hour and a column a day, its caption naming them. */
function HourTable({ cell, timeZone }: { cell: (weekday: Weekday, hour: number) => HourCount; timeZone: string }) {
  const caption = t('heatmap.caption', {
    zone: timeZone,
    firstDay: weekdayLabel(WEEKDAYS[0]),
    lastDay: weekdayLabel(WEEKDAYS[6]),
    firstHour: hourLabel(0),
    lastHour: hourLabel(23),
  });
  return (
    // Focusable, so that a keyboard can scroll it.
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('heatmap.table')}>
      <table className="hour-heatmap__table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('heatmap.hour')}</th>
            {WEEKDAYS.map((weekday) => (
              <th key={weekday} scope="col">
                {weekdayLabel(weekday)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {HOURS.map((hour) => (
            <tr key={hour}>
              <th scope="row">{hourLabel(hour)}</th>
              {WEEKDAYS.map((weekday) => {
                const counted = cell(weekday, hour);
                return (
                  <td key={weekday} data-weekday={weekday} data-hour={hour} data-count={counted.total}>
                    {counted.total === 0
                      ? numberLabel(0)
                      : t('heatmap.numbers', { count: counted.total, percent: percentLabel(counted.willReturn, counted.total) })}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function HourHeatmap({ hours, timeZone }: { hours: readonly HourCount[]; timeZone: string }) {
  const cell = cellsOf(hours);
  const busiest = Math.max(0, ...hours.map((counted) => counted.total));
  return (
    <figure className="hour-heatmap" data-heatmap="">
      <figcaption className="hour-heatmap__caption">
        {t('heatmap.title')}
        <span className="hour-heatmap__zone">{t('heatmap.zone', { zone: timeZone })}</span>
      </figcaption>
      <div className="hour-heatmap__grids" aria-hidden="true">
        <Grid kind="counts" cell={cell} busiest={busiest} />
        <Grid kind="shares" cell={cell} busiest={busiest} />
      </div>
      <NumbersDetails summary={t('stats.showNumbers')}>
        <HourTable cell={cell} timeZone={timeZone} />
      </NumbersDetails>
    </figure>
  );
}

/** While the stats load: the view's shape, so that nothing below it moves when they arrive. */
export function HourHeatmapPlaceholder() {
  return (
    <div className="hour-heatmap hour-heatmap--loading" aria-hidden="true">
      <p className="hour-heatmap__caption">
        {t('heatmap.title')}
        <span className="hour-heatmap__zone">{t('heatmap.zone', { zone: '…' })}</span>
      </p>
      <div className="hour-heatmap__grids" />
      <div className="stats__table-placeholder" />
    </div>
  );
}
