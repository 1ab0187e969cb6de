import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { RequireStaff } from '../../../src/app/guards';
import { createQueryClient } from '../../../src/app/query-client';
import { MemoryRouter } from 'react-router-dom';
import { fetchSession } from '../../../src/parse/session';

vi.mock('../../../src/parse/session', () => ({ fetchSession: vi.fn(), clearLocalSession: vi.fn() }));
afterEach(() => vi.resetAllMocks());

test('under a base path, the staff gate links to verifying the email inside the app', async () => {
  vi.mocked(fetchSession).mockResolvedValue({ id: 'u1', username: 'sam', email: 'sam@example.com', emailVerified: false, isStaff: true });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter basename="/opinions" initialEntries={['/opinions/dashboard']}>
        <RequireStaff>The dashboard</RequireStaff>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  const link = await screen.findByRole('link', { name: 'send the verification email again' });
  expect(link).toHaveAttribute('href', '/opinions/verify-email');
  expect(screen.queryByText('The dashboard')).toBeNull();
});
