/**
 * How long the page must have been quiet (no long task, no file or answer arriving) before work
 * that nobody is waiting for may start. A first idle moment is not enough: while the page waits
 * for its data the main thread idles, and what started then (the Parse SDK's 78 kB and its
 * evaluation) would compete with that data on a phone's network and block the render that
 * follows it.
 */
export const QUIET_MS = 1_000;

const QUIET_SIGNALS = ['longtask', 'resource'] as const;

function observeActivity(onActivity: () => void): () => void {
  if (typeof PerformanceObserver !== 'function') return () => undefined;
  const supported = PerformanceObserver.supportedEntryTypes ?? [];
  const observers = QUIET_SIGNALS.filter((type) => supported.includes(type)).map((type) => {
    const observer = new PerformanceObserver(onActivity);
    observer.observe({ type });
    return observer;
  });
  return () => observers.forEach((observer) => observer.disconnect());
}

function onIdleCallback(callback: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(callback);
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(callback, 1);
  return () => window.clearTimeout(id);
}

/**
 * Runs `callback` once the page has loaded and been quiet for QUIET_MS, at the browser's next
 * idle moment; returns what cancels it.
 */
export function whenIdle(callback: () => void): () => void {
  let timer: number | undefined;
  let stopObserving = () => {};
  let cancelIdle = () => {};
  const quiet = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      stopObserving();
      cancelIdle = onIdleCallback(callback);
    }, QUIET_MS);
  };
  const start = () => {
    stopObserving = observeActivity(quiet);
    quiet();
  };
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
  return () => {
    window.removeEventListener('load', start);
    window.clearTimeout(timer);
    stopObserving();
    cancelIdle();
  };
}
