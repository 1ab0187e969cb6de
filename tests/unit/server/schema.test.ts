// @vitest-environment node
import { expect, test } from 'vitest';
import { classDefinitions } from '../../../server/schema.ts';

test('no field of this app is a number, so no client Increment has a target (server/request-limits.ts refuses them)', () => {
  const numbers = classDefinitions.flatMap(({ className, fields = {} }) =>
    Object.entries(fields).filter(([, field]) => field.type === 'Number').map(([name]) => `${className}.${name}`),
  );
  expect(numbers).toEqual([]);
});
