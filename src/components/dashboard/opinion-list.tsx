import { useDeferredValue, useState } from 'react';
import { Link } from 'react-router-dom';
import { displayName, type Opinion } from '../../domain/opinion';
import { t } from '../../i18n/i18n';
import { OpinionTime } from './opinion-time';
import { LanguageBadge, ReviewBadge, WillReturnBadge } from './review-badge';
import { TagList } from './tags';

/** Comments longer than this are clamped to a few lines, with a button to read them whole. */
const CLAMP_FROM = 180;

const NO_CARDS: readonly Opinion[] = [];

function Comment({ id, text }: { id: string; text: string }) {
  const [whole, setWhole] = useState(false);
  const long = text.length > CLAMP_FROM || text.split('\n').length > 3;
  const textId = `comment-${id}`;
  return (
    <div className="opinion-card__comment-box">
      {/* dir="auto" and an isolate: right-to-left text stays inside its own box. */}
      <p id={textId} dir="auto" className={long && !whole ? 'opinion-card__comment opinion-card__comment--clamped' : 'opinion-card__comment'}>
        {text}
      </p>
      {long ? (
        <button type="button" className="link-button" aria-expanded={whole} aria-controls={textId} onClick={() => setWhole(!whole)}>
          {whole ? t('comment.less') : t('comment.more')}
        </button>
      ) : null}
    </div>
  );
}

export function OpinionList({
  opinions,
  now,
  selected,
  onSelect,
  onSelectPage,
  detailHref,
  onSetReviewed,
  busyIds,
  linkState,
}: {
  opinions: readonly Opinion[];
  now: Date;
  selected: ReadonlySet<string>;
  onSelect: (id: string, selected: boolean) => void;
  onSelectPage: (selected: boolean) => void;
  detailHref: (id: string) => string;
  onSetReviewed: (id: string, reviewed: boolean) => void;
  busyIds: ReadonlySet<string>;
  /** Router state handed to the detail page, e.g. where to go back to. */
  linkState?: unknown;
}) {
  const allSelected = opinions.length > 0 && opinions.every((opinion) => selected.has(opinion.id));
  // The cards render in the background, in slices between which the page stays responsive: a
  // page of cards rendered with the rest of the dashboard is one long task on a phone.
  const cards = useDeferredValue(opinions, NO_CARDS);
  return (
    <>
      <label className="choice select-page">
        <input type="checkbox" checked={allSelected} onChange={(event) => onSelectPage(event.target.checked)} />
        {t('list.selectPage', { count: opinions.length })}
      </label>
      <ul className="opinion-list" aria-label={t('list.label')}>
        {cards.map((opinion) => {
          const name = displayName(opinion, t('opinion.anonymous'));
          const busy = busyIds.has(opinion.id);
          return (
            <li key={opinion.id} className={opinion.reviewed ? 'opinion-card opinion-card--reviewed' : 'opinion-card'}>
              <article aria-labelledby={`name-${opinion.id}`}>
                <div className="opinion-card__head">
                  <input
                    type="checkbox"
                    className="opinion-card__select"
                    checked={selected.has(opinion.id)}
                    onChange={(event) => onSelect(opinion.id, event.target.checked)}
                    aria-label={t('list.select', { name })}
                  />
                  <h3 id={`name-${opinion.id}`} className="opinion-card__name">
                    <bdi>{name}</bdi>
                  </h3>
                  <OpinionTime date={opinion.createdAt} now={now} />
                </div>
                <Comment id={opinion.id} text={opinion.comment} />
                <div className="opinion-card__foot">
                  <WillReturnBadge willReturn={opinion.willReturn} />
                  <ReviewBadge reviewed={opinion.reviewed} />
                  <LanguageBadge language={opinion.language} />
                  <TagList tags={opinion.tags} />
                  <span className="opinion-card__actions">
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      disabled={busy}
                      onClick={() => onSetReviewed(opinion.id, !opinion.reviewed)}
                      aria-label={opinion.reviewed ? t('list.markNewFrom', { name }) : t('list.markReviewedFrom', { name })}
                    >
                      {opinion.reviewed ? t('mark.new') : t('mark.reviewed')}
                    </button>
                    <Link
                      to={detailHref(opinion.id)}
                      state={linkState}
                      className="button button--secondary button--small"
                      aria-label={t('list.openFrom', { name })}
                    >
                      {t('list.open')}
                    </Link>
                  </span>
                </div>
              </article>
            </li>
          );
        })}
      </ul>
    </>
  );
}
