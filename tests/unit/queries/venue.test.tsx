import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createQueryClient } from '../../../src/app/query-client';
import { QUIET_MS } from '../../../src/device/idle';
import type { VenueSettings } from '../../../src/domain/venue';
import { fetchVenueSettings } from '../../../src/parse/venue';
import { useVenueSettingsOnceIdle } from '../../../src/queries/venue';

// The unit boundary: src/parse is stubbed, the queries above it (and the idle timer) are real.
vi.mock('../../../src/parse/venue', () => ({ fetchVenueSettings: vi.fn(), saveVenueSettings: vi.fn() }));
const fetchSettings = vi.mocked(fetchVenueSettings);

const settings = { timeZone: 'Europe/Madrid' } as VenueSettings;

beforeEach(() => {
  vi.useFakeTimers();
  // No long task or file arrives here: whenIdle waits for QUIET_MS of the (fake) clock.
  Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'complete' });
  fetchSettings.mockResolvedValue(settings);
});

afterEach(() => {
  vi.useRealTimers();
  vi.resetAllMocks();
  Reflect.deleteProperty(document, 'readyState');
});

function renderSettings(neededNow: boolean) {
  const queryClient = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  return renderHook((props: { neededNow: boolean }) => useVenueSettingsOnceIdle(props.neededNow), { wrapper, initialProps: { neededNow } });
}

test('without a range, the settings (and the Parse SDK they are read with) wait for the page to be idle', async () => {
  const { result } = renderSettings(false);
  await act(() => vi.advanceTimersByTimeAsync(QUIET_MS - 100));
  expect(fetchSettings).not.toHaveBeenCalled();
  await act(() => vi.advanceTimersByTimeAsync(200));
  expect(fetchSettings).toHaveBeenCalledOnce();
  await act(() => vi.advanceTimersByTimeAsync(10));
  expect(result.current.data).toEqual(settings);
});

test('a range in the address asks at once', async () => {
  const { result } = renderSettings(true);
  await act(() => vi.advanceTimersByTimeAsync(0));
  expect(fetchSettings).toHaveBeenCalledOnce();
  expect(result.current.data).toEqual(settings);
});

test('a range chosen before the page is idle asks at once', async () => {
  const { result, rerender } = renderSettings(false);
  await act(() => vi.advanceTimersByTimeAsync(100));
  expect(fetchSettings).not.toHaveBeenCalled();
  rerender({ neededNow: true });
  await act(() => vi.advanceTimersByTimeAsync(10));
  expect(fetchSettings).toHaveBeenCalledOnce();
  expect(result.current.data).toEqual(settings);
});
