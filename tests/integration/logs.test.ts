/**
 * The server's logs (the data directory's `logs`) say what failed and why, and keep no
 * visitor's words and no Cloud function's params: Parse writes a refusal's whole input into its
 * line at `error` (server/log-adapter.ts leaves it out).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, inject, test } from 'vitest';
import { OPINION_FUNCTION } from '../../src/domain/classes.ts';
import { anonymous, submitOpinion } from '../helpers/parse-rest.ts';

const stack = inject('stack');

async function logText(): Promise<string> {
  const folder = path.join(stack.dataDir, 'logs');
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  return (await Promise.all(names.map((name) => fs.readFile(path.join(folder, name), 'utf8')))).join('\n');
}

test('a refused opinion and a refused function call leave what was sent out of the logs', async () => {
  const secret = crypto.randomUUID();
  const refused = (status: number) => status >= 400 && status < 500;
  // An opinion in a language the server does not know (to its function, and to the class, which
  // takes no client creates), and the stats asked without a session.
  const opinion = { comment: `words ${secret}`, willReturn: true, language: 'xx' };
  expect(refused((await submitOpinion(anonymous(stack), opinion)).status)).toBe(true);
  expect(refused((await anonymous(stack)('POST', '/classes/opinions', opinion)).status)).toBe(true);
  expect(refused((await anonymous(stack)('POST', '/functions/dashboardStats', { q: `words ${secret}` })).status)).toBe(true);
  // Parse logs the message of every error it answers, in order: once this one is in the logs,
  // whatever the two refusals above wrote is there too.
  const sentinel = `sentinel${crypto.randomUUID().replaceAll('-', '')}`;
  expect(refused((await anonymous(stack)('POST', `/functions/${sentinel}`, {})).status)).toBe(true);
  await expect.poll(logText, { timeout: 10_000 }).toContain(sentinel);
  const logs = await logText();
  expect(logs).not.toContain(secret);
  // The refusals themselves are logged, for operators: what failed, and that the input was left out.
  expect(logs).toContain(`Failed running cloud function ${OPINION_FUNCTION.submit}`);
  expect(logs).toContain('Failed running cloud function dashboardStats');
  expect(logs).toContain('(left out of the logs)');
});
