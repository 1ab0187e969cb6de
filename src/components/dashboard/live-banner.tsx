import { t } from '../../i18n/i18n';

/** "3 new opinions — Show": the list does not move until the reader asks for it. */
export function LiveBanner({ count, onShow }: { count: number; onShow: () => void }) {
  return (
    <div role="status" className="live-banner-region">
      {count > 0 ? (
        <p className="live-banner">
          <span>{t('live.new', { count })} </span>
          <button type="button" className="link-button" onClick={onShow}>
            {t('live.show', { count })}
          </button>
        </p>
      ) : null}
    </div>
  );
}
