/**
 * A LiveQuery client speaking the raw protocol (JSON frames over a WebSocket), for tests that
 * play a client the SDK would not be: hostile subscriptions, sockets on each instance of a cluster.
 */
import WebSocket from 'ws';

export interface LiveQuerySocket {
  send(message: object | string): void;
  /** The first message not yet taken whose op is one of these, waited for. */
  next(...ops: string[]): Promise<Record<string, unknown>>;
  /** How many messages whose op is one of these have come so far, taken or not. */
  received(...ops: string[]): number;
  /** Resolves once `count` messages whose op is one of these have come. */
  until(count: number, ...ops: string[]): Promise<void>;
  /** The close code, once the socket is closed. */
  closed: Promise<number>;
  close(): void;
}

/** Opens a socket to the LiveQuery server at this Parse server URL (http → ws). */
export async function openLiveQuery(serverURL: string): Promise<LiveQuerySocket> {
  const socket = new WebSocket(serverURL.replace(/^http/, 'ws'));
  const messages: Record<string, unknown>[] = [];
  const all: string[] = [];
  const waiting: Array<() => void> = [];
  socket.on('message', (data: WebSocket.RawData) => {
    const message = JSON.parse(data.toString()) as Record<string, unknown>;
    messages.push(message);
    all.push(String(message.op));
    for (const wake of waiting.splice(0)) wake();
  });
  const closed = new Promise<number>((resolve) => socket.once('close', (code: number) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  // A later error closes the socket, which `closed` tells; unheard, it would end the test run.
  socket.on('error', () => undefined);
  const received = (...ops: string[]) => all.filter((op) => ops.includes(op)).length;
  const nextMessage = () => new Promise<void>((resolve) => waiting.push(resolve));
  return {
    send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
    async next(...ops) {
      for (;;) {
        const index = messages.findIndex((message) => ops.includes(String(message.op)));
        if (index >= 0) return messages.splice(index, 1)[0] ?? {};
        await nextMessage();
      }
    },
    received,
    async until(count, ...ops) {
      while (received(...ops) < count) await nextMessage();
    },
    closed,
    close: () => socket.close(),
  };
}
