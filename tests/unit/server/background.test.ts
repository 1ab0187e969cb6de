import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { inBackground } from '../../../server/cloud/background.ts';

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
