/**
 * What a visitor is typing, kept on the device as they type, so that a reload or a closed
 * tab loses nothing. localStorage is synchronous, so the draft is there on the first render.
 */
import type { OpinionDraft } from '../domain/opinion';

const KEY = 'visitor-opinions:draft';

export interface StoredDraft extends OpinionDraft {
  /** Given once per draft: every retry of this opinion carries it, so it arrives once. */
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

export function loadDraft(): StoredDraft {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (isStoredDraft(parsed)) return parsed;
  } catch {
    // A corrupt or unavailable store starts a fresh draft rather than breaking the form.
  }
  return emptyDraft();
}

export function saveDraft(draft: StoredDraft): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Private mode or a full store: the form still works, it just cannot survive a reload.
  }
}

export function clearDraft(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
}
