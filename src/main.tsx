import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app/app';
import { loadDraft, saveDraft } from './device/drafts';
import './app/styles.css';

/** The app's own `/` (inside the base it is served from): the one page prerendered at build time. */
function isPrerenderedPath(pathname: string): boolean {
  const base = import.meta.env.BASE_URL;
  return pathname === base || pathname === base.replace(/\/$/, '');
}

function valueOf(id: string): string {
  const field = document.getElementById(id);
  return field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement ? field.value : '';
}

function isChecked(id: string): boolean {
  const field = document.getElementById(id);
  return field instanceof HTMLInputElement && field.checked;
}

/**
 * The prerendered form can be typed into before this script arrives. The form takes its first
 * values from the stored draft (and writes them into its fields), so what is typed goes into
 * the draft first: nothing typed is lost, and focus and caret stay where they are.
 */
function keepWhatWasTyped(): void {
  const typed = {
    name: valueOf('name'),
    comment: valueOf('comment'),
    willReturn: isChecked('willReturn-yes') ? true : isChecked('willReturn-no') ? false : null,
  };
  if (!typed.name && !typed.comment && typed.willReturn === null) return;
  const draft = loadDraft();
  saveDraft({
    ...draft,
    name: typed.name || draft.name,
    comment: typed.comment || draft.comment,
    willReturn: typed.willReturn ?? draft.willReturn,
  });
}

const container = document.getElementById('root');
if (container) {
  const app = (
    <StrictMode>
      <App />
    </StrictMode>
  );
  if (container.firstElementChild && isPrerenderedPath(window.location.pathname)) {
    keepWhatWasTyped();
    hydrateRoot(container, app);
  } else {
    // Another page than the prerendered one (a host that serves index.html for every path).
    container.replaceChildren();
    createRoot(container).render(app);
  }
}
