import { useId, useState } from 'react';
import { TAG_LIMITS, normalizeTag } from '../../domain/tags';
import { t } from '../../i18n/i18n';
import { onEnterKey } from '../ui/enter-key';

/** An opinion's tags, as a list (on a dashboard row). */
export function TagList({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label={t('tags.label')}>
      {tags.map((tag) => (
        <li key={tag} className="tag" dir="auto">
          {tag}
        </li>
      ))}
    </ul>
  );
}

/** The tags in use, offered by every tag field that names this list's id. */
export function TagSuggestions({ id, tags }: { id: string; tags: readonly string[] }) {
  return (
    <datalist id={id}>
      {tags.map((tag) => (
        <option key={tag} value={tag} />
      ))}
    </datalist>
  );
}

/**
 * A tag field with its button: free text, the tags in use suggested (a datalist, which browsers
 * and screen readers offer as the field's own list). `onFocus` lets the page ask for them.
 */
export function TagAdder({
  label,
  buttonLabel,
  suggestionsId,
  pending,
  onFocus,
  onAdd,
}: {
  label: string;
  buttonLabel: string;
  suggestionsId: string;
  pending: boolean;
  onFocus: () => void;
  onAdd: (tag: string) => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const add = () => {
    const tag = normalizeTag(text);
    if (!tag) return;
    onAdd(tag);
    setText('');
  };
  return (
    <div className="tag-adder">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <span className="tag-adder__row">
        <input
          id={id}
          data-tag-input=""
          className="input"
          list={suggestionsId}
          value={text}
          maxLength={TAG_LIMITS.length}
          autoComplete="off"
          onFocus={onFocus}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onEnterKey(add)}
        />
        <button type="button" className="button button--small" data-tag-add="" disabled={pending || normalizeTag(text) === ''} onClick={add}>
          {buttonLabel}
        </button>
      </span>
    </div>
  );
}

/** One opinion's tags, each removable, and a field to add more (the opinion page). */
export function TagEditor({
  tags,
  suggestionsId,
  pending,
  onFocus,
  onChange,
}: {
  tags: readonly string[];
  suggestionsId: string;
  pending: boolean;
  onFocus: () => void;
  onChange: (tags: readonly string[]) => void;
}) {
  return (
    <div className="tag-editor">
      {tags.length === 0 ? (
        <p className="muted">{t('tags.none')}</p>
      ) : (
        <ul className="tag-list" aria-label={t('tags.label')}>
          {tags.map((tag) => (
            <li key={tag} className="tag" dir="auto">
              {tag}
              <button
                type="button"
                className="tag__remove"
                disabled={pending}
                aria-label={t('tags.remove', { tag })}
                onClick={() => onChange(tags.filter((other) => other !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {tags.length < TAG_LIMITS.perOpinion ? (
        <TagAdder
          label={t('tags.add.label')}
          buttonLabel={t('tags.add')}
          suggestionsId={suggestionsId}
          pending={pending}
          onFocus={onFocus}
          onAdd={(tag) => onChange([...tags, tag])}
        />
      ) : null}
    </div>
  );
}
