/**
 * The visitor's form is in index.html (prerendered), and its code arrives after the shell's.
 * Until that code has hydrated the form, its fields are what the visitor sees and types into,
 * so the fields are the truth:
 * - when the shell starts, the stored draft goes into the fields the visitor has not touched;
 * - every change to them goes into the draft (a reload, a closed tab or a link followed before
 *   the form hydrates loses nothing);
 * - the form takes its values from the fields as it hydrates: it reads them and never writes
 *   them, since a write could undo a keystroke typed while it hydrates.
 * A click on "Send" before the form has hydrated is remembered, and the form sends (or shows
 * what is missing) as soon as it can.
 */
import { loadDraft, saveDraft, type StoredDraft } from '../device/drafts';
import type { OpinionDraft } from '../domain/opinion';
import { OPINION_FORM, SEND_REQUESTED_ATTRIBUTE } from '../components/opinion-form-markers';

let waiting = false;


function textField(id: string): HTMLInputElement | HTMLTextAreaElement | null {
  const field = document.getElementById(id);
  return field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement ? field : null;
}

function radio(id: string): HTMLInputElement | null {
  const field = document.getElementById(id);
  return field instanceof HTMLInputElement ? field : null;
}

function readFields(): OpinionDraft {
  return {
    name: textField('name')?.value ?? '',
    comment: textField('comment')?.value ?? '',
    willReturn: radio('willReturn-yes')?.checked ? true : radio('willReturn-no')?.checked ? false : null,
  };
}

/** The stored draft goes into every field still as the HTML had it (empty, nothing chosen). */
function fillUntouched(draft: OpinionDraft): void {
  const name = textField('name');
  const comment = textField('comment');
  if (name && !name.value) name.value = draft.name;
  if (comment && !comment.value) comment.value = draft.comment;
  const yes = radio('willReturn-yes');
  const no = radio('willReturn-no');
  if (yes && no && !yes.checked && !no.checked && draft.willReturn !== null) {
    (draft.willReturn ? yes : no).checked = true;
  }
}

function keepFields(): StoredDraft {
  const draft = { ...loadDraft(), ...readFields() };
  saveDraft(draft);
  return draft;
}

/**
 * Until the form has hydrated, and a moment after (until React makes it a submit button), its
 * button is a plain button: index.html's script marks a click on it as a request to send.
 * Before hydration prerenderedFormAdopted() carries it out; in that moment after, it is done here.
 */
function onClick(event: MouseEvent): void {
  const button = event.target instanceof Element ? event.target.closest(`${OPINION_FORM} button`) : null;
  if (!(button instanceof HTMLButtonElement) || button.type === 'submit') return;
  if (waiting) return;
  document.documentElement.removeAttribute(SEND_REQUESTED_ATTRIBUTE);
  button.form?.requestSubmit();
}

function isPrerenderedFormShown(): boolean {
  return textField('comment') !== null;
}

/** Called by main.tsx before it hydrates the prerendered `/`. */
export function expectPrerenderedForm(): void {
  if (!isPrerenderedFormShown()) {
    document.documentElement.removeAttribute(SEND_REQUESTED_ATTRIBUTE);
    return;
  }
  waiting = true;
  fillUntouched(loadDraft());
  keepFields();
  document.addEventListener('input', keepFields, true);
  document.addEventListener('click', onClick, true);
}

/** The form has hydrated: from now on it keeps the draft itself, and sends when asked to. */
export function prerenderedFormAdopted(): void {
  if (!waiting) return;
  waiting = false;
  document.removeEventListener('input', keepFields, true);
  if (document.documentElement.hasAttribute(SEND_REQUESTED_ATTRIBUTE)) {
    document.documentElement.removeAttribute(SEND_REQUESTED_ATTRIBUTE);
    // After the effects of this commit: the form's own have run and it handles the submit.
    window.setTimeout(() => document.querySelector<HTMLFormElement>(OPINION_FORM)?.requestSubmit());
  }
}

/**
 * Where the form starts. `inFields`: the draft is already in the prerendered fields, for the
 * form to read as it hydrates. Otherwise (no prerendered form, or it was left before it
 * hydrated) the form renders the stored draft itself.
 */
export function initialForm(): { draft: StoredDraft; inFields: boolean } {
  if (waiting && isPrerenderedFormShown()) return { draft: keepFields(), inFields: true };
  prerenderedFormAdopted();
  return { draft: loadDraft(), inFields: false };
}
