import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { RequireStaff } from '../app/guards';
import { paths } from '../app/paths';
import { ConfirmDialog } from '../components/dashboard/confirm-dialog';
import { OpinionTime } from '../components/dashboard/opinion-time';
import { Arrow } from '../components/dashboard/arrow';
import { LanguageBadge, ReviewBadge, WillReturnBadge } from '../components/dashboard/review-badge';
import { QueryState } from '../components/ui/query-state';
import '../components/dashboard/dashboard.css';
import { displayName } from '../domain/opinion';
import { errorText } from '../i18n/error-text';
import { t } from '../i18n/i18n';
import { useDeleteOpinions, useOpinion, useSetReviewed } from '../queries/opinions';

function useBackToList(): string {
  const state = useLocation().state as { from?: unknown } | null;
  return paths.dashboard(typeof state?.from === 'string' ? state.from : '');
}

function OpinionDetail({ id }: { id: string }) {
  const opinion = useOpinion(id);
  const setReviewed = useSetReviewed();
  const remove = useDeleteOpinions();
  const navigate = useNavigate();
  const back = useBackToList();
  const [confirming, setConfirming] = useState(false);

  if (opinion.error?.kind === 'not-found') {
    return (
      <>
        <title>{t('title.opinionNotFound', { app: t('app.name') })}</title>
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
              <title>{t('title.opinion', { name, app: t('app.name') })}</title>
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
