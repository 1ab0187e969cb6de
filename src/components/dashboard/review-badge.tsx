export function ReviewBadge({ reviewed }: { reviewed: boolean }) {
  return <span className={reviewed ? 'badge badge--reviewed' : 'badge badge--new'}>{reviewed ? 'Reviewed' : 'New'}</span>;
}

export function WillReturnBadge({ willReturn }: { willReturn: boolean }) {
  return (
    <span className={willReturn ? 'badge badge--yes' : 'badge badge--no'}>
      {willReturn ? 'Will return' : 'Will not return'}
    </span>
  );
}
