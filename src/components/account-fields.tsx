import type { InputHTMLAttributes, ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { PasswordChecklist } from './password-checklist';
import { Field } from './ui/field';

interface AccountFieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error: string | undefined;
  /** What the form's `register` returned for this field. */
  registration: UseFormRegisterReturn;
}

function InputField({
  registration,
  input,
  ...field
}: AccountFieldProps & {
  input: InputHTMLAttributes<HTMLInputElement>;
  after?: ReactNode;
  describedBy?: readonly string[];
}) {
  return <Field {...field}>{(control) => <input {...control} className="input" {...input} {...registration} />}</Field>;
}

/** Something typed exactly as it is, without capitals or spelling fixes: a username. */
export function UsernameField({
  autoComplete = 'username',
  ...field
}: AccountFieldProps & {
  /** 'off' where the username is typed to confirm, not to log in. */
  autoComplete?: 'username' | 'off';
}) {
  return <InputField {...field} input={{ type: 'text', autoComplete, autoCapitalize: 'none', spellCheck: false }} />;
}

export function EmailField(field: AccountFieldProps) {
  return <InputField {...field} input={{ type: 'email', autoComplete: 'email', spellCheck: false }} />;
}

/**
 * A password field. A new password shows the rule as a checklist under the field, ticked as the
 * user types (`checklistFor`: the password typed so far), which describes the field too.
 */
export function PasswordField({
  autoComplete,
  checklistFor,
  after,
  ...field
}: AccountFieldProps & {
  autoComplete: 'current-password' | 'new-password';
  checklistFor?: string;
  /** Shown under the field, e.g. a "Forgot password?" link. */
  after?: ReactNode;
}) {
  const rulesId = `${field.id}-rules`;
  const checklist = checklistFor === undefined ? undefined : <PasswordChecklist id={rulesId} password={checklistFor} />;
  return (
    <InputField
      {...field}
      input={{ type: 'password', autoComplete }}
      after={
        <>
          {checklist}
          {after}
        </>
      }
      describedBy={checklist ? [rulesId] : undefined}
    />
  );
}
