import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { countUpTo, DEFAULT_LIST_PARAMS } from '../../src/domain/dashboard.ts';
import { loadAppParse, logInRest, seedOpinions, stack } from '../helpers/dashboard-data.ts';

// The app's own src/parse modules, on the SDK's Node build (as tests/integration/dashboard.test.ts).
vi.mock('parse', async () => {
  const Parse = (await import('parse/node')).default;
  Parse.User.enableUnsafeCurrentUser();
  return { default: Parse };
});

let app: Awaited<ReturnType<typeof loadAppParse>>;
const marker = `bound${crypto.randomUUID().slice(0, 8)}`;
const params = { ...DEFAULT_LIST_PARAMS, q: marker };

beforeAll(async () => {
  app = await loadAppParse();
  await app.auth.logIn('staff', 'Staff#Opinions1');
  await seedOpinions(Array.from({ length: 5 }, (_, n) => ({ name: `Guest ${n}`, comment: `${marker} ${n}`, willReturn: n % 2 === 0 })));
});

afterAll(async () => {
  await app?.auth.logOut().catch(() => undefined);
});

test('past its bound, the list says "more than" the bound; within it, the exact count', async () => {
  const bounded = await app.opinions.listOpinions(params, 3);
  expect(bounded.total).toEqual({ kind: 'moreThan', bound: 3 });
  expect(bounded.opinions).toHaveLength(5);

  expect((await app.opinions.listOpinions(params, 5)).total).toEqual({ kind: 'exact', count: 5 });
  expect((await app.opinions.listOpinions(params)).total).toEqual({ kind: 'exact', count: 5 });
});

test('counting exactly on demand counts past the bound', async () => {
  expect(await app.opinions.countOpinions(params)).toBe(5);
});

test('the bounded count stops at the bound plus one, and still honours who may read', async () => {
  const where = JSON.stringify({ comment: { $regex: marker } });
  const find = async (headers: Record<string, string>, comment?: string) => {
    const search = new URLSearchParams({ where, count: '1', limit: '0', ...(comment ? { comment } : {}) });
    const response = await fetch(`${stack.serverURL}/classes/opinions?${search}`, {
      headers: { 'X-Parse-Application-Id': stack.appId, 'X-Parse-JavaScript-Key': stack.javascriptKey, ...headers },
    });
    return ((await response.json()) as { count?: number }).count;
  };
  const staff = { 'X-Parse-Session-Token': await logInRest('staff', 'Staff#Opinions1') };
  expect(await find(staff, countUpTo(2))).toBe(3);
  expect(await find(staff, countUpTo(100))).toBe(5);
  expect(await find(staff)).toBe(5);
  expect(await find(staff, 'countUpTo(nonsense)')).toBe(5);
  // Opinions are staff's to read: a visitor's bounded count is refused, as an exact one is.
  expect(await find({}, countUpTo(2))).toBeUndefined();
  expect(await find({})).toBeUndefined();
});
