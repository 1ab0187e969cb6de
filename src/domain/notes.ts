/**
 * Staff's internal notes on an opinion. Pure TypeScript: the note form validates with these
 * rules and Cloud Code (server/cloud/notes.ts) enforces the very same ones.
 */

export interface Note {
  readonly id: string;
  readonly opinionId: string;
  readonly text: string;
  /** The author's user id: only they may edit or delete the note. */
  readonly authorId: string;
  /** The author's username when they wrote it, shown beside the note. */
  readonly authorName: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export const NOTE_MAX = 2000;

export type NoteProblem = 'missing' | 'long';

/** The text as stored (trimmed), or what is wrong with it. */
export function validateNoteText(text: unknown): { ok: true; value: string } | { ok: false; problem: NoteProblem } {
  const value = typeof text === 'string' ? text.trim() : '';
  if (value === '') return { ok: false, problem: 'missing' };
  if (value.length > NOTE_MAX) return { ok: false, problem: 'long' };
  return { ok: true, value };
}
