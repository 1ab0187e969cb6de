import { expect, test } from 'vitest';
import type { DashboardStats } from '../../../src/domain/dashboard';
import { AppError } from '../../../src/domain/errors';
import { toDashboardStats } from '../../../src/parse/dashboard-stats';
import { toUser } from '../../../src/parse/session';

const stats: DashboardStats = {
  total: 3,
  willReturn: 2,
  newSince: 1,
  chartFrom: '2026-11-01',
  chartTo: '2026-11-30',
  days: [{ day: '2026-11-30', total: 3, willReturn: 2 }],
  languages: [
    { language: 'es', total: 2, willReturn: 1 },
    { language: null, total: 1, willReturn: 1 },
  ],
  hours: [{ weekday: 1, hour: 9, total: 3, willReturn: 2 }],
  timeZone: 'Europe/Madrid',
  countedFrom: '2026-11-02T10:00:00.000Z',
  retention: { days: 365, since: '2025-12-01' },
};

function refused(read: () => unknown): string | undefined {
  try {
    read();
  } catch (error) {
    return error instanceof AppError ? error.kind : 'not an AppError';
  }
  return undefined;
}

test('the stats are read field by field, as the server writes them', () => {
  expect(toDashboardStats(JSON.parse(JSON.stringify(stats)))).toEqual(stats);
  // Fields the answer has on top are not carried along.
  expect(toDashboardStats({ ...stats, extra: true })).toEqual(stats);
});

test("an older server's stats, without a bound or retention, read as counting everything for ever", () => {
  const { countedFrom, retention, ...older } = stats;
  expect([countedFrom, retention]).not.toEqual([null, null]);
  expect(toDashboardStats(older)).toEqual({ ...stats, countedFrom: null, retention: null });
});

test('a language a newer server knows and this app does not counts as none: the stats still show', () => {
  const newer = { ...stats, languages: [{ language: 'de', total: 2, willReturn: 1 }] };
  expect(toDashboardStats(newer).languages).toEqual([{ language: null, total: 2, willReturn: 1 }]);
});

test('stats of another shape are the server failing, not a crash later', () => {
  expect(refused(() => toDashboardStats(null))).toBe('server');
  expect(refused(() => toDashboardStats([stats]))).toBe('server');
  expect(refused(() => toDashboardStats({ ...stats, total: '3' }))).toBe('server');
  expect(refused(() => toDashboardStats({ ...stats, days: {} }))).toBe('server');
  expect(refused(() => toDashboardStats({ ...stats, hours: [{ ...stats.hours[0], weekday: 8 }] }))).toBe('server');
  expect(refused(() => toDashboardStats({ ...stats, languages: [{ language: 5, total: 1, willReturn: 0 }] }))).toBe('server');
  expect(refused(() => toDashboardStats({ ...stats, retention: { days: 30 } }))).toBe('server');
});

test("whoami's answer is read as a user, and refused when it is none", () => {
  const user = { id: 'u1', username: 'staff', email: 'staff@example.org', emailVerified: true, isStaff: true };
  expect(toUser({ ...user, sessionToken: 'not kept' })).toEqual(user);
  expect(refused(() => toUser({ ...user, isStaff: 'yes' }))).toBe('server');
  expect(refused(() => toUser('staff'))).toBe('server');
});
