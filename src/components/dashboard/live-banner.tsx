/** "3 new opinions — Show": the list does not move until the reader asks for it. */
export function LiveBanner({ count, onShow }: { count: number; onShow: () => void }) {
  return (
    <div role="status" className="live-banner-region">
      {count > 0 ? (
        <p className="live-banner">
          <span>
            {count === 1 ? '1 new opinion' : `${count.toLocaleString('en')} new opinions`} match these filters —{' '}
          </span>
          <button type="button" className="link-button" onClick={onShow}>
            show {count === 1 ? 'it' : 'them'}
          </button>
        </p>
      ) : null}
    </div>
  );
}
