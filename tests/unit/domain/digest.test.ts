import { describe, expect, test } from 'vitest';
import { lastPeriod, previousPeriod } from '../../../src/domain/digest';

const iso = (period: { start: Date; end: Date }) => [period.start.toISOString(), period.end.toISOString()];

describe('digest periods', () => {
  test('daily: the 24 hours up to the last 08:00 venue time', () => {
    expect(iso(lastPeriod('daily', 'UTC', new Date('2026-12-05T09:00:00Z')))).toEqual(['2026-12-04T08:00:00.000Z', '2026-12-05T08:00:00.000Z']);
    expect(iso(lastPeriod('daily', 'UTC', new Date('2026-12-05T07:59:00Z')))).toEqual(['2026-12-03T08:00:00.000Z', '2026-12-04T08:00:00.000Z']);
    // Madrid is UTC+1 in December: its 08:00 is 07:00 UTC.
    expect(iso(lastPeriod('daily', 'Europe/Madrid', new Date('2026-12-05T07:30:00Z')))).toEqual(['2026-12-04T07:00:00.000Z', '2026-12-05T07:00:00.000Z']);
  });

  test('weekly: Monday 08:00 to Monday 08:00, across a month and a change of clocks', () => {
    // Saturday 5 December 2026: the week ended on Monday 30 November.
    expect(iso(lastPeriod('weekly', 'UTC', new Date('2026-12-05T12:00:00Z')))).toEqual(['2026-11-23T08:00:00.000Z', '2026-11-30T08:00:00.000Z']);
    // Monday 7 December before and after 08:00.
    expect(iso(lastPeriod('weekly', 'UTC', new Date('2026-12-07T07:00:00Z')))[1]).toBe('2026-11-30T08:00:00.000Z');
    expect(iso(lastPeriod('weekly', 'UTC', new Date('2026-12-07T08:00:00Z')))[1]).toBe('2026-12-07T08:00:00.000Z');
    // Madrid moved its clocks on 25 October 2026: the week before is an hour longer.
    expect(iso(lastPeriod('weekly', 'Europe/Madrid', new Date('2026-10-27T12:00:00Z')))).toEqual(['2026-10-19T06:00:00.000Z', '2026-10-26T07:00:00.000Z']);
  });

  test('the previous period ends where the last one starts', () => {
    const last = lastPeriod('weekly', 'UTC', new Date('2026-12-05T12:00:00Z'));
    expect(iso(previousPeriod('weekly', 'UTC', last))).toEqual(['2026-11-16T08:00:00.000Z', '2026-11-23T08:00:00.000Z']);
    const day = lastPeriod('daily', 'UTC', new Date('2026-12-05T12:00:00Z'));
    expect(iso(previousPeriod('daily', 'UTC', day))).toEqual(['2026-12-03T08:00:00.000Z', '2026-12-04T08:00:00.000Z']);
  });
});
