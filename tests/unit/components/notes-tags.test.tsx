import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { NoteList } from '../../../src/components/dashboard/notes';
import { TagEditor } from '../../../src/components/dashboard/tags';
import type { Note } from '../../../src/domain/notes';

const at = new Date('2026-01-02T10:00:00Z');
const note = (id: string, authorId: string, text: string): Note => ({
  id,
  opinionId: 'o1',
  text,
  authorId,
  authorName: authorId === 'me' ? 'staff' : 'colleague',
  createdAt: at,
  updatedAt: at,
});

test("the tag editor adds a tidied tag, removes one by its named button, and suggests from the page's list", async () => {
  const user = userEvent.setup();
  const onChange = vi.fn();
  const onFocus = vi.fn();
  render(<TagEditor tags={['queue']} suggestionsId="tags-in-use" pending={false} onFocus={onFocus} onChange={onChange} />);
  const field = screen.getByLabelText('Add a tag');
  expect(field).toHaveAttribute('list', 'tags-in-use');
  await user.type(field, '  Late  Bus {Enter}');
  expect(onFocus).toHaveBeenCalled();
  expect(onChange).toHaveBeenLastCalledWith(['queue', 'late bus']);
  expect(field).toHaveValue('');
  await user.click(screen.getByRole('button', { name: 'Remove the tag queue' }));
  expect(onChange).toHaveBeenLastCalledWith([]);
});

test('only its author is offered to edit or delete a note, and an edit sends the new text', async () => {
  const user = userEvent.setup();
  const onEdit = vi.fn();
  const onDelete = vi.fn();
  render(
    <NoteList
      notes={[note('n1', 'me', 'Mine'), note('n2', 'other', 'Theirs')]}
      userId="me"
      now={at}
      pending={false}
      onEdit={onEdit}
      onDelete={onDelete}
    />,
  );
  expect(screen.getAllByRole('button', { name: 'Edit' })).toHaveLength(1);
  expect(screen.getAllByRole('button', { name: 'Delete' })).toHaveLength(1);
  await user.click(screen.getByRole('button', { name: 'Delete' }));
  expect(onDelete).toHaveBeenCalledWith('n1');
  await user.click(screen.getByRole('button', { name: 'Edit' }));
  const field = screen.getByLabelText('Edit your note');
  await user.clear(field);
  await user.type(field, 'Mine, again');
  await user.click(screen.getByRole('button', { name: 'Save' }));
  expect(onEdit).toHaveBeenCalledWith('n1', 'Mine, again', expect.any(Function));
});
