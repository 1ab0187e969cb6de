import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { RequireStaff } from '../app/guards';
import { paths } from '../app/paths';
import { ConfirmDialog } from '../components/dashboard/confirm-dialog';
import { OpinionTime } from '../components/dashboard/opinion-time';
import { LanguageBadge, ReviewBadge, WillReturnBadge } from '../components/dashboard/review-badge';
import { QueryState } from '../components/ui/query-state';
import '../components/dashboard/dashboard.css';
import { displayName } from '../domain/opinion';
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
        <title>Opinion not found · Visitor Opinions</title>
        <h1>This opinion does not exist</h1>
        <p>It may have been deleted.</p>
        <Link to={back}>Back to the list</Link>
      </>
    );
  }

  return (
    <div className="dashboard">
      <p>
        <Link to={back}>← Back to the list</Link>
      </p>
      <QueryState query={opinion} loadingLabel="Loading the opinion…">
        {(data) => {
          const name = displayName(data);
          return (
            <article className="opinion-detail" aria-labelledby="opinion-title">
              <title>{`Opinion from ${name} · Visitor Opinions`}</title>
              <h1 id="opinion-title">
                Opinion from <bdi>{name}</bdi>
              </h1>
              <p className="opinion-detail__meta">
                <OpinionTime date={data.createdAt} now={new Date(opinion.dataUpdatedAt)} />
              </p>
              <p className="opinion-detail__badges">
                <WillReturnBadge willReturn={data.willReturn} /> <ReviewBadge reviewed={data.reviewed} />{' '}
                <LanguageBadge language={data.language} />
              </p>
              <h2>Comment</h2>
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
                  {data.reviewed ? 'Mark not reviewed' : 'Mark reviewed'}
                </button>
                <button
                  type="button"
                  className="button button--danger"
                  onClick={() => {
                    remove.reset();
                    setConfirming(true);
                  }}
                >
                  Delete…
                </button>
              </div>
              <div role="status">{setReviewed.isSuccess ? `Marked ${data.reviewed ? 'reviewed' : 'not reviewed'}.` : ''}</div>
              {setReviewed.error ? (
                <p role="alert" className="notice notice--error">
                  {setReviewed.error.message}
                </p>
              ) : null}
              <ConfirmDialog
                open={confirming}
                title="Delete this opinion?"
                confirmLabel="Delete"
                pending={remove.isPending}
                error={remove.error?.message}
                onCancel={() => setConfirming(false)}
                onConfirm={() =>
                  remove.mutate([data.id], {
                    onSuccess: () => navigate(back, { replace: true, state: { deleted: 1 } }),
                  })
                }
              >
                <p>Deleted opinions are gone for good: they cannot be brought back.</p>
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
