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
    void drain();
  };
}
