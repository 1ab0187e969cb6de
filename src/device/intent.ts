/**
 * The first sign that someone is about to use the page: a tap, a key, focus on a control. Work
 * that only using the page needs (the Parse SDK behind a form's Send) starts then: a page that is
 * only looked at never pays for it, and one that is used has it long before a form is filled in.
 */
const INTENT_EVENTS = ['pointerdown', 'keydown', 'focusin'] as const;

/** Runs `callback` once, at the page's first tap, key or focus; returns what cancels it. */
export function onFirstIntent(callback: () => void): () => void {
  const stop = () => INTENT_EVENTS.forEach((type) => document.removeEventListener(type, run, true));
  function run() {
    stop();
    callback();
  }
  INTENT_EVENTS.forEach((type) => document.addEventListener(type, run, { capture: true, passive: true }));
  return stop;
}
