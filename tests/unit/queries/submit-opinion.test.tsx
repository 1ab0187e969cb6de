import 'fake-indexeddb/auto';
import { QueryClientProvider } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createQueryClient } from '../../../src/app/query-client';
import { getOutbox } from '../../../src/device/outbox';
import { appError } from '../../../src/domain/errors';
import { createOpinion } from '../../../src/parse/opinions';
import { sendOutboxEntry } from '../../../src/queries/outbox';
import { useSubmitOpinion } from '../../../src/queries/submit-opinion';

// The unit boundary: src/parse is stubbed, the queries and the device's outbox above it are real.
vi.mock('../../../src/parse/opinions', () => ({ createOpinion: vi.fn() }));
const create = vi.mocked(createOpinion);

const opinion = { name: 'Noor', comment: 'Lovely garden', willReturn: true, submissionId: '6a2f0c1e-0b4d-4c8e-9f00-123456789abc' };

function renderSubmit() {
  const queryClient = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  return renderHook(() => useSubmitOpinion(), { wrapper }).result;
}

beforeEach(async () => {
  for (const entry of await getOutbox().list()) await getOutbox().remove(entry.submissionId);
});
afterEach(() => {
  vi.resetAllMocks();
  document.documentElement.lang = '';
});

test('an opinion is sent in the language the page is in', async () => {
  create.mockResolvedValue(undefined);
  document.documentElement.lang = 'fr';
  expect(await renderSubmit().current.mutateAsync(opinion)).toBe('sent');
  expect(create).toHaveBeenCalledWith({ ...opinion, language: 'fr' });
});

test('a page in no language the app speaks sends the default one', async () => {
  create.mockResolvedValue(undefined);
  for (const lang of ['', 'de', 'en-GB']) {
    document.documentElement.lang = lang;
    await renderSubmit().current.mutateAsync(opinion);
    expect(create).toHaveBeenLastCalledWith({ ...opinion, language: 'en' });
  }
});

test('a queued opinion keeps the language it was written in, whatever the page says when it is sent again', async () => {
  create.mockRejectedValueOnce(appError('offline'));
  document.documentElement.lang = 'es';
  expect(await renderSubmit().current.mutateAsync(opinion)).toBe('queued');
  document.documentElement.lang = 'ar';
  const [entry] = await getOutbox().list();
  expect(entry?.opinion.language).toBe('es');

  create.mockResolvedValue(undefined);
  expect(await sendOutboxEntry(entry!)).toBe('sent');
  expect(create).toHaveBeenLastCalledWith(expect.objectContaining({ submissionId: opinion.submissionId, language: 'es' }));
});

test('what an older app queued without a language is sent without one', async () => {
  const { submissionId, ...older } = opinion;
  await getOutbox().add(submissionId, older);
  const [entry] = await getOutbox().list();
  create.mockResolvedValue(undefined);
  expect(await sendOutboxEntry(entry!)).toBe('sent');
  expect(create.mock.calls[0]?.[0]).not.toHaveProperty('language');
});
