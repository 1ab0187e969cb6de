import { expect, inject, test } from 'vitest';
import { DEMO_USERS } from '../../server/seed.ts';

const stack = inject('stack');

interface Check {
  title: string;
  state: 'success' | 'fail';
}

test('Parse Server’s security check passes but for the two warnings the README justifies', async () => {
  const response = await fetch(`${stack.serverURL}/security`, {
    headers: { 'X-Parse-Application-Id': stack.appId, 'X-Parse-Master-Key': stack.masterKey },
  });
  const { report } = (await response.json()) as { report: { groups: { checks: Check[] }[] } };
  const failing = report.groups.flatMap((group) => group.checks).filter((check) => check.state === 'fail');
  // README, "Security check": the local database's password never leaves localhost, and explain
  // is refused to clients anyway (checked below) though the setting reads as unset.
  expect(failing.map((check) => check.title).sort()).toEqual(['Public database explain disabled', 'Secure database password']);
});

test('explain queries are refused to clients, even to staff', async () => {
  const headers = { 'X-Parse-Application-Id': stack.appId, 'X-Parse-JavaScript-Key': stack.javascriptKey };
  const login = await fetch(`${stack.serverURL}/login`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: DEMO_USERS.staff.username, password: DEMO_USERS.staff.password }),
  });
  const { sessionToken } = (await login.json()) as { sessionToken: string };
  const explain = await fetch(`${stack.serverURL}/classes/opinions?explain=true&limit=1`, {
    headers: { ...headers, 'X-Parse-Session-Token': sessionToken },
  });
  expect(explain.status).toBe(400);
  expect(await explain.json()).toEqual({
    code: 102,
    error: 'Using the explain query parameter requires the master key',
  });
});
