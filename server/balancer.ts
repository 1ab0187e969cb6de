import fs from 'node:fs';
import path from 'node:path';
import { startChild } from './child-process.ts';

export interface Upstream {
  /** What the X-Upstream header of its answers says. */
  name: string;
  port: number;
}

export interface RunningBalancer {
  stop(): Promise<void>;
}

/**
 * HAProxy's configuration (decision 0033): round robin over the instances, each checked on
 * Parse's /health every second; a request whose connection an instance refused goes to another
 * (connection failures only: a create that reached an instance is never sent twice by us, the
 * client retries with its submission id). WebSocket upgrades (LiveQuery) pass through as tunnels.
 */
export function haproxyConfig(port: number, upstreams: readonly Upstream[]): string {
  return [
    'global',
    '  maxconn 4096',
    'defaults',
    '  mode http',
    '  option http-server-close',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  timeout tunnel 1h',
    // A busy instance answers its health check late: that is not a dead one.
    '  timeout check 10s',
    '  retries 3',
    '  option redispatch',
    '  retry-on conn-failure',
    'frontend parse',
    `  bind :::${port} v4v6`,
    // The instances count each visitor by this address (TRUST_PROXY=loopback).
    '  option forwardfor',
    '  default_backend instances',
    'backend instances',
    '  balance roundrobin',
    '  option httpchk GET /parse/health',
    '  http-check expect status 200',
    '  http-response set-header X-Upstream %s',
    ...upstreams.map(({ name, port: upstreamPort }) => `  server ${name} 127.0.0.1:${upstreamPort} check inter 1s fall 3 rise 2`),
    '',
  ].join('\n');
}

export async function startBalancer(dataDir: string, port: number, upstreams: readonly Upstream[]): Promise<RunningBalancer> {
  const file = path.join(dataDir, 'haproxy.cfg');
  fs.writeFileSync(file, haproxyConfig(port, upstreams));
  // -db: in the foreground, so that it stops with us.
  const haproxy = await startChild('HAProxy', 'haproxy', ['-db', '-f', file], { ready: port, timeoutMs: 10_000 });
  return { stop: () => haproxy.stop() };
}
