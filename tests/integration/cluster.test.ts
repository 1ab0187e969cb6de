/**
 * `npm run cluster` as operators run it: two Parse Server processes behind HAProxy, sharing one
 * PostgreSQL and one Redis (decision 0033). Requests go through the balancer, or straight to
 * one instance (its own port) where the test must say which one serves it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Cluster, ClusterInstance } from '../../server/cluster.ts';
import { masterRestClient } from '../../server/rest.ts';
import { grantStaff } from '../../server/roles.ts';
import { CLASS } from '../../src/domain/classes.ts';
import { openLiveQuery } from '../helpers/live-query-socket.ts';
import { SUBMIT_PATH } from '../helpers/parse-rest.ts';
import { startTestCluster } from '../helpers/test-cluster.ts';

const CREATE_LIMIT = 5;
const PASSWORD = 'Cluster#Opinions1';

let cluster: Cluster;

beforeAll(async () => {
  cluster = await startTestCluster(2, { opinionCreateLimit: CREATE_LIMIT });
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
}, 60_000);

const instanceURL = ({ port }: ClusterInstance) => `http://127.0.0.1:${port}/parse`;
const instance = (index: number): ClusterInstance => {
  const found = cluster.instances[index];
  if (!found) throw new Error(`The cluster has no instance ${index}.`);
  return found;
};

/** A visitor's address, as HAProxy passes it on in X-Forwarded-For (198.18.0.0/15, the benchmarking range). */
const octet = () => Math.floor(Math.random() * 254) + 1;
const visitorAddress = () => `198.${18 + (octet() % 2)}.${octet()}.${octet()}`;

interface Answer {
  status: number;
  body: Record<string, unknown>;
  upstream: string | null;
}

