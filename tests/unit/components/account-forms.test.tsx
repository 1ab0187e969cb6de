import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { LoginForm } from '../../../src/components/login-form';
import { NewPasswordForm } from '../../../src/components/new-password-form';
import { SignupForm } from '../../../src/components/signup-form';
import { appError } from '../../../src/domain/errors';

describe('a server error on an account form', () => {
  test('about a field goes on that field, which takes the focus', async () => {
    render(<SignupForm onSubmit={vi.fn()} pending={false} error={appError('email-taken')} />);
    const email = screen.getByLabelText('Email address');
    // react-hook-form moves the focus in a task of its own.
    await waitFor(() => expect(email).toHaveFocus());
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription(/An account already uses that email address/);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('about the whole form is said above it', () => {
    render(<SignupForm onSubmit={vi.fn()} pending={false} error={appError('offline')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('We could not reach the server.');
    expect(screen.getByLabelText('Email address')).not.toHaveAttribute('aria-invalid');
  });

  test('a form without the field an error is about says it above the form', () => {
    render(<LoginForm onSubmit={vi.fn()} pending={false} error={appError('weak-password')} forgotPassword={null} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Use at least 8 characters');
    expect(screen.getByLabelText('Password')).not.toHaveAttribute('aria-invalid');
  });

  test('a wrong current password goes on the current password', async () => {
    render(
      <NewPasswordForm
        label="Change"
        askCurrent
        submitLabel="Change"
        onSubmit={vi.fn()}
        pending={false}
        error={appError('wrong-current-password')}
      />,
    );
    await waitFor(() => expect(screen.getByLabelText('Current password')).toHaveFocus());
    expect(screen.getByLabelText('Current password')).toHaveAccessibleDescription(/Your current password is wrong\./);
  });
});

describe('the password fields', () => {
  test('a new password is described by its checklist; the current one is not', () => {
    render(<NewPasswordForm label="Change" askCurrent submitLabel="Change" onSubmit={vi.fn()} pending={false} error={null} />);
    expect(screen.getByLabelText('New password')).toHaveAttribute('aria-describedby', 'new-password-rules');
    expect(within(screen.getByRole('list', { name: 'Your password needs:' })).getAllByRole('listitem')).toHaveLength(4);
    expect(screen.getByLabelText('Current password')).not.toHaveAttribute('aria-describedby');
    expect(screen.getByLabelText('Current password')).toHaveAttribute('autocomplete', 'current-password');
    expect(screen.getByLabelText('Confirm your new password')).toHaveAttribute('autocomplete', 'new-password');
  });

  test('the button is disabled, with its pending label, while the request is on its way', () => {
    render(<LoginForm onSubmit={vi.fn()} pending error={null} forgotPassword={<a href="/reset-password">Forgot password?</a>} />);
    expect(screen.getByRole('button', { name: 'Logging in…' })).toBeDisabled();
    expect(screen.getByRole('link', { name: 'Forgot password?' })).toBeInTheDocument();
  });
});
