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
    await vi.runAllTimersAsync();
    // Idle again: the next item runs at once.
    add(5);
    expect(runs.map(({ items }) => items)).toEqual([[1], [2, 3, 4], [5]]);
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
});
