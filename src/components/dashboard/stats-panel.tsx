import { fillDays, percentLabel, type DashboardStats } from '../../domain/dashboard';
import { dayLabel } from './day-label';
import { PerDayChart } from './per-day-chart';
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
        Stats for these filters
      </h2>
      <p role="status" className="visually-hidden">
        Loading stats…
      </p>
      <dl className="stats__figures" aria-hidden="true">
        <Figure label="Opinions" value="…" />
        <Figure label="Will return" value="…" />
        <Figure label="New since you last looked" value="…" />
      </dl>
      <LanguageSplitPlaceholder />
      <div className="stats__chart" aria-hidden="true">
        <p className="stats__caption">Opinions per day</p>
        <div className="per-day-chart per-day-chart--loading" />
        <div className="stats__table-placeholder" />
      </div>
    </section>
  );
}

/** The totals of the filtered set and the per-day chart, with its numbers as a table too. */
export function StatsPanel({ stats, updating }: { stats: DashboardStats; updating: boolean }) {
  const days = fillDays(stats);
  const chartTitle = `Opinions per day, ${dayLabel(stats.chartFrom)} to ${dayLabel(stats.chartTo)}`;
  return (
    <section aria-labelledby="stats-title" className={updating ? 'stats stats--updating' : 'stats'}>
      <h2 id="stats-title" className="visually-hidden">
        Stats for these filters
      </h2>
      <dl className="stats__figures">
        <Figure label="Opinions" value={stats.total.toLocaleString('en')} />
        <Figure
          label="Will return"
          value={percentLabel(stats.willReturn, stats.total)}
          hint={stats.total > 0 ? ` (${stats.willReturn.toLocaleString('en')})` : undefined}
        />
        <Figure
          label="New since you last looked"
          value={stats.newSince === null ? 'All' : stats.newSince.toLocaleString('en')}
          hint={stats.newSince === null ? ' (first visit)' : undefined}
        />
      </dl>
      <LanguageSplit languages={stats.languages} />
      <figure className="stats__chart">
        <figcaption className="stats__caption">{chartTitle}</figcaption>
        <PerDayChart days={days} />
        <details className="stats__table">
          <summary>Show the numbers</summary>
          {/* Focusable, so that a keyboard can scroll it. */}
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Opinions per day, as a table">
            <table>
              <caption className="visually-hidden">{chartTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Opinions</th>
                  <th scope="col">Will return</th>
                </tr>
              </thead>
              <tbody>
                {days.map((day) => (
                  <tr key={day.day}>
                    <th scope="row">{dayLabel(day.day)}</th>
                    <td>{day.total}</td>
                    <td>{percentLabel(day.willReturn, day.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figure>
    </section>
  );
}
