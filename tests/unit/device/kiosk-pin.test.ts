import { describe, expect, test } from 'vitest';
import { hashPin, isPinHash, PIN_ITERATIONS, pinMatches } from '../../../src/device/kiosk-pin';

// Fewer iterations than the app's: the same code, in a fraction of the time.
const ITERATIONS = 1_000;

describe('the exit PIN, hashed with PBKDF2', () => {
  test('the right PIN matches, any other does not', async () => {
    const stored = await hashPin('2468', ITERATIONS);
    expect(await pinMatches('2468', stored)).toBe(true);
    for (const wrong of ['2469', '246', '24680', '']) expect(await pinMatches(wrong, stored)).toBe(false);
  });

  test('never stored in plain text, and salted: the same PIN hashes differently each time', async () => {
    const first = await hashPin('2468', ITERATIONS);
    const second = await hashPin('2468', ITERATIONS);
    expect(JSON.stringify(first)).not.toContain('2468');
    expect(first.salt).not.toBe(second.salt);
    expect(first.hash).not.toBe(second.hash);
    expect(atob(first.salt)).toHaveLength(16);
    expect(atob(first.hash)).toHaveLength(32);
    expect(first).toMatchObject({ algorithm: 'PBKDF2-SHA-256', iterations: ITERATIONS });
  });

  test('the iterations are kept with the hash, so that a later default still checks older PINs', async () => {
    const stored = await hashPin('13579', 2_000);
    expect(await pinMatches('13579', { ...stored })).toBe(true);
    expect(await pinMatches('13579', { ...stored, iterations: ITERATIONS })).toBe(false);
    expect(PIN_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });

  test('what is read back from the device is a hash only when it has every part', async () => {
    expect(isPinHash(await hashPin('1234', ITERATIONS))).toBe(true);
    for (const stored of [null, '1234', { algorithm: 'PBKDF2-SHA-256', iterations: 0, salt: 'a', hash: 'b' }, { algorithm: 'plain', iterations: 1, salt: 'a', hash: 'b' }]) {
      expect(isPinHash(stored)).toBe(false);
    }
  });
});
