import { useCallback, useEffect, useRef, useState } from 'react';
import { OpinionForm } from '../components/opinion-form';
import { clearDraft, clearSentDraft, saveDraft, startDraft, type StoredDraft } from '../device/drafts';
import type { OpinionDraft, ValidOpinion } from '../domain/opinion';
import { draftHolds, submissionIdFor } from '../domain/submission-id';
import { initialForm, prerenderedFormAdopted } from '../app/prerendered-form';
import { useSubmitOpinion, type SubmitOutcome } from '../queries/submit-opinion';
import { useOutboxStatus, useTakeBackRejected } from '../queries/outbox';

function waitingText(count: number): string {
  return count === 1
    ? '1 opinion is saved on this device and will be sent when the connection is back.'
    : `${count} opinions are saved on this device and will be sent when the connection is back.`;
}

function ThankYou({ outcome, waiting, onAnother }: { outcome: SubmitOutcome; waiting: number; onAnother: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="thanks-title">
      <h1 id="thanks-title" ref={heading} tabIndex={-1}>
        {outcome === 'sent' ? 'Thank you for your opinion' : 'Your opinion is saved on this device'}
      </h1>
      {outcome === 'sent' ? (
        <p>We have received it. The team reads every opinion.</p>
      ) : (
        <div className="notice notice--warning" role="status">
          <p>
            {outcome === 'rate-limited'
              ? 'Many opinions were sent from this device in a short time, so yours is kept safely here for a minute.'
              : 'We could not reach our server just now, so your opinion is kept safely on this device.'}{' '}
            It will be sent automatically, once, as soon as the server accepts it: you do not need to send it again.
          </p>
          {waiting > 0 ? <p>{waitingText(waiting)}</p> : null}
        </div>
      )}
      <button type="button" className="button" onClick={onAnother}>
        Leave another opinion
      </button>
    </section>
  );
}

export function FeedbackPage() {
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

  const waiting = outbox.data?.waiting ?? 0;
  const rejected = outbox.data?.rejected ?? [];

  if (outcome) {
    return (
      <>
        <title>Thank you · Visitor Opinions</title>
        <ThankYou outcome={outcome} waiting={waiting} onAnother={startAnother} />
      </>
    );
  }

  const error = submit.error;
  const fieldErrors = error?.kind === 'validation' ? error.fields : undefined;

  return (
    <>
      <title>Leave your opinion · Visitor Opinions</title>
      <h1>Tell us about your visit</h1>
      <p>It takes a minute. Your opinion goes to the venue's team only.</p>

      {waiting > 0 ? (
        <div className="notice notice--warning" role="status">
          <p>{waitingText(waiting)}</p>
        </div>
      ) : null}

      {rejected.map((entry) => (
        <div key={entry.submissionId} className="notice notice--error" role="alert">
          <p>An opinion saved on this device could not be sent: {entry.rejectedBecause}</p>
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
            Put it back in the form
          </button>
        </div>
      ))}

      {error && !fieldErrors ? (
        <div className="notice notice--error" role="alert">
          <p>{error.message}</p>
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
