import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, expect, expectTypeOf, test, vi } from 'vitest';
import { createQueryClient } from '../../../src/app/query-client';
import { AppError } from '../../../src/domain/errors';
import { getOpinion } from '../../../src/parse/opinion-detail';
import { setReviewed } from '../../../src/parse/opinion-triage';
import { useOpinion, useSetReviewed } from '../../../src/queries/opinions';

// The unit boundary: src/parse is stubbed, the queries above it are real.
vi.mock('../../../src/parse/opinion-detail', () => ({ getOpinion: vi.fn() }));
vi.mock('../../../src/parse/opinion-triage', () => ({ setReviewed: vi.fn(), deleteOpinions: vi.fn() }));
afterEach(() => vi.resetAllMocks());

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={createQueryClient()}>{children}</QueryClientProvider>;
}

test('a query fails with an AppError, as register.ts tells the pages, whatever the call below threw', async () => {
  vi.mocked(getOpinion).mockRejectedValue(new Error('a surprise'));
  const { result } = renderHook(() => useOpinion('o1'), { wrapper });
  expectTypeOf(result.current.error).toEqualTypeOf<AppError | null>();
  await waitFor(() => expect(result.current.isError).toBe(true));
  expect(result.current.error).toBeInstanceOf(AppError);
  expect(result.current.error?.kind).toBe('unknown');
});

test('a mutation fails with an AppError too', async () => {
  vi.mocked(setReviewed).mockRejectedValue(new TypeError('Failed to fetch'));
  const { result } = renderHook(() => useSetReviewed(), { wrapper });
  expectTypeOf(result.current.error).toEqualTypeOf<AppError | null>();
  act(() => result.current.mutate({ ids: ['o1'], reviewed: true }));
  await waitFor(() => expect(result.current.isError).toBe(true));
  expect(result.current.error).toBeInstanceOf(AppError);
  expect(result.current.error?.kind).toBe('offline');
});
