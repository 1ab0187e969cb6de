import { exactTime, relativeTime } from '../../i18n/format';

/** "3 hours ago" with the exact date and time beside it (both visible: no hover needed). */
export function OpinionTime({ date, now }: { date: Date; now: Date }) {
  return (
    <time dateTime={date.toISOString()} className="opinion-time">
      <span className="opinion-time__relative">{relativeTime(date, now)}</span>{' '}
      <span className="opinion-time__exact">({exactTime(date)})</span>
    </time>
  );
}
