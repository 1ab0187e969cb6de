/** Ends sessions from the server's side, as time would: for tests of what the app does then. */
import { masterRestClient } from '../../server/rest.ts';
import type { ProvidedStack } from './test-stack.ts';

function master(stack: ProvidedStack) {
  return masterRestClient(stack.serverURL, stack.appId, stack.masterKey);
}

/** Whether Parse Server still accepts this session token (it caches sessions for a few seconds). */
export async function sessionAccepted(stack: ProvidedStack, sessionToken: string): Promise<boolean> {
  const response = await fetch(`${stack.serverURL}/users/me`, {
    headers: {
      'X-Parse-Application-Id': stack.appId,
      'X-Parse-JavaScript-Key': stack.javascriptKey,
      'X-Parse-Session-Token': sessionToken,
    },
  });
  if (response.ok) return true;
  const body = (await response.json()) as { code?: number };
  if (body.code !== 209) throw new Error(`Unexpected answer about a session: ${response.status} ${JSON.stringify(body)}`);
  return false;
}

/** Sets the session's expiresAt in the past and waits until the server refuses it (209). */
export async function expireSession(stack: ProvidedStack, sessionToken: string): Promise<void> {
  const rest = master(stack);
  const where = encodeURIComponent(JSON.stringify({ sessionToken }));
  const found = await rest.request<{ results: { objectId: string }[] }>('GET', `/sessions?where=${where}`);
  const session = found.results[0];
  if (!session) throw new Error('No such session.');
  await rest.request('PUT', `/sessions/${session.objectId}`, {
    expiresAt: { __type: 'Date', iso: new Date(Date.now() - 60_000).toISOString() },
  });
  const deadline = Date.now() + 15_000;
  while (await sessionAccepted(stack, sessionToken)) {
    if (Date.now() > deadline) throw new Error('The server still accepts the expired session.');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Logs in over REST, as another device would, and returns that session's token. */
export async function logInElsewhere(stack: ProvidedStack, username: string, password: string): Promise<string> {
  const response = await fetch(`${stack.serverURL}/login`, {
    method: 'POST',
    headers: {
      'X-Parse-Application-Id': stack.appId,
      'X-Parse-JavaScript-Key': stack.javascriptKey,
      'X-Parse-Revocable-Session': '1',
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { sessionToken?: string; error?: string };
  if (!body.sessionToken) throw new Error(`Could not log in as ${username}: ${body.error ?? response.status}`);
  return body.sessionToken;
}
