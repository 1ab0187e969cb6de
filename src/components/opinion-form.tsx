import { useEffect } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import {
  commentProblem,
  nameProblem,
  OPINION_LIMITS,
  validateOpinion,
  willReturnProblem,
  type OpinionDraft,
  type OpinionFieldErrors,
  type OpinionProblem,
  type ValidOpinion,
} from '../domain/opinion';
import { t } from '../i18n/i18n';
import { useHydrated } from './ui/use-hydrated';
import { summaryOf } from './form-errors';
import { ErrorSummary } from './ui/error-summary';
import { ChoiceGroup, Field } from './ui/field';
import { OPINION_FORM_ATTRIBUTE } from './opinion-form-markers';

interface FormValues {
  name: string;
  comment: string;
  willReturn: 'yes' | 'no' | '';
  /** The honeypot: hidden from people and assistive technology, filled in by bots. */
  website: string;
}

const FIELD_IDS = { name: 'name', comment: 'comment', willReturn: 'willReturn-yes' } as const;
const FIELD_ORDER = ['name', 'comment', 'willReturn'] as const;

function toFormValues(draft: OpinionDraft): FormValues {
  return {
    name: draft.name,
    comment: draft.comment,
    willReturn: draft.willReturn === null ? '' : draft.willReturn ? 'yes' : 'no',
    website: '',
  };
}

/** The radios' value: '' in the defaults, null when read from fields with none chosen. */
function toWillReturn(value: FormValues['willReturn'] | null | undefined): boolean | null {
  return value === 'yes' ? true : value === 'no' ? false : null;
}

function toDraft(values: Partial<FormValues>): OpinionDraft {
  return { name: values.name ?? '', comment: values.comment ?? '', willReturn: toWillReturn(values.willReturn) };
}

/** A rule's problem in the visitor's language, as react-hook-form's `validate` wants it. */
function valid(problem: OpinionProblem | undefined): true | string {
  return problem ? t(`problem.${problem}`, { max: problem === 'name.long' ? OPINION_LIMITS.nameMax : OPINION_LIMITS.commentMax }) : true;
}

function CharacterCount({ length }: { length: number }) {
  if (length < OPINION_LIMITS.commentCounterFrom) return null;
  const left = OPINION_LIMITS.commentMax - length;
  const text = left >= 0 ? t('form.comment.left', { count: left }) : t('form.comment.over', { count: -left });
  return (
    <span id="comment-count" className={left < 0 ? 'counter counter--over' : 'counter'} aria-live="polite">
      {text}
    </span>
  );
}

/**
 * The visitor's opinion form. It validates with the shared rules and reports every change,
 * so that its page can keep the draft; it knows nothing of where the opinion goes.
 *
 * `valuesInFields`: it hydrates the prerendered form, whose fields already hold the draft and
 * whatever the visitor typed before this code arrived. It then reads its values from the
 * fields instead of writing `defaultValues` into them: a keystroke typed while it hydrates is
 * in the field, not in any value computed before.
 */
export function OpinionForm({
  defaultValues,
  valuesInFields = false,
  onSubmit,
  onChange,
  pending,
  serverErrors,
}: {
  defaultValues: OpinionDraft;
  valuesInFields?: boolean;
  onSubmit: (opinion: ValidOpinion, meta: { honeypot: string }) => void;
  onChange?: (draft: OpinionDraft) => void;
  pending: boolean;
  serverErrors?: OpinionFieldErrors;
}) {
  const {
    register,
    handleSubmit,
    control,
    setError,
    getValues,
    setValue,
    reset,
    subscribe,
    formState: { errors, submitCount },
  } = useForm<FormValues>({
    // Without default values, react-hook-form takes each field's value as it attaches to it.
    defaultValues: valuesInFields ? undefined : toFormValues(defaultValues),
    shouldFocusError: false,
  });

  useEffect(() => {
    // Attached: what the fields hold becomes the form's values and defaults, for its watchers too.
    if (valuesInFields) reset(getValues(), { keepFieldsRef: true });
    // Only on mount: `valuesInFields` describes the fields this form started with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!onChange) return;
    return subscribe({ formState: { values: true }, callback: ({ values }) => onChange(toDraft(values)) });
  }, [subscribe, onChange]);

  const willReturn = register('willReturn', { validate: (value) => valid(willReturnProblem(toWillReturn(value))) });
  // Attaching to the radios one at a time, react-hook-form reads the group from those it has
  // seen so far, and then writes that into the next: a choice made on the prerendered form
  // would be undone. The choice a radio holds as it attaches is kept.
  const keepChoiceRef = (radio: HTMLInputElement | null) => {
    const chosen = radio?.checked === true;
    willReturn.ref(radio);
    if (radio && chosen && !radio.checked) setValue('willReturn', radio.value as FormValues['willReturn']);
  };

  const hydrated = useHydrated();
  const comment = useWatch({ control, name: 'comment' });

  useEffect(() => {
    for (const field of FIELD_ORDER) {
      const message = serverErrors?.[field];
      if (message) setError(field, { type: 'server', message });
    }
  }, [serverErrors, setError]);

  const submit = handleSubmit((formValues) => {
    const result = validateOpinion(toDraft(formValues));
    if (result.ok) onSubmit(result.value, { honeypot: formValues.website });
  });

  // Hydrating, the comment is unknown until the fields are read: no counter, as prerendered.
  const commentLength = comment?.trim().length ?? 0;

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('form.label')} {...{ [OPINION_FORM_ATTRIBUTE]: '' }}>
      <ErrorSummary errors={summaryOf(errors, FIELD_ORDER, submitCount, FIELD_IDS)} focusKey={serverErrors ? `server-${submitCount}` : submitCount} />

      <Field id="name" label={t('form.name.label')} hint={t('form.name.hint')} error={errors.name?.message}>
        {(controlProps) => (
          <input
            {...controlProps}
            className="input"
            type="text"
            autoComplete="name"
            {...register('name', { validate: (value) => valid(nameProblem(value)) })}
          />
        )}
      </Field>

      <Field
        id="comment"
        label={t('form.comment.label')}
        hint={t('form.comment.hint')}
        error={errors.comment?.message}
        after={<CharacterCount length={commentLength} />}
        describedBy={commentLength >= OPINION_LIMITS.commentCounterFrom ? ['comment-count'] : undefined}
      >
        {(controlProps) => (
          <textarea
            {...controlProps}
            className="textarea"
            rows={6}
            {...register('comment', { validate: (value) => valid(commentProblem(value)) })}
          />
        )}
      </Field>

      <ChoiceGroup id="willReturn" legend={t('form.willReturn.legend')} error={errors.willReturn?.message}>
        {(['yes', 'no'] as const).map((choice) => (
          <label key={choice} className="choice" htmlFor={`willReturn-${choice}`}>
            <input
              id={`willReturn-${choice}`}
              type="radio"
              value={choice}
              {...willReturn}
              ref={keepChoiceRef}
            />
            {t(choice === 'yes' ? 'form.willReturn.yes' : 'form.willReturn.no')}
          </label>
        ))}
      </ChoiceGroup>

      <div className="honeypot" aria-hidden="true">
        <label htmlFor="website">{t('form.honeypot')}</label>
        <input id="website" type="text" tabIndex={-1} autoComplete="off" {...register('website')} />
      </div>

      {/* Before hydration a submit would be a full-page GET that drops what was typed: the
          button does nothing until the form can really send. */}
      <button type={hydrated ? 'submit' : 'button'} className="button" disabled={pending} aria-disabled={pending}>
        {pending ? t('form.sending') : t('form.send')}
      </button>
    </form>
  );
}
