import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, test, vi } from 'vitest';
import { OpinionForm } from '../../../src/components/opinion-form';

const empty = { name: '', comment: '', willReturn: null };

function renderForm(props: Partial<Parameters<typeof OpinionForm>[0]> = {}) {
  const onSubmit = vi.fn();
  const onChange = vi.fn();
  render(<OpinionForm defaultValues={empty} onSubmit={onSubmit} onChange={onChange} pending={false} {...props} />);
  return { onSubmit, onChange, user: userEvent.setup() };
}

describe('OpinionForm', () => {
  test('an empty submit shows a focused summary linking to each field, and errors next to the fields', async () => {
    const { onSubmit, user } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Send my opinion' }));
    const summary = screen.getByRole('alert');
    await waitFor(() => expect(summary).toHaveFocus());
    expect(screen.getByRole('link', { name: 'Enter your comment.' })).toHaveAttribute('href', '#comment');
    expect(screen.getByRole('link', { name: 'Choose whether you would visit us again.' })).toHaveAttribute(
      'href',
      '#willReturn-yes',
    );
    expect(screen.getByLabelText('Your comment')).toHaveAccessibleDescription(/Error: Enter your comment\./);
    expect(screen.getByLabelText('Your comment')).toHaveAttribute('aria-invalid', 'true');
    expect(onSubmit).not.toHaveBeenCalled();

    await user.click(screen.getByRole('link', { name: 'Enter your comment.' }));
    expect(screen.getByLabelText('Your comment')).toHaveFocus();
  });

  test('after a failed submit, typing a fix keeps the focus in the field', async () => {
    const { user } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Send my opinion' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveFocus());
    await user.click(screen.getByLabelText('Your comment'));
    await user.type(screen.getByLabelText('Your comment'), 'Fixed');
    expect(screen.getByLabelText('Your comment')).toHaveFocus();
    expect(screen.getByLabelText('Your comment')).toHaveValue('Fixed');
    expect(screen.queryByRole('link', { name: 'Enter your comment.' })).toBeNull();
  });

  test('submits the trimmed opinion', async () => {
    const { onSubmit, user } = renderForm();
    await user.type(screen.getByLabelText('Your name (optional)'), '  Ana ');
    await user.type(screen.getByLabelText('Your comment'), '  Great cake  ');
    await user.click(screen.getByRole('radio', { name: 'No' }));
    await user.click(screen.getByRole('button', { name: 'Send my opinion' }));
    expect(onSubmit).toHaveBeenCalledWith({ name: 'Ana', comment: 'Great cake', willReturn: false }, { honeypot: '' });
  });

  test('reports every change so that the page can keep the draft', async () => {
    const { onChange, user } = renderForm();
    await user.type(screen.getByLabelText('Your comment'), 'Hi');
    await user.click(screen.getByRole('radio', { name: 'Yes' }));
    expect(onChange).toHaveBeenLastCalledWith({ name: '', comment: 'Hi', willReturn: true });
  });

  test('counts characters near the limit and refuses too many', async () => {
    const { onSubmit, user } = renderForm({ defaultValues: { name: '', comment: 'x'.repeat(1_799), willReturn: true } });
    expect(screen.queryByText(/characters? remaining/)).toBeNull();
    await user.type(screen.getByLabelText('Your comment'), 'x');
    expect(screen.getByText('You have 200 characters remaining')).toBeInTheDocument();
    await user.click(screen.getByLabelText('Your comment'));
    await user.paste('y'.repeat(201));
    expect(screen.getByText('You have 1 character too many')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send my opinion' }));
    expect(screen.getByRole('link', { name: 'Comment must be 2,000 characters or fewer.' })).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  test('shows the server’s field errors on their fields', () => {
    renderForm({ serverErrors: { comment: 'Comment contains characters we cannot store.' } });
    expect(screen.getByLabelText('Your comment')).toHaveAccessibleDescription(/Comment contains characters we cannot store\./);
  });

  test('the submit button is disabled while pending', () => {
    renderForm({ pending: true });
    expect(screen.getByRole('button', { name: 'Sending…' })).toBeDisabled();
  });

  test('the honeypot is hidden from assistive technology and reported on submit', async () => {
    const { onSubmit, user } = renderForm({ defaultValues: { name: '', comment: 'Spam', willReturn: true } });
    expect(screen.queryByRole('textbox', { name: 'Leave this field empty' })).toBeNull();
    await user.type(document.getElementById('website') as HTMLInputElement, 'http://spam.example');
    await user.click(screen.getByRole('button', { name: 'Send my opinion' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.anything(), { honeypot: 'http://spam.example' });
  });

  describe('hydrating the prerendered form (valuesInFields)', () => {
    /** The form's HTML as the build prerenders it, with these values typed into its fields. */
    function prerenderedWith(typed: { name: string; comment: string; willReturn: 'yes' | 'no' }) {
      const container = document.createElement('div');
      container.innerHTML = renderToString(<OpinionForm defaultValues={empty} onSubmit={() => undefined} pending={false} />);
      document.body.append(container);
      (container.querySelector('#name') as HTMLInputElement).value = typed.name;
      (container.querySelector('#comment') as HTMLTextAreaElement).value = typed.comment;
      (container.querySelector(`#willReturn-${typed.willReturn}`) as HTMLInputElement).checked = true;
      return container;
    }

    test('keeps what the fields hold, even when the draft it was given is older, and sends it', async () => {
      // The visitor emptied the name, typed on and chose No after this draft was read:
      // writing it into the fields would undo all three.
      const stale = { name: 'Noor', comment: 'Typed while', willReturn: null };
      const container = prerenderedWith({ name: '', comment: 'Typed while the code loaded', willReturn: 'no' });
      const onSubmit = vi.fn();
      const onChange = vi.fn();
      const errors: unknown[] = [];
      await act(async () => {
        hydrateRoot(
          container,
          <OpinionForm defaultValues={stale} valuesInFields onSubmit={onSubmit} onChange={onChange} pending={false} />,
          { onRecoverableError: (error) => errors.push(error) },
        );
      });
      expect(errors).toEqual([]);
      expect(screen.getByLabelText('Your comment')).toHaveValue('Typed while the code loaded');
      expect(screen.getByLabelText('Your name (optional)')).toHaveValue('');
      expect(screen.getByRole('radio', { name: 'No' })).toBeChecked();

      const user = userEvent.setup();
      await user.type(screen.getByLabelText('Your comment'), '!');
      expect(onChange).toHaveBeenLastCalledWith({ name: '', comment: 'Typed while the code loaded!', willReturn: false });
      await user.click(screen.getByRole('button', { name: 'Send my opinion' }));
      expect(onSubmit).toHaveBeenCalledWith(
        { name: '', comment: 'Typed while the code loaded!', willReturn: false },
        { honeypot: '' },
      );
      container.remove();
    });
  });
});
