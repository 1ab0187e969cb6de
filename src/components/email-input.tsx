import type { UseFormRegisterReturn } from 'react-hook-form';
import type { ControlProps } from './ui/field';

/** The email address control of every account form: wired by its Field, registered by its form. */
export function EmailInput({ control, registration }: { control: ControlProps; registration: UseFormRegisterReturn }) {
  return <input {...control} className="input" type="email" autoComplete="email" spellCheck={false} {...registration} />;
}
