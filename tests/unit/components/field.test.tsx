import { render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { ChoiceGroup, Field } from '../../../src/components/ui/field';

describe('Field', () => {
  test('wires the label, then the hint, the error and the extra ids, in that order, to the control', () => {
    render(
      <Field
        id="comment"
        label="Your comment"
        hint="Say it all."
        error="Too long."
        describedBy={['comment-count']}
        after={<span id="comment-count">2 too many</span>}
      >
        {(control) => <textarea {...control} />}
      </Field>,
    );
    const control = screen.getByLabelText('Your comment');
    expect(control).toHaveAttribute('id', 'comment');
    expect(control).toHaveAttribute('aria-describedby', 'comment-hint comment-error comment-count');
    expect(control).toHaveAccessibleDescription('Say it all. Error: Too long. 2 too many');
    expect(control).toHaveAttribute('aria-invalid', 'true');
  });

  test('a control with nothing to describe it has no aria-describedby, and is not invalid', () => {
    render(<Field id="name" label="Your name">{(control) => <input {...control} />}</Field>);
    const control = screen.getByLabelText('Your name');
    expect(control).not.toHaveAttribute('aria-describedby');
    expect(control).not.toHaveAttribute('aria-invalid');
  });
});

describe('ChoiceGroup', () => {
  test('its hint and error describe the group, with the ids a Field would give them', () => {
    render(
      <ChoiceGroup id="willReturn" legend="Would you visit us again?" hint="Be honest." error="Choose one.">
        <input type="radio" aria-label="Yes" />
      </ChoiceGroup>,
    );
    const group = screen.getByRole('group', { name: 'Would you visit us again?' });
    expect(group).toHaveAttribute('aria-describedby', 'willReturn-hint willReturn-error');
    expect(group).toHaveAccessibleDescription('Be honest. Error: Choose one.');
  });
});