async function call(
  base: string,
  method: string,
  path: string,
  { body, visitor, sessionToken }: { body?: unknown; visitor?: string; sessionToken?: string } = {},
): Promise<Answer> {
  const response = await fetch(base + path, {
    method,
    headers: {
      'X-Parse-Application-Id': cluster.config.appId,
      'X-Parse-JavaScript-Key': cluster.config.javascriptKey,
      'Content-Type': 'application/json',
      ...(visitor ? { 'X-Forwarded-For': visitor } : {}),
      ...(sessionToken ? { 'X-Parse-Session-Token': sessionToken } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : {};
  return {
    status: response.status,
    body: typeof parsed === 'object' && parsed !== null ? { ...parsed } : {},
    upstream: response.headers.get('X-Upstream'),
  };
}

const newOpinion = (label: string) => ({ comment: `${label} ${randomUUID()}`, willReturn: true, submissionId: randomUUID() });

async function signUp(base: string): Promise<{ userId: string; sessionToken: string }> {
  const username = `cluster-${randomUUID().slice(0, 8)}`;
  const { body } = await call(base, 'POST', '/users', { body: { username, password: PASSWORD, email: `${username}@example.com` } });
  if (typeof body.objectId !== 'string' || typeof body.sessionToken !== 'string') throw new Error(`Sign-up failed: ${JSON.stringify(body)}`);
  return { userId: body.objectId, sessionToken: body.sessionToken };
}

interface LiveSubscription {
  /** The number of events heard so far. */
  heard(): number;
  /** Resolves when `count` events have been heard. */
  until(count: number): Promise<void>;
  close(): void;
}

/** A LiveQuery client of the dashboard's signal class, as the dashboard subscribes (raw protocol). */
async function subscribeToSignals(base: string, sessionToken: string): Promise<LiveSubscription> {
  const socket = await openLiveQuery(base);
  const { appId: applicationId, javascriptKey } = cluster.config;
  const answered = async (...ops: string[]) => {
    const answer = await socket.next(...ops, 'error');
    if (answer.op === 'error') throw new Error(JSON.stringify(answer));
  };
  socket.send({ op: 'connect', applicationId, javascriptKey, sessionToken });
  // As the SDK does: a subscription waits for the connection (its session is checked first).
  await answered('connected');
  socket.send({ op: 'subscribe', requestId: 1, sessionToken, query: { className: CLASS.dashboardSignals, where: {} } });
  await answered('subscribed');
  const EVENTS = ['create', 'update', 'enter'];
  return {
    heard: () => socket.received(...EVENTS),
    until: (count) => socket.until(count, ...EVENTS),
    close: () => socket.close(),
  };
}

describe('npm run cluster', () => {
  test('answers name their instance, and the balancer takes turns', async () => {
    const upstreams = new Set<string | null>();
    for (let i = 0; i < 4; i++) upstreams.add((await call(cluster.serverURL, 'GET', '/health')).upstream);
    expect([...upstreams].sort()).toEqual(cluster.instances.map(({ name }) => name).sort());
  });

  test('a rate limit holds across instances: the count is shared', async () => {
    const visitor = visitorAddress();
    const answers: Answer[] = [];
    for (let i = 0; i <= CREATE_LIMIT; i++) {
      answers.push(await call(cluster.serverURL, 'POST', SUBMIT_PATH, { body: newOpinion('limit'), visitor }));
    }
    const accepted = answers.slice(0, CREATE_LIMIT);
    expect(accepted.map(({ status }) => status)).toEqual(Array<number>(CREATE_LIMIT).fill(200));
    // Both instances counted some of them, and the one over the limit was refused anyway.
    expect(new Set(accepted.map(({ upstream }) => upstream)).size).toBe(2);
    expect(answers[CREATE_LIMIT]?.status).toBe(429);
  });

  test('a session made on one instance works on every one, and ends on every one', async () => {
    const { sessionToken } = await signUp(instanceURL(instance(0)));
    for (const each of cluster.instances) {
      expect((await call(instanceURL(each), 'GET', '/users/me', { sessionToken })).status).toBe(200);
    }
    // Each instance has now cached the session; logging out on one must reach the other's cache.
    expect((await call(instanceURL(instance(0)), 'POST', '/logout', { sessionToken })).status).toBe(200);
    for (const each of cluster.instances) {
      expect((await call(instanceURL(each), 'GET', '/users/me', { sessionToken })).body.code).toBe(209);
    }
  });

  test('an opinion saved through one instance is announced to LiveQuery clients of the other and of the balancer', async () => {
    const rest = masterRestClient(cluster.serverURL, cluster.config.appId, cluster.config.masterKey);
    const staff = await signUp(cluster.serverURL);
    await grantStaff(rest, staff.userId);
    await rest.request('PUT', `/users/${staff.userId}`, { emailVerified: true });
    const onSecond = await subscribeToSignals(instanceURL(instance(1)), staff.sessionToken);
    const throughBalancer = await subscribeToSignals(cluster.serverURL, staff.sessionToken);
    try {
      const saved = await call(instanceURL(instance(0)), 'POST', SUBMIT_PATH, { body: newOpinion('live'), visitor: visitorAddress() });
      expect(saved.status).toBe(200);
      await Promise.all([onSecond.until(1), throughBalancer.until(1)]);
    } finally {
      onSecond.close();
      throughBalancer.close();
    }
  });

  test('killing an instance during a stream of creates loses no accepted opinion and stores none twice', async () => {
    const run = `kill ${randomUUID()}`;
    const opinions = Array.from({ length: 150 }, (_, index) => ({ comment: `${run} #${index}`, willReturn: true, submissionId: randomUUID() }));
    let accepted = 0;
    let retries = 0;
    const victim = instance(1);
    // As the app's outbox sends, through the opinion function: the same opinion (same submission
    // id) again until it is stored; 137 says an earlier attempt already stored it.
    const deliver = async (opinion: (typeof opinions)[number]) => {
      for (;;) {
        const answer = await call(cluster.serverURL, 'POST', SUBMIT_PATH, { body: opinion, visitor: visitorAddress() }).catch(() => null);
        if (answer?.status === 200 || answer?.body.code === 137) {
          accepted += 1;
          if (accepted === 40) victim.child.process.kill('SIGKILL');
          return;
        }
        retries += 1;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const queue = [...opinions];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await deliver(next);
      }),
    );
    expect(victim.child.process.signalCode).toBe('SIGKILL');
    const where = encodeURIComponent(JSON.stringify({ comment: { $regex: `^${run} ` } }));
    const rest = masterRestClient(cluster.serverURL, cluster.config.appId, cluster.config.masterKey);
    const stored = await rest.request<{ results: { submissionId: string }[] }>('GET', `/classes/${CLASS.opinions}?where=${where}&keys=submissionId&limit=1000`);
    const ids = stored.results.map(({ submissionId }) => submissionId);
    expect(ids).toHaveLength(opinions.length);
    expect(new Set(ids)).toEqual(new Set(opinions.map(({ submissionId }) => submissionId)));
    console.log(`kill test: ${opinions.length} opinions stored once each, ${retries} attempts retried`);
  }, 90_000);
});
