import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { OpinionForm } from '../components/opinion-form';
import { clearDraft, clearSentDraft, saveDraft, startDraft, type StoredDraft } from '../device/drafts';
import type { OpinionDraft, ValidOpinion } from '../domain/opinion';
import { draftHolds, submissionIdFor } from '../domain/submission-id';
import { initialForm, prerenderedFormAdopted } from '../app/prerendered-form';
import { useSubmitOpinion, type SubmitOutcome } from '../queries/submit-opinion';
import { useOutboxStatus, useTakeBackRejected } from '../queries/outbox';
import { OPINION_LIMITS, problemOfText, type OpinionFieldErrors } from '../domain/opinion';
import { errorText, refusalText } from '../i18n/error-text';
import { t } from '../i18n/i18n';
import { useSiteName } from '../queries/site-name';

const waitingText = (count: number) => t('feedback.waiting', { count });

/** The server's refusal of some fields, in the visitor's language: each field's problem by its code. */
function translatedFieldErrors(fields: Readonly<Record<string, string>>): OpinionFieldErrors {
  const translated: OpinionFieldErrors = {};
  for (const field of ['name', 'comment', 'willReturn'] as const) {
    const text = fields[field];
    if (text === undefined) continue;
    const problem = problemOfText(text);
    translated[field] = problem ? t(`problem.${problem}`, { max: field === 'name' ? OPINION_LIMITS.nameMax : OPINION_LIMITS.commentMax }) : errorText('validation');
  }
  return translated;
}

function ThankYou({ outcome, waiting, onAnother }: { outcome: SubmitOutcome; waiting: number; onAnother: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="thanks-title">
      <h1 id="thanks-title" ref={heading} tabIndex={-1}>
        {outcome === 'sent' ? t('thanks.sent.heading') : t('thanks.saved.heading')}
      </h1>
      {outcome === 'sent' ? (
        <p>{t('thanks.sent.body')}</p>
      ) : (
        <div className="notice notice--warning" role="status">
          <p>
            {outcome === 'rate-limited' ? t('thanks.saved.rateLimited') : t('thanks.saved.offline')} {t('thanks.saved.later')}
          </p>
          {waiting > 0 ? <p>{waitingText(waiting)}</p> : null}
        </div>
      )}
      <button type="button" className="button" onClick={onAnother}>
        {t('thanks.another')}
      </button>
    </section>
  );
}

export function FeedbackPage() {
  const site = useSiteName();
  // Hydrating `/`, the prerendered fields hold the draft and what was typed (see prerendered-form.ts).
  const [start, setStart] = useState(initialForm);
  const { draft } = start;
  const setDraft = (next: StoredDraft) => setStart({ draft: next, inFields: false });
  const [outcome, setOutcome] = useState<SubmitOutcome | null>(null);
  const submit = useSubmitOpinion();
  const outbox = useOutboxStatus();
  const takeBack = useTakeBackRejected();
  // A second click or Enter before React re-renders must not start a second submit.
  const submitting = useRef(false);

  useEffect(() => {
    if (start.inFields) prerenderedFormAdopted();
    // Once, after the form's own effects: from then on it reports its changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const keepDraft = useCallback(
    (values: OpinionDraft) => saveDraft({ ...values, submissionId: draft.submissionId }),
    [draft.submissionId],
  );

  const send = (opinion: ValidOpinion, { honeypot }: { honeypot: string }) => {
    if (submitting.current) return;
    if (honeypot) {
      // A bot filled the hidden field: thank it and store nothing.
      clearDraft();
      setOutcome('sent');
      return;
    }
    submitting.current = true;
    // Other tabs may hold this draft too: the id is bound to what this tab sends (see submission-id.ts).
    const submissionId = submissionIdFor(draft.submissionId, opinion);
    submit.mutate(
      { ...opinion, submissionId },
      {
        onSuccess: (result) => {
          clearSentDraft((stored) => draftHolds(stored.submissionId, stored, submissionId));
          setOutcome(result);
        },
        onSettled: () => {
          submitting.current = false;
        },
      },
    );
  };

  const startAnother = () => {
    setDraft(startDraft());
    setOutcome(null);
    submit.reset();
  };

  const error = submit.error;
  // Once per refusal: the form puts them on its fields whenever they change.
  const fieldErrors = useMemo(
    () => (error?.kind === 'validation' && error.fields ? translatedFieldErrors(error.fields) : undefined),
    [error],
  );

  const waiting = outbox.data?.waiting ?? 0;
  const rejected = outbox.data?.rejected ?? [];

  if (outcome) {
    return (
      <>
        <title>{t('title.thanks', { app: site })}</title>
        <ThankYou outcome={outcome} waiting={waiting} onAnother={startAnother} />
      </>
    );
  }


  return (
    <>
      <title>{t('title.form', { app: site })}</title>
      <h1>{t('feedback.heading')}</h1>
      <p>{t('feedback.intro')}</p>

      {waiting > 0 ? (
        <div className="notice notice--warning" role="status">
          <p>{waitingText(waiting)}</p>
        </div>
      ) : null}

      {rejected.map((entry) => (
        <div key={entry.submissionId} className="notice notice--error" role="alert">
          <p>{t('feedback.rejected', { reason: refusalText(entry.rejectedBecause ?? '') })}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              const restored: StoredDraft = { ...entry.opinion, submissionId: entry.submissionId };
              saveDraft(restored);
              setDraft(restored);
              takeBack.mutate(entry.submissionId);
            }}
          >
            {t('feedback.takeBack')}
          </button>
        </div>
      ))}

      {error && !fieldErrors ? (
        <div className="notice notice--error" role="alert">
          <p>{errorText(error)}</p>
        </div>
      ) : null}

      <OpinionForm
        key={draft.submissionId}
        defaultValues={draft}
        valuesInFields={start.inFields}
        onChange={keepDraft}
        onSubmit={send}
        pending={submit.isPending}
        serverErrors={fieldErrors}
      />
    </>
  );
}
