/**
 * LiveQuery's WebSocket server with a limit on a frame's size. The only message the app sends
 * is a small subscription; without a limit (ws allows 100 MiB) one socket sending subscriptions
 * of a few MB each ran the server out of memory.
 */
import { WSAdapter } from 'parse-server/lib/Adapters/WebSocketServer/WSAdapter.js';
import { parseRequire } from './parse-require.ts';

/** The largest message a LiveQuery client may send: the app's are a few hundred bytes. */
export const LIVE_QUERY_MAX_FRAME = 64 * 1024;

// Parse Server's own copy of `ws`, the one its adapter uses.
const { WebSocketServer } = parseRequire('ws') as {
  WebSocketServer: new (options: { server: unknown; maxPayload: number }) => { on(event: string, listener: (...args: never[]) => void): void };
};

export class SmallFramesAdapter extends WSAdapter {
  override start(): void {
    // Parse's WSAdapter.start, with maxPayload: a larger frame closes its socket (1009).
    const server = new WebSocketServer({ server: this.options.server, maxPayload: LIVE_QUERY_MAX_FRAME });
    server.on('listening', this.onListen);
    server.on('connection', this.onConnection);
    server.on('error', this.onError);
  }
}
