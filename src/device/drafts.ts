/**
 * What a visitor is typing, kept on the device as they type, so that a reload or a closed
 * tab loses nothing. Web Storage is synchronous, so the draft is there on the first render.
 *
 * Two tabs of one device (a QR code scanned twice) may each be typing. Each tab keeps its own
 * draft in its sessionStorage, which its reloads find (also a phone's reload of a tab it put
 * away); the device keeps the draft typed last in localStorage, which a new tab starts from
 * (also after the tab was closed). A tab never erases what another tab typed: it forgets only
 * what it has sent (see clearSentDraft). docs/decisions/0002-two-tabs-one-draft.md.
 */
import type { OpinionDraft } from '../domain/opinion';

const KEY = 'visitor-opinions:draft';

export interface StoredDraft extends OpinionDraft {
  /**
   * Given once per draft. An opinion is sent under this id bound to its content
   * (submission-id.ts): every retry of it arrives once, and tabs that share the draft but send
   * different words send different opinions.
   */
  submissionId: string;
}

export function newSubmissionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only in secure contexts; a venue's tablet on plain http still needs ids.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function emptyDraft(): StoredDraft {
  return { name: '', comment: '', willReturn: null, submissionId: newSubmissionId() };
}

function isStoredDraft(value: unknown): value is StoredDraft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Record<string, unknown>;
  return (
    typeof draft.name === 'string' &&
    typeof draft.comment === 'string' &&
    (draft.willReturn === null || typeof draft.willReturn === 'boolean') &&
    typeof draft.submissionId === 'string'
  );
}

type Place = 'sessionStorage' | 'localStorage';
/** This tab's draft first, then the device's. */
const PLACES: readonly Place[] = ['sessionStorage', 'localStorage'];

function read(place: Place): StoredDraft | undefined {
  try {
    const parsed: unknown = JSON.parse(window[place].getItem(KEY) ?? 'null');
    if (isStoredDraft(parsed)) return parsed;
  } catch {
    // A corrupt or unavailable store starts a fresh draft rather than breaking the form.
  }
  return undefined;
}

function write(place: Place, draft: StoredDraft): void {
  try {
    window[place].setItem(KEY, JSON.stringify(draft));
  } catch {
    // Private mode or a full store: the form still works, it just cannot survive a reload.
  }
}

function remove(place: Place): void {
  try {
    window[place].removeItem(KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
}

export function loadDraft(): StoredDraft {
  for (const place of PLACES) {
    const draft = read(place);
    if (draft) return draft;
  }
  return emptyDraft();
}

export function saveDraft(draft: StoredDraft): void {
  for (const place of PLACES) write(place, draft);
}

/**
 * A new draft for this tab, after it sent one. Only this tab's: until it is typed in, a new tab
 * still starts from the words another tab typed last.
 */
export function startDraft(): StoredDraft {
  const draft = emptyDraft();
  write('sessionStorage', draft);
  return draft;
}

/**
 * Forgets the stored drafts once the opinion they hold has been sent (or queued), and only
 * those (`isSent`, see draftHolds in submission-id.ts: not imported here, to keep it off the
 * first paint's code) or those with nothing typed: the device's draft may by now be what
 * another tab typed since, and those words stay, to be sent as an opinion of their own.
 */
export function clearSentDraft(isSent: (stored: StoredDraft) => boolean): void {
  for (const place of PLACES) {
    const stored = read(place);
    if (!stored) continue;
    if ((stored.name.trim() || stored.comment.trim()) && !isSent(stored)) continue;
    remove(place);
  }
}

/** Forgets every draft of this tab and of the device. */
export function clearDraft(): void {
  for (const place of PLACES) remove(place);
}
