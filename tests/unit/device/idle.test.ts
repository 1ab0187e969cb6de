import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { QUIET_MS, whenIdle } from '../../../src/device/idle';

/** The browser's PerformanceObserver, reduced to what whenIdle listens to: entries arriving. */
class FakeObserver {
  static supportedEntryTypes = ['longtask', 'resource'];
  static live = new Set<FakeObserver>();
  constructor(private readonly onEntries: () => void) {}
  observe() {
    FakeObserver.live.add(this);
  }
  disconnect() {
    FakeObserver.live.delete(this);
  }
  static activity() {
    for (const observer of FakeObserver.live) observer.onEntries();
  }
}

function setReadyState(state: DocumentReadyState) {
  Object.defineProperty(document, 'readyState', { configurable: true, get: () => state });
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('PerformanceObserver', FakeObserver);
  setReadyState('complete');
});

afterEach(() => {
  FakeObserver.live.clear();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  Reflect.deleteProperty(document, 'readyState');
});

describe('whenIdle', () => {
  test('runs once the loaded page has been quiet for QUIET_MS, not at its first idle moment', () => {
    const callback = vi.fn();
    whenIdle(callback);
    vi.advanceTimersByTime(QUIET_MS - 1);
    expect(callback).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10);
    expect(callback).toHaveBeenCalledTimes(1);
    expect(FakeObserver.live.size).toBe(0);
  });

  test('a long task or an arriving file starts the quiet period again', () => {
    const callback = vi.fn();
    whenIdle(callback);
    vi.advanceTimersByTime(QUIET_MS - 100);
    FakeObserver.activity();
    vi.advanceTimersByTime(QUIET_MS - 100);
    expect(callback).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  test('waits for the page to have loaded', () => {
    setReadyState('loading');
    const callback = vi.fn();
    whenIdle(callback);
    vi.advanceTimersByTime(QUIET_MS * 3);
    expect(callback).not.toHaveBeenCalled();
    window.dispatchEvent(new Event('load'));
    vi.advanceTimersByTime(QUIET_MS + 10);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  test('cancelled, it never runs and stops listening', () => {
    const callback = vi.fn();
    const cancel = whenIdle(callback);
    vi.advanceTimersByTime(QUIET_MS / 2);
    cancel();
    vi.advanceTimersByTime(QUIET_MS * 3);
    expect(callback).not.toHaveBeenCalled();
    expect(FakeObserver.live.size).toBe(0);
  });
});
