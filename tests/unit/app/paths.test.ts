import { matchPath } from 'react-router-dom';
import { expect, test } from 'vitest';
import { paths, routePatterns } from '../../../src/app/paths';
import { routeEntries } from '../../../src/app/route-manifest';

const pathnameOf = (href: string) => new URL(href, 'http://app.invalid').pathname;

test("every route's href is a path its own route in the manifest matches", () => {
  for (const [id, entry] of routeEntries()) {
    const href = id === 'opinion' ? paths.opinion('a/b c') : paths[id]();
    expect(routePatterns[id]).toBe(entry.pattern);
    expect(matchPath(entry.pattern, pathnameOf(href)), `${id}: ${href}`).not.toBeNull();
  }
});

test("an opinion's id is one segment of its path, encoded", () => {
  expect(paths.opinion('Xy12AbCd')).toBe('/dashboard/opinions/Xy12AbCd');
  expect(paths.opinion('a/b c?')).toBe('/dashboard/opinions/a%2Fb%20c%3F');
});

test('the queries: where to go after logging in, and the dashboard with or without its "?"', () => {
  expect(paths.login()).toBe('/login');
  expect(paths.login('/dashboard?q=a&b')).toBe('/login?next=%2Fdashboard%3Fq%3Da%26b');
  expect(paths.dashboard()).toBe('/dashboard');
  expect(paths.dashboard('q=a')).toBe('/dashboard?q=a');
  expect(paths.dashboard('?q=a')).toBe('/dashboard?q=a');
});
