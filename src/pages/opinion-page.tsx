import { useId, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { RequireStaff } from '../app/guards';
import { paths } from '../app/paths';
import { ConfirmDialog } from '../components/dashboard/confirm-dialog';
import { OpinionTime } from '../components/dashboard/opinion-time';
import { Arrow } from '../components/dashboard/arrow';
import { NewNoteForm, NoteList } from '../components/dashboard/notes';
import { LanguageBadge, ReviewBadge, WillReturnBadge } from '../components/dashboard/review-badge';
import { TagEditor, TagSuggestions } from '../components/dashboard/tags';
import { QueryState } from '../components/ui/query-state';
import '../components/dashboard/dashboard.css';
import { displayName } from '../domain/opinion';
import { errorText } from '../i18n/error-text';
import { t } from '../i18n/i18n';
import { useAddNote, useDeleteNote, useEditNote, useNotes } from '../queries/notes';
import { useDeleteOpinions, useOpinion, useSetReviewed } from '../queries/opinions';
import { useSession } from '../queries/session';
import { useSetTags, useTagsInUse } from '../queries/tags';
import { useSiteName } from '../queries/site-name';

/** The opinion's tags: staff's, read and written with the opinion. */
function OpinionTags({ id, tags }: { id: string; tags: readonly string[] }) {
  const suggestionsId = useId();
  const [wantSuggestions, setWantSuggestions] = useState(false);
  const inUse = useTagsInUse(wantSuggestions);
  const setTags = useSetTags();
  return (
    <section className="opinion-detail__tags" aria-labelledby="tags-title">
      <h2 id="tags-title">{t('tags.heading')}</h2>
      <TagEditor
        tags={tags}
        suggestionsId={suggestionsId}
        pending={setTags.isPending}
        onFocus={() => setWantSuggestions(true)}
        onChange={(next) => setTags.mutate({ id, tags: next })}
      />
      <TagSuggestions id={suggestionsId} tags={inUse.data ?? []} />
      {setTags.error ? (
        <p role="alert" className="notice notice--error">
          {errorText(setTags.error)}
        </p>
      ) : null}
    </section>
  );
}

/** Staff's internal notes on the opinion: anyone on the staff reads them, their author changes them. */
function OpinionNotes({ opinionId }: { opinionId: string }) {
  const notes = useNotes(opinionId);
  const session = useSession();
  const add = useAddNote(opinionId);
  const edit = useEditNote(opinionId);
  const remove = useDeleteNote(opinionId);
  // A new form after each note added: it starts empty again.
  const [added, setAdded] = useState(0);
  const changeError = edit.error ?? remove.error;
  return (
    <section className="opinion-detail__notes" aria-labelledby="notes-title" aria-describedby="notes-hint">
      <h2 id="notes-title">{t('notes.heading')}</h2>
      <p id="notes-hint" className="muted">
        {t('notes.hint')}
      </p>
      <QueryState query={notes} loadingLabel={t('notes.loading')}>
        {(data) => (
          <NoteList
            notes={data}
            userId={session.data?.id ?? ''}
            now={new Date(notes.dataUpdatedAt)}
            pending={edit.isPending || remove.isPending}
            onEdit={(id, text, done) => edit.mutate({ id, text }, { onSuccess: done })}
            onDelete={(id) => remove.mutate(id)}
          />
        )}
      </QueryState>
      {changeError ? (
        <p role="alert" className="notice notice--error">
          {errorText(changeError)}
        </p>
      ) : null}
      <NewNoteForm
        key={added}
        pending={add.isPending}
        error={add.error ? errorText(add.error) : undefined}
        onAdd={(text) => add.mutate(text, { onSuccess: () => setAdded(added + 1) })}
      />
    </section>
  );
}

function useBackToList(): string {
  const state = useLocation().state as { from?: unknown } | null;
  return paths.dashboard(typeof state?.from === 'string' ? state.from : '');
}

function OpinionDetail({ id }: { id: string }) {
  const site = useSiteName();
  const opinion = useOpinion(id);
  const setReviewed = useSetReviewed();
  const remove = useDeleteOpinions();
  const navigate = useNavigate();
  const back = useBackToList();
  const [confirming, setConfirming] = useState(false);

  if (opinion.error?.kind === 'not-found') {
    return (
      <>
        <title>{t('title.opinionNotFound', { app: site })}</title>
        <h1>{t('opinion.notFound.heading')}</h1>
        <p>{t('opinion.notFound.body')}</p>
        <Link to={back}>{t('opinion.back')}</Link>
      </>
    );
  }

  return (
    <div className="dashboard">
      <p>
        <Link to={back}>
          <Arrow to="previous" /> {t('opinion.back')}
        </Link>
      </p>
      <QueryState query={opinion} loadingLabel={t('opinion.loading')}>
        {(data) => {
          const name = displayName(data, t('opinion.anonymous'));
          return (
            <article className="opinion-detail" aria-labelledby="opinion-title">
              <title>{t('title.opinion', { name, app: site })}</title>
              <h1 id="opinion-title">
                {t('opinion.from')} <bdi>{name}</bdi>
              </h1>
              <p className="opinion-detail__meta">
                <OpinionTime date={data.createdAt} now={new Date(opinion.dataUpdatedAt)} />
              </p>
              <p className="opinion-detail__badges">
                <WillReturnBadge willReturn={data.willReturn} /> <ReviewBadge reviewed={data.reviewed} />{' '}
                <LanguageBadge language={data.language} />
              </p>
              <h2>{t('opinion.comment')}</h2>
              <p dir="auto" className="opinion-detail__comment">
                {data.comment}
              </p>
              <div className="opinion-detail__actions">
                <button
                  type="button"
                  className="button"
                  disabled={setReviewed.isPending}
                  onClick={() => setReviewed.mutate({ ids: [data.id], reviewed: !data.reviewed })}
                >
                  {data.reviewed ? t('mark.new') : t('mark.reviewed')}
                </button>
                <button
                  type="button"
                  className="button button--danger"
                  onClick={() => {
                    remove.reset();
                    setConfirming(true);
                  }}
                >
                  {t('remove.open')}
                </button>
              </div>
              <OpinionTags id={data.id} tags={data.tags} />
              <OpinionNotes opinionId={data.id} />
              <div role="status">{setReviewed.isSuccess ? t(data.reviewed ? 'opinion.marked' : 'opinion.markedNew') : ''}</div>
              {setReviewed.error ? (
                <p role="alert" className="notice notice--error">
                  {errorText(setReviewed.error)}
                </p>
              ) : null}
              <ConfirmDialog
                open={confirming}
                title={t('opinion.confirmDelete')}
                confirmLabel={t('remove.confirm')}
                pending={remove.isPending}
                error={remove.error ? errorText(remove.error) : undefined}
                onCancel={() => setConfirming(false)}
                onConfirm={() =>
                  remove.mutate([data.id], {
                    onSuccess: () => navigate(back, { replace: true, state: { deleted: 1 } }),
                  })
                }
              >
                <p>{t('remove.body')}</p>
              </ConfirmDialog>
            </article>
          );
        }}
      </QueryState>
    </div>
  );
}

export function OpinionPage() {
  const { id = '' } = useParams();
  return (
    <RequireStaff>
      <OpinionDetail key={id} id={id} />
    </RequireStaff>
  );
}
