/** Every drain under way, in any of this process's background jobs. */
const draining = new Set<Promise<void>>();

/**
 * Work that follows a visitor's save without the visitor waiting for it (the alert check, the
 * dashboards' live signal), coalesced per server process: one run at a time, runs at least
 * `gapMs` apart, each taking every item that arrived meanwhile. After a quiet spell an item runs
 * at once; under a stream of creates the runs stay few instead of competing with the creates for
 * the database (bench:load, decision 0034). A failed run is logged; the next goes on.
 */
export function inBackground<T>(name: string, gapMs: number, run: (items: readonly T[]) => Promise<unknown>): (item: T) => void {
  let waiting: T[] = [];
  let running = false;
  let lastStarted = -Infinity;
  const drain = async () => {
    while (waiting.length > 0) {
      const rest = gapMs - (Date.now() - lastStarted);
      if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
      const items = waiting;
      waiting = [];
      lastStarted = Date.now();
      try {
        await run(items);
      } catch (error) {
        console.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    running = false;
  };
  return (item) => {
    waiting.push(item);
    if (running) return;
    running = true;
    const drained = drain();
    draining.add(drained);
    void drained.finally(() => draining.delete(drained));
  };
}

/**
 * Resolves once the work already handed to the background jobs is done (the items waiting for
 * their gap included): a stopping server awaits it after it has stopped taking requests and
 * before it closes its database, so that no alert check is cut off halfway.
 */
export async function backgroundSettled(): Promise<void> {
  while (draining.size > 0) await Promise.all(draining);
}

/** How long a stopping server gives its background work (a stalled mail server must not hold it up). */
export const SETTLE_GRACE_MS = 10_000;

/** backgroundSettled(), within SETTLE_GRACE_MS: past it, says what it cut off, and the stop goes on. */
export async function settleBackground(): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), SETTLE_GRACE_MS)));
  const outcome = await Promise.race([backgroundSettled(), late]);
  clearTimeout(timer);
  if (outcome === 'late') console.error(`Background work still running after ${SETTLE_GRACE_MS / 1000} s was cut off by the stop.`);
}
