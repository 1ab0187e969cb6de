import { describe, expect, test } from 'vitest';
import { hasTypedText, takesNewVersion, type UpdateState } from '../../../src/device/service-worker';

describe('takesNewVersion: a new version at the next reset or page, never while someone is typing', () => {
  const at = (state: Partial<UpdateState>) =>
    takesNewVersion({ version: 'waiting', moment: 'reset', kiosk: true, typed: false, ...state });

  test('the kiosk takes a waiting version at its reset', () => {
    expect(at({})).toBe(true);
  });

  test('a phone takes it when it moves to another page', () => {
    expect(at({ kiosk: false, moment: 'navigation' })).toBe(true);
  });

  test('each at its own moment only: a kiosk has no other pages, a phone no reset', () => {
    expect(at({ moment: 'navigation' })).toBe(false);
    expect(at({ kiosk: false, moment: 'reset' })).toBe(false);
  });

  test('never while a field holds text', () => {
    expect(at({ typed: true })).toBe(false);
    expect(at({ kiosk: false, moment: 'navigation', typed: true })).toBe(false);
    expect(at({ version: 'taken', typed: true })).toBe(false);
  });

  test('nothing to take, nothing done', () => {
    expect(at({ version: 'none' })).toBe(false);
  });

  test('a version another tab took is reloaded into at the next moment', () => {
    expect(at({ version: 'taken' })).toBe(true);
    expect(at({ version: 'taken', kiosk: false, moment: 'navigation' })).toBe(true);
  });
});

describe('hasTypedText', () => {
  const form = (html: string) => {
    const root = document.createElement('form');
    root.innerHTML = html;
    return root;
  };

  test('an empty form, checked choices and hidden values hold no text', () => {
    expect(
      hasTypedText(
        form('<input type="text"><textarea></textarea><input type="radio" value="yes" checked><input type="hidden" value="id">'),
      ),
    ).toBe(false);
  });

  test('text in an input or a textarea', () => {
    const withComment = form('<input type="text"><textarea></textarea>');
    withComment.querySelector('textarea')!.value = 'Lovely';
    expect(hasTypedText(withComment)).toBe(true);
    const withName = form('<input type="text"><input type="email">');
    withName.querySelector('input')!.value = 'Ana';
    expect(hasTypedText(withName)).toBe(true);
  });
});
