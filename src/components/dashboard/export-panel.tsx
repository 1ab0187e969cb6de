import { useId } from 'react';

/** The export button and, while it runs, how far it has got. */
export function ExportPanel({
  total,
  pending,
  progress,
  error,
  done,
  onExport,
}: {
  total: number | undefined;
  pending: boolean;
  progress: { fetched: number; total: number } | null;
  error: string | undefined;
  done: number | undefined;
  onExport: () => void;
}) {
  const progressId = useId();
  return (
    <div className="export">
      <button type="button" className="button button--secondary" disabled={pending || total === 0} onClick={onExport}>
        {total === undefined ? 'Export CSV' : `Export ${total.toLocaleString('en')} as CSV`}
      </button>
      <div role="status" className="export__status">
        {pending && progress ? (
          <>
            <label htmlFor={progressId}>
              Exporting: {progress.fetched.toLocaleString('en')} of {progress.total.toLocaleString('en')}
            </label>{' '}
            <progress id={progressId} max={Math.max(progress.total, 1)} value={progress.fetched} />
          </>
        ) : null}
        {!pending && done !== undefined && !error ? <span>Exported {done.toLocaleString('en')} opinions.</span> : null}
      </div>
      {error ? (
        <p role="alert" className="field__error">
          The export failed: {error}
        </p>
      ) : null}
    </div>
  );
}
