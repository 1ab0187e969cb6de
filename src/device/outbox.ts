/**
 * Opinions that could not reach the server yet, kept in IndexedDB until the server confirms
 * them. Each entry is keyed by its submission id, so queueing the same opinion twice keeps
 * one entry and sending it twice stores one row.
 */
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import { isAppErrorKind } from '../domain/errors';
import type { SentOpinion } from '../domain/opinion';

export interface OutboxEntry {
  readonly submissionId: string;
  readonly opinion: SentOpinion;
  readonly queuedAt: number;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  /**
   * Set when the server refused the opinion itself: retrying would not help. The refusal's
   * kind (AppErrorKind), shown in the visitor's language; entries stored before it was a kind hold a sentence.
   */
  readonly rejectedBecause?: string;
  /**
   * Set on each entry this app writes. Opinions go through their Cloud function since decision
   * 0037, and the server refuses an older app's create on the class (119), which that app
   * recorded as a refusal of the opinion itself.
   */
  readonly throughFunction?: true;
}

/**
 * Refused for good: what an app of before decision 0037 recorded as `forbidden`, or as a
 * sentence (before refusals were kinds), may have been the class's refusal of any create, so it
 * is sent once more, through the function.
 */
export function isRejected(entry: OutboxEntry): boolean {
  if (entry.rejectedBecause === undefined) return false;
  return entry.throughFunction === true || (entry.rejectedBecause !== 'forbidden' && isAppErrorKind(entry.rejectedBecause));
}

export type SendResult = 'sent' | 'retry-later' | { rejectedBecause: string };

export interface FlushResult {
  readonly sent: number;
  readonly waiting: number;
  /** When the next entry is due, or null when none waits. */
  readonly nextAttemptAt: number | null;
}

const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 5 * 60_000;

/** 5 s, 10 s, 20 s… up to 5 minutes between attempts. */
export function backoffDelay(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

export interface FlushOptions {
  now?: number;
  everything?: boolean;
}

export interface Outbox {
  list(): Promise<OutboxEntry[]>;
  /** Queues an opinion whose first attempt just failed; its next attempt waits for the backoff. */
  add(submissionId: string, opinion: SentOpinion, now?: number): Promise<void>;
  remove(submissionId: string): Promise<void>;
  /**
   * Sends entries one at a time and reschedules those that failed. By default only those
   * that are due; `everything` when there is a reason to hope (app start, back online).
   */
  flush(send: (entry: OutboxEntry) => Promise<SendResult>, options?: FlushOptions): Promise<FlushResult>;
}

/** The Web Locks name every tab of the origin flushes under. */
export const FLUSH_LOCK = 'visitor-opinions:outbox-flush';

/**
 * Runs `work` while holding the device-wide flush lock: every tab shares the one IndexedDB
 * outbox, and two tabs sending it at once would send each entry twice (once too often for a
 * MongoDB server without the unique index on submissionId). Without Web Locks (old browsers),
 * one flush at a time in this tab is all there is.
 */
function acrossTabs<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? locks.request(FLUSH_LOCK, work) : work();
}

export function createOutbox(store: UseStore = createStore('visitor-opinions', 'outbox')): Outbox {
  let flushing: Promise<FlushResult> | undefined;

  async function list(): Promise<OutboxEntry[]> {
    const all = await entries<string, OutboxEntry>(store);
    return all.map(([, entry]) => entry).sort((a, b) => a.queuedAt - b.queuedAt);
  }

  async function flushOnce(
    send: (entry: OutboxEntry) => Promise<SendResult>,
    now: number,
    everything: boolean,
  ): Promise<FlushResult> {
    let sent = 0;
    for (const entry of await list()) {
      if (isRejected(entry) || (!everything && entry.nextAttemptAt > now)) continue;
      const result = await send(entry).catch((): SendResult => 'retry-later');
      if (result === 'sent') {
        await del(entry.submissionId, store);
        sent += 1;
      } else if (result === 'retry-later') {
        const attempts = entry.attempts + 1;
        const retry = { ...entry, rejectedBecause: undefined, attempts, nextAttemptAt: now + backoffDelay(attempts), throughFunction: true } as const;
        await set(entry.submissionId, retry, store);
      } else {
        await set(entry.submissionId, { ...entry, rejectedBecause: result.rejectedBecause, throughFunction: true }, store);
      }
    }
    const waiting = (await list()).filter((entry) => !isRejected(entry));
    return {
      sent,
      waiting: waiting.length,
      nextAttemptAt: waiting.length ? Math.min(...waiting.map((entry) => entry.nextAttemptAt)) : null,
    };
  }

  return {
    list,
    async add(submissionId, opinion, now = Date.now()) {
      const existing = (await list()).find((entry) => entry.submissionId === submissionId);
      if (existing) return;
      const entry: OutboxEntry = { submissionId, opinion, queuedAt: now, attempts: 1, nextAttemptAt: now + backoffDelay(1), throughFunction: true };
      await set(submissionId, entry, store);
    },
    remove: (submissionId) => del(submissionId, store),
    flush(send, { now = Date.now(), everything = false } = {}) {
      // One flush at a time in this tab (a second caller shares the running one), and one at a
      // time across tabs: the next one reads the outbox after the last one has emptied it.
      flushing ??= acrossTabs(() => flushOnce(send, now, everything)).finally(() => {
        flushing = undefined;
      });
      return flushing;
    },
  };
}

let deviceOutbox: Outbox | undefined;

/** This device's outbox, opened on first use. */
export function getOutbox(): Outbox {
  deviceOutbox ??= createOutbox();
  return deviceOutbox;
}
