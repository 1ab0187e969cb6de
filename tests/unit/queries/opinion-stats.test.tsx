import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, expect, test, vi } from 'vitest';
import { createQueryClient } from '../../../src/app/query-client';
import { DEFAULT_FILTERS, type DashboardStats, type OpinionFilters } from '../../../src/domain/dashboard';
import { fetchDashboardStats, recordDashboardVisit } from '../../../src/parse/dashboard-stats';
import { useAllMatchesStats, useDashboardStats } from '../../../src/queries/opinion-stats';
import { opinionQueries } from '../../../src/queries/opinions';

// The unit boundary: src/parse is stubbed, the queries above it are real.
vi.mock('../../../src/parse/dashboard-stats', () => ({ recordDashboardVisit: vi.fn(), fetchDashboardStats: vi.fn() }));
const visit = vi.mocked(recordDashboardVisit);
const stats = vi.mocked(fetchDashboardStats);
afterEach(() => vi.resetAllMocks());

const previous = new Date('2026-11-30T08:00:00Z');
const statsOf = (total: number): DashboardStats => ({ total, willReturn: 0, newSince: 1, chartFrom: '2026-11-01', chartTo: '2026-11-30', days: [], languages: [], hours: [], timeZone: 'UTC', countedFrom: null, retention: null });

function renderStats(filters: OpinionFilters) {
  const queryClient = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  const hook = renderHook((props: { filters: OpinionFilters }) => useDashboardStats(props.filters), { wrapper, initialProps: { filters } });
  return { ...hook, queryClient };
}

test('the visit brings the first stats: one request, none for the stats themselves', async () => {
  visit.mockResolvedValue({ previous, stats: statsOf(3) });
  const { result } = renderStats(DEFAULT_FILTERS);
  await waitFor(() => expect(result.current.data).toEqual(statsOf(3)));
  expect(visit).toHaveBeenCalledOnce();
  expect(visit).toHaveBeenCalledWith(DEFAULT_FILTERS);
  expect(stats).not.toHaveBeenCalled();
});

test('the visit brings the first stats even to someone who never looked before', async () => {
  visit.mockResolvedValue({ previous: null, stats: statsOf(2) });
  const { result } = renderStats(DEFAULT_FILTERS);
  await waitFor(() => expect(result.current.data).toEqual(statsOf(2)));
  expect(stats).not.toHaveBeenCalled();
});

test('other filters ask for their own stats, since the same visit, which is not recorded again', async () => {
  visit.mockResolvedValue({ previous, stats: statsOf(3) });
  stats.mockResolvedValue(statsOf(1));
  const { result, rerender } = renderStats(DEFAULT_FILTERS);
  await waitFor(() => expect(result.current.data).toEqual(statsOf(3)));
  const reviewed: OpinionFilters = { ...DEFAULT_FILTERS, reviewed: 'reviewed' };
  rerender({ filters: reviewed });
  await waitFor(() => expect(result.current.data).toEqual(statsOf(1)));
  expect(stats).toHaveBeenCalledWith(reviewed, previous);
  expect(visit).toHaveBeenCalledOnce();
});

test('a change to the opinions has the stats read again, not the visit recorded again', async () => {
  visit.mockResolvedValue({ previous, stats: statsOf(3) });
  stats.mockResolvedValue(statsOf(2));
  const { result, queryClient } = renderStats(DEFAULT_FILTERS);
  await waitFor(() => expect(result.current.data).toEqual(statsOf(3)));
  await act(() => queryClient.invalidateQueries({ queryKey: opinionQueries.all() }));
  await waitFor(() => expect(result.current.data).toEqual(statsOf(2)));
  expect(stats).toHaveBeenCalledWith(DEFAULT_FILTERS, previous);
  expect(visit).toHaveBeenCalledOnce();
});

test('when the visit fails, the stats count from the beginning', async () => {
  visit.mockRejectedValue(new TypeError('Failed to fetch'));
  stats.mockResolvedValue(statsOf(4));
  const { result } = renderStats(DEFAULT_FILTERS);
  await waitFor(() => expect(result.current.data).toEqual(statsOf(4)));
  expect(stats).toHaveBeenCalledWith(DEFAULT_FILTERS, null);
});

test("a search's stats of every match: asked for by staff, never by themselves, then counted again as the opinions change", async () => {
  const search: OpinionFilters = { ...DEFAULT_FILTERS, q: 'garden' };
  visit.mockResolvedValue({ previous, stats: { ...statsOf(1000), countedFrom: '2026-11-20T00:00:00.000Z' } });
  const queryClient = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  const { result } = renderHook(() => ({ bounded: useDashboardStats(search), every: useAllMatchesStats(search) }), { wrapper });
  await waitFor(() => expect(result.current.bounded.data?.total).toBe(1000));
  // A change of the opinions before staff asked: nothing counts every match.
  await act(() => queryClient.invalidateQueries({ queryKey: opinionQueries.all() }));
  expect(stats).not.toHaveBeenCalledWith(search, previous, true);
  expect(result.current.every.stats).toBeUndefined();

  stats.mockResolvedValue(statsOf(4000));
  act(() => result.current.every.countAll());
  await waitFor(() => expect(result.current.every.stats?.total).toBe(4000));
  expect(stats).toHaveBeenCalledWith(search, previous, true);

  // Once asked, a change counts again rather than leave a wrong figure.
  stats.mockResolvedValue(statsOf(3999));
  await act(() => queryClient.invalidateQueries({ queryKey: opinionQueries.all() }));
  await waitFor(() => expect(result.current.every.stats?.total).toBe(3999));
});
