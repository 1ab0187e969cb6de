import { expect, inject, test } from 'vitest';

test('Parse Server answers its health check', async () => {
  const { serverURL } = inject('stack');
  const response = await fetch(`${serverURL}/health`);
  expect(await response.json()).toEqual({ status: 'ok' });
});
