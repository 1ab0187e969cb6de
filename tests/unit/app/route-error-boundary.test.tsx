import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, expect, test, vi } from 'vitest';
import { RouteErrorBoundary } from '../../../src/pages/route-error-page';

afterEach(() => vi.restoreAllMocks());

function Broken(): never {
  throw new Error('Failed to fetch dynamically imported module');
}

test('a page that throws (a chunk that failed to load) shows the error page until the next page', () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const { rerender } = render(
    <MemoryRouter>
      <RouteErrorBoundary pathname="/dashboard">
        <Broken />
      </RouteErrorBoundary>
    </MemoryRouter>,
  );
  expect(screen.getByRole('heading', { name: 'Sorry, something went wrong' })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();

  rerender(
    <MemoryRouter>
      <RouteErrorBoundary pathname="/dashboard">
        <p>Still broken?</p>
      </RouteErrorBoundary>
    </MemoryRouter>,
  );
  expect(screen.getByRole('heading', { name: 'Sorry, something went wrong' })).toBeInTheDocument();

  rerender(
    <MemoryRouter>
      <RouteErrorBoundary pathname="/login">
        <p>The login page</p>
      </RouteErrorBoundary>
    </MemoryRouter>,
  );
  expect(screen.getByText('The login page')).toBeInTheDocument();
  expect(screen.queryByRole('heading', { name: 'Sorry, something went wrong' })).not.toBeInTheDocument();
});
