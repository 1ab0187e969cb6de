import { describe, expect, test, vi } from 'vitest';
import { onFirstIntent } from '../../../src/device/intent';

describe('onFirstIntent', () => {
  test.each([
    ['a tap', () => document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }))],
    ['a key', () => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }))],
    ['focus on a control', () => document.body.appendChild(document.createElement('input')).focus()],
  ])('runs once, at %s, and not again', (_, act) => {
    const callback = vi.fn();
    onFirstIntent(callback);
    expect(callback).not.toHaveBeenCalled();
    act();
    act();
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(callback).toHaveBeenCalledTimes(1);
    document.body.innerHTML = '';
  });

  test('cancelled, it never runs', () => {
    const callback = vi.fn();
    onFirstIntent(callback)();
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(callback).not.toHaveBeenCalled();
  });
});
