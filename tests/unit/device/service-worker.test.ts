import { afterEach, describe, expect, test, vi } from 'vitest';
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

describe('atUpdateMoment and the takeover: the page reloads into the new version at its moment, never under someone using it', () => {
  /** The browser's side: a registration with a waiting version, and the container's takeover event. */
  function fakeBrowser() {
    const container = new EventTarget();
    const waiting = { postMessage: vi.fn() };
    Object.assign(container, { getRegistration: () => Promise.resolve({ waiting, update: () => Promise.resolve() }) });
    Object.defineProperty(navigator, 'serviceWorker', { configurable: true, value: container });
    const reload = vi.fn();
    vi.stubGlobal('location', { ...window.location, reload });
    return { waiting, reload, takeOver: () => container.dispatchEvent(new Event('controllerchange')) };
  }

  /** The module afresh, its listeners on this test's fake browser. */
  const freshModule = async () => {
    vi.resetModules();
    return import('../../../src/device/service-worker');
  };

  afterEach(() => {
    Reflect.deleteProperty(navigator, 'serviceWorker');
    vi.unstubAllGlobals();
  });

  test('a phone asks for the waiting version at its next page, and reloads when it takes over', async () => {
    const browser = fakeBrowser();
    const { atUpdateMoment } = await freshModule();
    await atUpdateMoment('navigation', { kiosk: false });
    expect(browser.waiting.postMessage).toHaveBeenCalledWith({ type: 'SKIP_WAITING' });
    expect(browser.reload).not.toHaveBeenCalled();
    browser.takeOver();
    expect(browser.reload).toHaveBeenCalledTimes(1);
  });

  test.each(['pointerdown', 'keydown', 'wheel'])('a %s between the ask and a late takeover: no reload then, but at the next moment', async (type) => {
    const browser = fakeBrowser();
    const { atUpdateMoment } = await freshModule();
    await atUpdateMoment('navigation', { kiosk: false });
    document.body.dispatchEvent(new Event(type, { bubbles: true }));
    browser.takeOver();
    expect(browser.reload).not.toHaveBeenCalled();
    await atUpdateMoment('navigation', { kiosk: false });
    expect(browser.reload).toHaveBeenCalledTimes(1);
  });

  test('a use of the page after the takeover changes nothing: the page had already reloaded', async () => {
    const browser = fakeBrowser();
    const { atUpdateMoment } = await freshModule();
    await atUpdateMoment('reset', { kiosk: true });
    browser.takeOver();
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(browser.reload).toHaveBeenCalledTimes(1);
  });
});
