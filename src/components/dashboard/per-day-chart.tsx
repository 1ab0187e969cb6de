/**
 * Opinions per day (bars) and the share who will return over the last 7 days (line), drawn by React as HTML and
 * SVG. A canvas library drew the same in one long main-thread task (text measured, axes laid
 * out) that nothing could split; markup is rendered in React's interruptible transitions like
 * the rest of the page, and needs no code of its own to load.
 *
 * Every position is a percentage of the plot, so that the chart follows its box without
 * measuring it: the bars are a row of columns, the line an SVG stretched over them whose
 * stroke keeps its width, the labels HTML placed at percentages so that text never stretches.
 * Hidden from screen readers: the table beside it has the same numbers.
 */
import type { DayCount } from '../../domain/dashboard';
import { dayLabel, numberLabel, percentLabel, shortDayLabel } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { countTicks, dayCentre, labelledDays, rollingDays, SHARE_TICKS, shareLine, sharePoints } from './per-day-chart-scale';

/** Dates under the axis that fit at 360 px; from a wider chart on, as many again between them (dashboard.css). */
const DATES = 5;
const MORE_DATES = 9;

function height(value: number, top: number) {
  return `${(value / top) * 100}%`;
}

export function PerDayChart({ days }: { days: readonly DayCount[] }) {
  const ticks = countTicks(Math.max(0, ...days.map((day) => day.total)));
  const top = ticks[ticks.length - 1] ?? 1;
  const dates = new Set(labelledDays(days.length, DATES));
  const moreDates = new Set(labelledDays(days.length, MORE_DATES));
  const shares = sharePoints(rollingDays(days));
  const [lone] = shares.length === 1 ? shares : [];
  return (
    <div className="per-day-chart" aria-hidden="true">
      <div className="per-day-chart__axis per-day-chart__axis--counts">
        {ticks.map((tick) => (
          <span key={tick} className="per-day-chart__tick" style={{ insetBlockEnd: height(tick, top) }}>
            {numberLabel(tick)}
          </span>
        ))}
      </div>
      <div className="per-day-chart__plot">
        {ticks.map((tick) => (
          <span key={tick} className="per-day-chart__grid" style={{ insetBlockEnd: height(tick, top) }} />
        ))}
        <div className="per-day-chart__days">
          {days.map((day) => (
            <div
              key={day.day}
              className="per-day-chart__day"
              title={t('chart.day', { day: dayLabel(day.day), count: day.total, percent: percentLabel(day.willReturn, day.total) })}
            >
              {day.total > 0 ? <span className="per-day-chart__bar" style={{ blockSize: height(day.total, top) }} /> : null}
            </div>
          ))}
        </div>
        <svg className="per-day-chart__line" viewBox={`0 0 ${Math.max(days.length, 1)} 100`} preserveAspectRatio="none">
          <path d={shareLine(shares)} vectorEffect="non-scaling-stroke" />
        </svg>
        {lone ? (
          <span
            className="per-day-chart__point"
            style={{ insetInlineStart: `${dayCentre(lone.index, days.length)}%`, insetBlockEnd: `${lone.share}%` }}
          />
        ) : null}
      </div>
      <div className="per-day-chart__axis per-day-chart__axis--shares">
        {SHARE_TICKS.map((tick) => (
          <span key={tick} className="per-day-chart__tick" style={{ insetBlockEnd: `${tick}%` }}>
            {percentLabel(tick, 100)}
          </span>
        ))}
      </div>
      <div className="per-day-chart__dates">
        {days.flatMap((day, index) =>
          moreDates.has(index)
            ? [
                <span
                  key={day.day}
                  className={dates.has(index) ? 'per-day-chart__date' : 'per-day-chart__date per-day-chart__date--more'}
                  style={{ insetInlineStart: `${dayCentre(index, days.length)}%` }}
                >
                  {shortDayLabel(day.day)}
                </span>,
              ]
            : [],
        )}
      </div>
      <ul className="per-day-chart__legend">
        <li className="per-day-chart__key per-day-chart__key--counts">{t('stats.opinions')}</li>
        <li className="per-day-chart__key per-day-chart__key--shares">{t('chart.legend.weekShare')}</li>
      </ul>
    </div>
  );
}
