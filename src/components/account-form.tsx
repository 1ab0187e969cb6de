import type { ReactNode } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import type { AppError } from '../domain/errors';
import { FormNotice } from './form-notice';
import { summaryOf, useServerErrors, type ErrorFields } from './form-errors';
import { ErrorSummary } from './ui/error-summary';

/**
 * An account form's state. On a failed submit the error summary takes the focus (it lists
 * every problem, and links to each field), not the first field in error.
 */
export function useAccountForm<V extends FieldValues>(defaultValues: DefaultValues<V>): UseFormReturn<V> {
  return useForm<V>({ defaultValues, shouldFocusError: false });
}

const WHOLE_FORM: ErrorFields<never> = {};

/**
 * What every account form has around its fields: the error summary, the server's refusal (on
 * its field, or above the form), and the submit button, disabled while the request is on its way.
 */
export function AccountForm<V extends FieldValues>({
  form,
  label,
  order,
  ids,
  error,
  errorFields = WHOLE_FORM,
  onSubmit,
  submitLabel,
  pendingLabel,
  pending,
  danger = false,
  children,
}: {
  form: UseFormReturn<V>;
  /** The form's accessible name. */
  label?: string;
  /** The fields, in the order the summary lists their errors. */
  order: readonly Path<V>[];
  /** The id of each field's control, where it is not the field's name. */
  ids?: Partial<Record<Path<V>, string>>;
  error: AppError | null;
  /** Which server errors belong on a field; the others are shown above the form. */
  errorFields?: ErrorFields<Path<V>>;
  onSubmit: (values: V) => void;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** The button of an action that cannot be undone. */
  danger?: boolean;
  children: ReactNode;
}) {
  const {
    handleSubmit,
    formState: { errors, submitCount },
  } = form;
  const formMessage = useServerErrors(form, error, errorFields);
  return (
    <form onSubmit={(event) => void handleSubmit(onSubmit)(event)} noValidate aria-label={label}>
      <ErrorSummary errors={summaryOf(errors, order, submitCount, ids)} focusKey={submitCount} />
      <FormNotice message={formMessage} />
      {children}
      <button type="submit" className={danger ? 'button button--danger' : 'button'} disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}
