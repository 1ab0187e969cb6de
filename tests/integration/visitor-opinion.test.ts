import { beforeAll, expect, inject, test, vi } from 'vitest';
import { AppError } from '../../src/domain/errors.ts';
import { marker, opinionsWithComment, storedOpinion } from '../helpers/parse-rest.ts';

// The app's own module, which sends the visitor's opinion without the Parse SDK (src/parse/rest.ts).
const stack = inject('stack');
let createOpinion: typeof import('../../src/parse/opinions.ts').createOpinion;

beforeAll(async () => {
  vi.stubEnv('VITE_PARSE_SERVER_URL', stack.serverURL);
  vi.stubEnv('VITE_PARSE_APP_ID', stack.appId);
  vi.stubEnv('VITE_PARSE_JS_KEY', stack.javascriptKey);
  ({ createOpinion } = await import('../../src/parse/opinions.ts'));
});

test('the opinion is stored once, for staff only; sending it again is not an error', async () => {
  const comment = marker('Sent over REST');
  const submissionId = crypto.randomUUID();
  await createOpinion({ name: 'Rest', comment, willReturn: true, submissionId });
  await createOpinion({ name: 'Rest', comment, willReturn: true, submissionId });
  const rows = await opinionsWithComment(stack, comment);
  expect(rows).toHaveLength(1);
  const stored = await storedOpinion(stack, rows[0]!.objectId);
  expect(stored).toMatchObject({ name: 'Rest', comment, willReturn: true, reviewed: false, submissionId });
  expect(stored.ACL).toEqual({ 'role:staff': { read: true, write: true } });
});

test('the opinion is stored with the language it was written in', async () => {
  const comment = marker('Sent in Arabic');
  await createOpinion({ name: 'نور', comment, willReturn: true, submissionId: crypto.randomUUID(), language: 'ar' });
  const [row] = await opinionsWithComment(stack, comment);
  expect(await storedOpinion(stack, row!.objectId)).toMatchObject({ name: 'نور', comment, language: 'ar' });
});

test("the server's refusal comes back field by field, in words", async () => {
  const refusal = createOpinion({ name: 'Rest', comment: 'x'.repeat(5000), willReturn: true, submissionId: crypto.randomUUID() });
  await expect(refusal).rejects.toBeInstanceOf(AppError);
  await expect(refusal).rejects.toMatchObject({ kind: 'validation', fields: { comment: expect.stringMatching(/characters or fewer/) } });
});

test('a server that cannot be reached reads as offline', async () => {
  vi.stubEnv('VITE_PARSE_SERVER_URL', 'http://127.0.0.1:9/parse');
  vi.resetModules();
  const { createOpinion: unreachable } = await import('../../src/parse/opinions.ts');
  await expect(unreachable({ name: '', comment: 'Nobody hears this', willReturn: false, submissionId: crypto.randomUUID() })).rejects.toMatchObject({
    kind: 'offline',
  });
});
