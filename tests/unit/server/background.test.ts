import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { backgroundSettled, inBackground, SETTLE_GRACE_MS, settleBackground } from '../../../server/cloud/background.ts';

/** A run that finishes when the test says so, recording what each run was given. */
function controlledRuns() {
  const runs: { items: readonly number[]; finish: (error?: Error) => void }[] = [];
  const run = (items: readonly number[]) =>
    new Promise<void>((resolve, reject) => {
      runs.push({ items, finish: (error) => (error ? reject(error) : resolve()) });
    });
  return { runs, run };
}

describe('inBackground', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  test('an item while idle runs at once; those that arrive during a run go together in the next, after the gap', async () => {
    const { runs, run } = controlledRuns();
    const add = inBackground('Test', 200, run);
    add(1);
    expect(runs.map(({ items }) => items)).toEqual([[1]]);
    add(2);
    add(3);
    add(4);
    expect(runs).toHaveLength(1);
    runs[0]?.finish();
    // The first run took no time: the next waits for the rest of the gap.
    await vi.advanceTimersByTimeAsync(199);
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs.map(({ items }) => items)).toEqual([[1], [2, 3, 4]]);
    runs[1]?.finish();
    await vi.advanceTimersByTimeAsync(0);
    // Idle, but within the gap of the last run's start: it waits for the rest of the gap.
    add(5);
    await vi.advanceTimersByTimeAsync(199);
    expect(runs).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs.map(({ items }) => items)).toEqual([[1], [2, 3, 4], [5]]);
    runs[2]?.finish();
    // After a quiet spell, the next item runs at once.
    await vi.advanceTimersByTimeAsync(1_000);
    add(6);
    expect(runs.map(({ items }) => items)).toEqual([[1], [2, 3, 4], [5], [6]]);
    runs[3]?.finish();
  });

  test('a failed run is logged, and the items after it still run', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { runs, run } = controlledRuns();
    const add = inBackground('The test job', 0, run);
    add(1);
    add(2);
    runs[0]?.finish(new Error('database gone'));
    await vi.runAllTimersAsync();
    expect(error).toHaveBeenCalledWith('The test job failed: database gone');
    expect(runs.map(({ items }) => items)).toEqual([[1], [2]]);
    runs[1]?.finish();
    error.mockRestore();
  });

  test('a run that throws before it returns a promise is logged too, and the work goes on', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const given: number[][] = [];
    const add = inBackground<number>('The throwing job', 0, (items) => {
      given.push([...items]);
      if (given.length === 1) throw new RangeError('too many');
      return Promise.resolve();
    });
    add(1);
    await vi.runAllTimersAsync();
    add(2);
    await vi.runAllTimersAsync();
    expect(error).toHaveBeenCalledWith('The throwing job failed: too many');
    expect(given).toEqual([[1], [2]]);
    error.mockRestore();
  });
});

describe('backgroundSettled', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  const settledYet = () => {
    let settled = false;
    void backgroundSettled().then(() => (settled = true));
    return () => settled;
  };

  test('resolves once the run under way and the items waiting for their gap have run', async () => {
    const { runs, run } = controlledRuns();
    const add = inBackground('Test', 200, run);
    add(1);
    add(2);
    const settled = settledYet();
    runs[0]?.finish();
    await vi.advanceTimersByTimeAsync(199);
    expect(settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs.map(({ items }) => items)).toEqual([[1], [2]]);
    expect(settled()).toBe(false);
    runs[1]?.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(settled()).toBe(true);
  });

  test('waits for every job, and at once when none has work', async () => {
    const first = controlledRuns();
    const second = controlledRuns();
    inBackground('First', 0, first.run)(1);
    inBackground('Second', 0, second.run)(1);
    const settled = settledYet();
    first.runs[0]?.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(settled()).toBe(false);
    second.runs[0]?.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(settled()).toBe(true);
    const idle = settledYet();
    await vi.advanceTimersByTimeAsync(0);
    expect(idle()).toBe(true);
  });
});

describe('settleBackground', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  test('a run that never ends holds a stop for SETTLE_GRACE_MS at most, and says so', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { runs, run } = controlledRuns();
    inBackground('Stuck', 0, run)(1);
    let settled = false;
    void settleBackground().then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(SETTLE_GRACE_MS - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    expect(error).toHaveBeenCalledWith('Background work still running after 10 s was cut off by the stop.');
    runs[0]?.finish();
    error.mockRestore();
  });
});
