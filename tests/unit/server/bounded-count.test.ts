// @vitest-environment node
import { expect, test } from 'vitest';
import { countUpTo } from '../../../src/domain/dashboard.ts';
import { AppPostgresAdapter, boundedCountSql } from '../../../server/parse-app.ts';

/** Parse's own adapter builds the SQL; a client that records it stands in for PostgreSQL. */
function recordingAdapter() {
  const adapter = new AppPostgresAdapter({ uri: 'postgres://nobody@127.0.0.1:1/none' });
  const asked: { sql: string; values: unknown }[] = [];
  Reflect.set(adapter, '_client', {
    one: async (sql: string, values: unknown, map: (row: { count: string }) => number) => {
      asked.push({ sql, values });
      return map({ count: '4' });
    },
  });
  return { adapter, asked };
}

const schema = { fields: { willReturn: { type: 'Boolean' }, comment: { type: 'String' } } };

test("a bounded count is Parse's count SQL under a LIMIT of the bound plus one, with and without a filter", async () => {
  const { adapter, asked } = recordingAdapter();
  expect(await adapter.count('opinions', schema, {}, undefined, true, undefined, countUpTo(10))).toBe(4);
  expect(await adapter.count('opinions', schema, { willReturn: false }, undefined, true, undefined, countUpTo(3))).toBe(4);
  expect(asked[0]?.sql).toBe('SELECT count(*) FROM (SELECT 1 FROM $1:name  LIMIT 11) AS bounded');
  // The filter's field and value stay parameters.
  expect(asked[1]?.sql).toBe('SELECT count(*) FROM (SELECT 1 FROM $1:name WHERE $2:name = $3 LIMIT 4) AS bounded');
  expect(asked[1]?.values).toEqual(['opinions', 'willReturn', false]);
});

test('an exact count is left to Parse, and SQL of another shape is refused rather than rewritten', async () => {
  const { adapter, asked } = recordingAdapter();
  await adapter.count('opinions', schema, {}, undefined, true);
  expect(asked[0]?.sql).toMatch(/^SELECT count\(\*\) FROM \$1:name\s*$/);
  expect(() => boundedCountSql('SELECT reltuples AS approximate_row_count FROM pg_class WHERE relname = $1', 10)).toThrow(/no longer/);
});
