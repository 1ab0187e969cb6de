import net from 'node:net';
import { expect, inject, test } from 'vitest';

test('Parse Server answers its health check', async () => {
  const { serverURL } = inject('stack');
  const response = await fetch(`${serverURL}/health`);
  expect(await response.json()).toEqual({ status: 'ok' });
});

/** Sends raw HTTP/1.1 requests on one connection, each after the answer to the one before; returns what the server wrote back, and whether it closed the connection. */
async function onOneConnection(url: URL, requests: string[]): Promise<{ text: string; closed: boolean }> {
  const socket = net.connect(Number(url.port), url.hostname);
  let text = '';
  let closed = false;
  socket.on('data', (chunk) => (text += chunk.toString()));
  socket.on('close', () => (closed = true));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  for (const request of requests) {
    socket.write(request);
    // One at a time: each answer before the next request, as a keep-alive client sends them.
    const answered = (text.match(/HTTP\/1\.1 /g) ?? []).length + 1;
    const deadline = Date.now() + 5_000;
    while ((text.match(/HTTP\/1\.1 /g) ?? []).length < answered && !closed && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
  socket.destroy();
  return { text, closed };
}

test('a refused master-key route leaves the connection usable (keep-alive clients reuse it)', async () => {
  const { serverURL, appId, javascriptKey } = inject('stack');
  const url = new URL(serverURL);
  const body = JSON.stringify({ fields: { isAdmin: { type: 'Boolean' } } });
  const headers = `Host: ${url.host}\r\nX-Parse-Application-Id: ${appId}\r\nX-Parse-JavaScript-Key: ${javascriptKey}\r\nConnection: keep-alive\r\n`;
  const { text, closed } = await onOneConnection(url, [
    `PUT ${url.pathname}/schemas/opinions HTTP/1.1\r\n${headers}Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    `GET ${url.pathname}/health HTTP/1.1\r\n${headers}\r\n`,
  ]);
  expect(text.match(/HTTP\/1\.1 \d+/g)).toEqual(['HTTP/1.1 403', 'HTTP/1.1 200']);
  expect(closed).toBe(false);
});
