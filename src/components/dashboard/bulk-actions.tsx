export function BulkActions({
  count,
  pending,
  onMark,
  onDelete,
  onClear,
}: {
  count: number;
  pending: boolean;
  onMark: (reviewed: boolean) => void;
  onDelete: () => void;
  onClear: () => void;
}) {
  if (count === 0) return null;
  return (
    <div className="bulk-actions" role="group" aria-label="With the selected opinions">
      <p className="bulk-actions__count">{count === 1 ? '1 selected' : `${count} selected`}</p>
      <button type="button" className="button button--small" disabled={pending} onClick={() => onMark(true)}>
        Mark reviewed
      </button>
      <button type="button" className="button button--secondary button--small" disabled={pending} onClick={() => onMark(false)}>
        Mark not reviewed
      </button>
      <button type="button" className="button button--danger button--small" disabled={pending} onClick={onDelete}>
        Delete…
      </button>
      <button type="button" className="link-button" disabled={pending} onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
