import { useEffect, useRef } from 'react';
import { dayIn, fillDays, SEARCH_BOUND, type DashboardStats, type DayCount } from '../../domain/dashboard';
import { dayLabel, numberLabel, percentLabel } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { NumbersDetails } from '../ui/numbers-details';
import { HourHeatmap, HourHeatmapPlaceholder } from './hour-heatmap';
import { PerDayChart } from './per-day-chart';
import { rollingDays } from './per-day-chart-scale';
import { LanguageSplit, LanguageSplitPlaceholder } from './language-split';

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="stat">
      <dt className="stat__label">{label}</dt>
      <dd className="stat__value">
        {value}
        {hint ? <span className="stat__hint">{hint}</span> : null}
      </dd>
    </div>
  );
}

/**
 * While the stats load: the panel's shape, so that nothing below it moves when they arrive.
 */
export function StatsPlaceholder() {
  return (
    <section aria-labelledby="stats-title" aria-busy="true" className="stats">
      <h2 id="stats-title" className="visually-hidden">
        {t('stats.title')}
      </h2>
      <p role="status" className="visually-hidden">
        {t('stats.loading')}
      </p>
      <dl className="stats__figures" aria-hidden="true">
        <Figure label={t('stats.opinions')} value="…" />
        <Figure label={t('stats.willReturn')} value="…" />
        <Figure label={t('stats.newSince')} value="…" />
      </dl>
      <LanguageSplitPlaceholder />
      <div className="stats__chart" aria-hidden="true">
        <p className="stats__caption">{t('stats.perDay')}</p>
        <div className="per-day-chart per-day-chart--loading" />
        <div className="stats__table-placeholder" />
      </div>
      <HourHeatmapPlaceholder />
    </section>
  );
}

/**
 * The totals of the filtered set, the per-day chart and the day-by-hour view, with their
 * numbers as tables too, and since when opinions are kept when the venue deletes older ones.
 */
export function StatsPanel({ stats, updating, allMatches }: { stats: DashboardStats; updating: boolean; allMatches: AllMatches }) {
  const days = fillDays(stats);
  const chartTitle = t('stats.chartTitle', { from: dayLabel(stats.chartFrom), to: dayLabel(stats.chartTo) });
  return (
    <section aria-labelledby="stats-title" aria-busy={updating} className="stats">
      <h2 id="stats-title" className="visually-hidden">
        {t('stats.title')}
      </h2>
      {stats.retention ? (
        <p className="stats__retention" data-retention={stats.retention.since}>
          {t('stats.retention', { days: stats.retention.days, since: dayLabel(stats.retention.since) })}
        </p>
      ) : null}
      <NewestMatches stats={stats} updating={updating} {...allMatches} />
      <dl className="stats__figures">
        <Figure label={t('stats.opinions')} value={numberLabel(stats.total)} />
        <Figure
          label={t('stats.willReturn')}
          value={percentLabel(stats.willReturn, stats.total)}
          hint={stats.total > 0 ? ` (${numberLabel(stats.willReturn)})` : undefined}
        />
        <Figure
          label={t('stats.newSince')}
          value={stats.newSince === null ? t('stats.all') : numberLabel(stats.newSince)}
          hint={stats.newSince === null ? ` ${t('stats.firstVisit')}` : undefined}
        />
      </dl>
      <LanguageSplit languages={stats.languages} />
      <figure className="stats__chart">
        <figcaption className="stats__caption">{chartTitle}</figcaption>
        <PerDayChart days={days} />
        <NumbersDetails summary={t('stats.showNumbers')}>
          <DayTable days={days} title={chartTitle} />
        </NumbersDetails>
      </figure>
      <HourHeatmap hours={stats.hours} timeZone={stats.timeZone} />
    </section>
  );
}

/** A search's stats of every match, asked for past its bound: shown, on their way, failed, and how to ask. */
interface AllMatches {
  readonly counted: boolean;
  readonly counting: boolean;
  readonly error: string | undefined;
  readonly count: () => void;
}

/**
 * Says that a search's stats count only its newest matches, with a button that counts them all;
 * once they are, says so where the button was, and takes the focus the button had.
 */
function NewestMatches({ stats, updating, counted, counting, error, count }: AllMatches & { stats: DashboardStats; updating: boolean }) {
  const everyMatch = useRef<HTMLParagraphElement>(null);
  const wasCounted = useRef(counted);
  useEffect(() => {
    // Counted just now, the button is gone: the focus it had fell to the page.
    if (counted && !wasCounted.current && document.activeElement === document.body) everyMatch.current?.focus();
    wasCounted.current = counted;
  }, [counted]);
  if (counted) {
    return (
      <p ref={everyMatch} className="stats__bounded" role="status" tabIndex={-1}>
        {t('stats.everyMatch', { total: stats.total })}
      </p>
    );
  }
  if (!stats.countedFrom) return null;
  const since = dayLabel(dayIn(stats.timeZone, new Date(stats.countedFrom)));
  return (
    <div className="stats__bounded" data-counted-from={stats.countedFrom}>
      <p>
        {t('stats.newestMatches', { bound: SEARCH_BOUND, since })}{' '}
        {/* Not `disabled` while busy, so that the focus stays on it; these may be the previous filters' stats. */}
        <button
          type="button"
          className="button button--secondary button--small"
          data-count-all=""
          aria-disabled={updating}
          onClick={() => {
            if (!updating) count();
          }}
        >
          {counting ? t('pagination.counting') : t('stats.countAll')}
        </button>
      </p>
      {error ? (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The chart's numbers: a row a day, with the share who will return over the week up to it. */
function DayTable({ days, title }: { days: readonly DayCount[]; title: string }) {
  const weeks = rollingDays(days);
  return (
    // Focusable, so that a keyboard can scroll it.
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('stats.table')}>
      <table>
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stats.table.day')}</th>
            <th scope="col">{t('stats.opinions')}</th>
            <th scope="col">{t('stats.willReturn')}</th>
            <th scope="col">{t('stats.table.weekShare')}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day, index) => (
            <tr key={day.day}>
              <th scope="row">{dayLabel(day.day)}</th>
              <td>{numberLabel(day.total)}</td>
              <td>{percentLabel(day.willReturn, day.total)}</td>
              <td>{percentLabel(weeks[index]?.willReturn ?? 0, weeks[index]?.total ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
