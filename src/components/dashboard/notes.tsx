import { useId, useState } from 'react';
import { NOTE_MAX, type Note } from '../../domain/notes';
import { t } from '../../i18n/i18n';
import { Field } from '../ui/field';
import { OpinionTime } from './opinion-time';

/** A note's text field and its buttons: writing a new note, or editing one. */
function NoteForm({
  label,
  submitLabel,
  initial = '',
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  label: string;
  submitLabel: string;
  initial?: string;
  pending: boolean;
  error?: string;
  onSubmit: (text: string) => void;
  onCancel?: () => void;
}) {
  const id = useId();
  const [text, setText] = useState(initial);
  return (
    <form
      className="note-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) onSubmit(text.trim());
      }}
    >
      <Field id={id} label={label} error={error}>
        {(control) => (
          <textarea {...control} className="input note-form__text" rows={3} maxLength={NOTE_MAX} value={text} onChange={(event) => setText(event.target.value)} />
        )}
      </Field>
      <span className="note-form__actions">
        <button type="submit" className="button button--small" disabled={pending || text.trim() === ''}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary button--small" disabled={pending} onClick={onCancel}>
            {t('notes.cancel')}
          </button>
        ) : null}
      </span>
    </form>
  );
}

/** An opinion's notes, oldest first; their author alone edits or deletes each. */
export function NoteList({
  notes,
  userId,
  now,
  pending,
  onEdit,
  onDelete,
}: {
  notes: readonly Note[];
  userId: string;
  now: Date;
  pending: boolean;
  onEdit: (id: string, text: string, done: () => void) => void;
  onDelete: (id: string) => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  if (notes.length === 0) return <p className="muted">{t('notes.none')}</p>;
  return (
    <ol className="note-list">
      {notes.map((note) => (
        <li key={note.id} className="note" data-note-id={note.id}>
          <p className="note__meta">
            <bdi className="note__author">{note.authorName}</bdi> <OpinionTime date={note.createdAt} now={now} />
            {note.updatedAt.getTime() - note.createdAt.getTime() > 1000 ? <span className="muted"> {t('notes.edited')}</span> : null}
          </p>
          {editing === note.id ? (
            <NoteForm
              label={t('notes.edit.label')}
              submitLabel={t('notes.save')}
              initial={note.text}
              pending={pending}
              onSubmit={(text) => onEdit(note.id, text, () => setEditing(null))}
              onCancel={() => setEditing(null)}
            />
          ) : (
            <p dir="auto" className="note__text">
              {note.text}
            </p>
          )}
          {note.authorId === userId && editing !== note.id ? (
            <span className="note__actions">
              <button type="button" className="link-button" data-note-edit="" disabled={pending} onClick={() => setEditing(note.id)}>
                {t('notes.edit')}
              </button>
              <button type="button" className="link-button" data-note-delete="" disabled={pending} onClick={() => onDelete(note.id)}>
                {t('notes.delete')}
              </button>
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** The form that adds a note; it starts empty again after each note (`key` changes). */
export function NewNoteForm({ pending, error, onAdd }: { pending: boolean; error?: string; onAdd: (text: string) => void }) {
  return <NoteForm label={t('notes.add.label')} submitLabel={t('notes.add')} pending={pending} error={error} onSubmit={onAdd} />;
}
