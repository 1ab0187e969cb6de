/**
 * Work that follows a visitor's save without the visitor waiting for it (the alert check, the
 * dashboards' live signal), coalesced per server process: one run at a time, and at most one
 * run per `gapMs`, each taking every item that arrived meanwhile. Idle, an item runs at once;
 * under a burst of creates the runs stay few instead of competing with the creates for the
 * database (bench:load, decision 0034). A failed run is logged; the next goes on.
 */
export function inBackground<T>(name: string, gapMs: number, run: (items: readonly T[]) => Promise<unknown>): (item: T) => void {
  let waiting: T[] = [];
  let running = false;
  const drain = async () => {
    while (waiting.length > 0) {
      const items = waiting;
      waiting = [];
      const started = Date.now();
      await run(items).catch((error: unknown) => {
        console.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      });
      const rest = gapMs - (Date.now() - started);
      if (waiting.length > 0 && rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
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
