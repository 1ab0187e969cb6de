import { useId } from 'react';
import { t } from '../../i18n/i18n';

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
        {total === undefined ? t('export.button') : t('export.buttonCount', { count: total })}
      </button>
      <div role="status" className="export__status">
        {pending && progress ? (
          <>
            <label htmlFor={progressId}>{t('export.progress', { fetched: progress.fetched, total: progress.total })}</label>{' '}
            <progress id={progressId} max={Math.max(progress.total, 1)} value={progress.fetched} />
          </>
        ) : null}
        {!pending && done !== undefined && !error ? <span>{t('export.done', { count: done })}</span> : null}
      </div>
      {error ? (
        <p role="alert" className="field__error">
          {t('export.failed', { reason: error })}
        </p>
      ) : null}
    </div>
  );
}
