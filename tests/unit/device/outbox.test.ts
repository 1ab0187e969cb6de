import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { backoffDelay, createOutbox, type OutboxEntry, type SendResult } from '../../../src/device/outbox';

const opinion = { name: 'Ana', comment: 'Lovely garden', willReturn: true };
let dbName: string;

beforeEach(() => {
  dbName = `outbox-test-${crypto.randomUUID()}`;
});

const open = () => createOutbox(createStore(dbName, 'outbox'));

describe('backoffDelay', () => {
  test('doubles from 5 seconds and stops at 5 minutes', () => {
    expect([1, 2, 3, 4].map(backoffDelay)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(backoffDelay(20)).toBe(300_000);
  });
});

describe('outbox', () => {
  test('keeps one entry per submission id', async () => {
    const outbox = open();
    await outbox.add('id-1', opinion, 1_000);
    await outbox.add('id-1', { ...opinion, comment: 'changed' }, 2_000);
    const entries = await outbox.list();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ submissionId: 'id-1', opinion, attempts: 1, nextAttemptAt: 6_000 });
  });

  test('survives a restart: a new outbox on the same database sees the entries', async () => {
    await open().add('id-1', opinion, 0);
    await open().add('id-2', opinion, 1);
    expect((await open().list()).map((entry) => entry.submissionId)).toEqual(['id-1', 'id-2']);
  });

  test('sends only what is due, unless asked to send everything', async () => {
    const outbox = open();
    await outbox.add('id-1', opinion, 0);
    const send = vi.fn(async (): Promise<SendResult> => 'sent');
    expect(await outbox.flush(send, { now: 1_000 })).toEqual({ sent: 0, waiting: 1, nextAttemptAt: 5_000 });
    expect(send).not.toHaveBeenCalled();
    expect(await outbox.flush(send, { now: 1_000, everything: true })).toEqual({ sent: 1, waiting: 0, nextAttemptAt: null });
    expect(await outbox.list()).toEqual([]);
  });

  test('a failed attempt waits twice as long as the one before', async () => {
    const outbox = open();
    await outbox.add('id-1', opinion, 0);
    const fail = async (): Promise<SendResult> => 'retry-later';
    await outbox.flush(fail, { now: 5_000 });
    expect((await outbox.list())[0]).toMatchObject({ attempts: 2, nextAttemptAt: 15_000 });
    await outbox.flush(fail, { now: 15_000 });
    expect((await outbox.list())[0]).toMatchObject({ attempts: 3, nextAttemptAt: 35_000 });
    // A thrown error counts as a failed attempt too, never as a loss.
    await outbox.flush(() => Promise.reject(new Error('boom')), { now: 35_000 });
    expect((await outbox.list())[0]).toMatchObject({ attempts: 4 });
  });

  test('an opinion the server refuses is kept, marked, and no longer retried', async () => {
    const outbox = open();
    await outbox.add('id-1', opinion, 0);
    const refuse = vi.fn(async (): Promise<SendResult> => ({ rejectedBecause: 'Comment is too long.' }));
    expect(await outbox.flush(refuse, { everything: true })).toMatchObject({ sent: 0, waiting: 0 });
    await outbox.flush(refuse, { everything: true });
    expect(refuse).toHaveBeenCalledTimes(1);
    expect((await outbox.list())[0]?.rejectedBecause).toBe('Comment is too long.');
  });

  test('what an app before the Cloud function recorded as forbidden, or as a sentence, is sent once more; other refusals are not', async () => {
    const store = createStore(dbName, 'outbox');
    const before = (submissionId: string, rejectedBecause: string): OutboxEntry => ({
      submissionId,
      opinion,
      queuedAt: 0,
      attempts: 1,
      nextAttemptAt: 5_000,
      rejectedBecause,
    });
    // As the app of before decision 0037 wrote them: no throughFunction.
    await set('forbidden', before('forbidden', 'forbidden'), store);
    await set('sentence', before('sentence', 'Permission denied for action create on class opinions.'), store);
    await set('invalid', before('invalid', 'validation'), store);
    const outbox = createOutbox(store);
    const refuseOnce = vi.fn(async ({ submissionId }: OutboxEntry): Promise<SendResult> => (submissionId === 'sentence' ? { rejectedBecause: 'forbidden' } : 'sent'));
    expect(await outbox.flush(refuseOnce, { now: 1_000, everything: true })).toEqual({ sent: 1, waiting: 0, nextAttemptAt: null });
    expect(refuseOnce.mock.calls.map(([entry]) => entry.submissionId).sort()).toEqual(['forbidden', 'sentence']);
    // Refused again, through the function this time: for good.
    await outbox.flush(refuseOnce, { now: 2_000, everything: true });
    expect(refuseOnce).toHaveBeenCalledTimes(2);
    expect((await outbox.list()).map(({ submissionId, rejectedBecause }) => [submissionId, rejectedBecause])).toEqual([
      ['invalid', 'validation'],
      ['sentence', 'forbidden'],
    ]);
  });

  test('two flushes at once send each entry once', async () => {
    const outbox = open();
    await outbox.add('id-1', opinion, 0);
    await outbox.add('id-2', opinion, 0);
    const sent: string[] = [];
    const send = async (entry: OutboxEntry): Promise<SendResult> => {
      sent.push(entry.submissionId);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return 'sent';
    };
    await Promise.all([outbox.flush(send, { everything: true }), outbox.flush(send, { everything: true })]);
    expect(sent).toEqual(['id-1', 'id-2']);
  });
});

describe('two tabs', () => {
  /** Web Locks as browsers give them: one holder of a name at a time, the rest in turn. */
  function installWebLocks() {
    const held = new Map<string, Promise<unknown>>();
    const locks = {
      request<T>(name: string, work: () => Promise<T>): Promise<T> {
        const turn = (held.get(name) ?? Promise.resolve()).then(work);
        held.set(name, turn.catch(() => undefined));
        return turn;
      },
    };
    Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
    return () => Reflect.deleteProperty(navigator, 'locks');
  }

  test('flushing from two tabs at once sends each opinion once, one sender at a time', async () => {
    const uninstall = installWebLocks();
    try {
      const [tabA, tabB] = [open(), open()];
      for (const id of ['id-1', 'id-2', 'id-3']) await tabA.add(id, opinion, 0);
      const sent: string[] = [];
      let sending = 0;
      let mostAtOnce = 0;
      const send = async (entry: OutboxEntry): Promise<SendResult> => {
        sending += 1;
        mostAtOnce = Math.max(mostAtOnce, sending);
        await new Promise((resolve) => setTimeout(resolve, 1));
        sent.push(entry.submissionId);
        sending -= 1;
        return 'sent';
      };
      const results = await Promise.all([tabA.flush(send, { everything: true }), tabB.flush(send, { everything: true })]);
      expect(sent.sort()).toEqual(['id-1', 'id-2', 'id-3']);
      expect(mostAtOnce).toBe(1);
      expect(results.map((result) => result.sent).sort()).toEqual([0, 3]);
    } finally {
      uninstall();
    }
  });
});
