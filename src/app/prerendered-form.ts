/**
 * The prerendered form (index.html) can be typed into before the app's code arrives. The form
 * takes its first values from the stored draft (and writes them into its fields), so what was
 * typed goes into the draft at the form's first render, as it hydrates: nothing typed is lost,
 * and focus and caret stay where they are. Leaving the page before that (a reload, a closed
 * tab) keeps it in the draft too.
 */
import { loadDraft, saveDraft, type StoredDraft } from '../device/drafts';

let prerendered = false;

function valueOf(id: string): string {
  const field = document.getElementById(id);
  return field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement ? field.value : '';
}

function isChecked(id: string): boolean {
  const field = document.getElementById(id);
  return field instanceof HTMLInputElement && field.checked;
}

/** The stored draft, with what was typed into the prerendered form merged in (and stored). */
function mergeTyped(): StoredDraft {
  const draft = loadDraft();
  const typed = {
    name: valueOf('name'),
    comment: valueOf('comment'),
    willReturn: isChecked('willReturn-yes') ? true : isChecked('willReturn-no') ? false : null,
  };
  if (!typed.name && !typed.comment && typed.willReturn === null) return draft;
  const merged = {
    ...draft,
    name: typed.name || draft.name,
    comment: typed.comment || draft.comment,
    willReturn: typed.willReturn ?? draft.willReturn,
  };
  saveDraft(merged);
  return merged;
}

function keepOnLeave(): void {
  if (prerendered) mergeTyped();
}

/** Called by main.tsx when it hydrates the prerendered `/`. */
export function expectPrerenderedForm(): void {
  prerendered = true;
  window.addEventListener('pagehide', keepOnLeave);
}

/** The draft the form starts from: at its first render after main.tsx hydrated `/`, with what was typed. */
export function initialDraft(): StoredDraft {
  if (!prerendered) return loadDraft();
  prerendered = false;
  window.removeEventListener('pagehide', keepOnLeave);
  return mergeTyped();
}
