import { describe, expect, test } from 'vitest';
import { cursorAfter, EXPORT_PAGE_SIZE, type ExportCursor } from '../../../src/domain/export-pages';

const at = (second: number) => ({ createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, second)) });
/** A full page, newest first: each run is `count` opinions at one second. */
function page(...runs: [second: number, count: number][]) {
  const rows = runs.flatMap(([second, count]) => Array.from({ length: count }, () => at(second)));
  expect(rows).toHaveLength(EXPORT_PAGE_SIZE);
  return rows;
}

/**
 * The opinions a cursor's next page asks for, out of `all` (newest first): created at or
 * before its instant, less the `tied` first of them, as the query's `$lte` and `skip` do.
 */
function nextOf<Row extends { createdAt: Date }>(all: Row[], cursor: ExportCursor): Row[] {
  return all.filter((row) => row.createdAt <= cursor.createdAt).slice(cursor.tied, cursor.tied + EXPORT_PAGE_SIZE);
}

describe("the export's pages", () => {
  test('a page that is not full is the last', () => {
    expect(cursorAfter(undefined, [at(9), at(8)])).toBeUndefined();
    expect(cursorAfter(undefined, [])).toBeUndefined();
  });

  test('the next page starts at the last instant, skipping the opinions of it already exported', () => {
    expect(cursorAfter(undefined, page([50, 997], [40, 3]))).toEqual({ createdAt: at(40).createdAt, tied: 3 });
  });

  test('an instant spread over several pages keeps counting what was exported of it', () => {
    const first = cursorAfter(undefined, page([50, 400], [40, 600]));
    const second = cursorAfter(first, page([40, EXPORT_PAGE_SIZE]));
    expect(second).toEqual({ createdAt: at(40).createdAt, tied: 1600 });
  });

  test('read to the end, every opinion comes exactly once, ties across page edges included', () => {
    // 2,500 opinions, ten per second, newest first: page edges fall inside a second's run.
    const all = Array.from({ length: 2500 }, (_, n) => ({ ...at(1000 - Math.floor(n / 10)), n }));
    const seen: number[] = [];
    let cursor: ExportCursor | undefined;
    let rows = all.slice(0, EXPORT_PAGE_SIZE);
    for (;;) {
      seen.push(...rows.map((row) => row.n));
      cursor = cursorAfter(cursor, rows);
      if (!cursor) break;
      rows = nextOf(all, cursor);
    }
    expect(seen).toEqual(all.map((row) => row.n));
  });
});
