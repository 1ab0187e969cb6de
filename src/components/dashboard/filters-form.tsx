import { useEffect, useId, useState } from 'react';
import {
  dayOfBound,
  PAGE_SIZES,
  SEARCH_MAX,
  type OpinionListParams,
  type OpinionSort,
  type PageSize,
  type LanguageFilter,
  type ReviewedFilter,
  type WillReturnFilter,
  timeOfBound,
} from '../../domain/dashboard';
import { LANGUAGE_CODES, LANGUAGES } from '../../domain/languages';
import { normalizeTag, TAG_LIMITS } from '../../domain/tags';
import { clockLabel, numberLabel } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { onEnterKey } from '../ui/enter-key';

/** How long typing pauses before the search runs. */
export const SEARCH_DEBOUNCE_MS = 350;

/** A text filter that applies what was typed once typing pauses (or on Enter). */
function TextFilter({
  label,
  value,
  maxLength,
  className,
  list,
  onFocus,
  onCommit,
}: {
  label: string;
  value: string;
  maxLength: number;
  className: string;
  /** The id of a datalist of suggestions. */
  list?: string;
  onFocus?: () => void;
  onCommit: (text: string) => void;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  // The URL changed from elsewhere (back button, reset): show what it says.
  if (value !== shown) {
    setShown(value);
    setText(value);
  }
  useEffect(() => {
    if (text.trim() === value.trim()) return;
    const timer = setTimeout(() => onCommit(text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onCommit]);
  return (
    <div className={className}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        className="input"
        value={text}
        maxLength={maxLength}
        list={list}
        autoComplete="off"
        onFocus={onFocus}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onEnterKey(() => onCommit(text))}
      />
    </div>
  );
}

function Select<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  /** Value, text, and the language the text is in when it is not the page's. */
  options: readonly (readonly [T, string, string?])[];
  onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <div className="filter">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="select" value={value} onChange={(event) => onChange(event.target.value as T)}>
        {options.map(([option, text, lang]) => (
          <option key={option} value={option} lang={lang}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A From or To day. A bound of the URL may hold a minute too (an alert's window): it is said
 * with the day, and picking a day replaces it with the whole day.
 */
function DateField({
  label,
  edge,
  value,
  min,
  max,
  onChange,
  onFocus,
}: {
  label: string;
  edge: 'from' | 'to';
  value: string;
  min?: string;
  max?: string;
  onChange: (day: string) => void;
  onFocus: () => void;
}) {
  const id = useId();
  const time = timeOfBound(value);
  return (
    <div className="filter">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {/* Above the day, as every field's hint (ui/field.tsx): the row's fields stay aligned on their inputs. */}
      {time ? (
        <span id={`${id}-time`} className="field__hint">
          {t(edge === 'from' ? 'filters.fromTime' : 'filters.toTime', { time: clockLabel(time.hour, time.minute) })}
        </span>
      ) : null}
      <input
        id={id}
        type="date"
        className="input"
        value={dayOfBound(value)}
        min={min && dayOfBound(min)}
        max={max && dayOfBound(max)}
        aria-describedby={time ? `${id}-time` : undefined}
        onChange={(event) => onChange(event.target.value)}
        onFocus={onFocus}
      />
    </div>
  );
}

/** The dashboard's filters and sort; every change goes to the URL through `onChange`. */
export function FiltersForm({
  params,
  onChange,
  onReset,
  canReset,
  tagSuggestionsId,
  onTagFocus,
  onDateFocus,
}: {
  params: OpinionListParams;
  onChange: (changes: Partial<OpinionListParams>) => void;
  onReset: () => void;
  canReset: boolean;
  /** The datalist of the tags in use, which the page renders and fills once a tag field has focus. */
  tagSuggestionsId: string;
  onTagFocus: () => void;
  /** A From or To field took focus: the days are the venue's, whose zone the page then asks for. */
  onDateFocus: () => void;
}) {
  return (
    <form role="search" aria-label={t('filters.label')} className="filters" onSubmit={(event) => event.preventDefault()}>
      <TextFilter
        label={t('filters.search')}
        className="filter filter--search"
        value={params.q}
        maxLength={SEARCH_MAX}
        onCommit={(q) => onChange({ q })}
      />
      <TextFilter
        label={t('filters.tag')}
        className="filter filter--tag"
        value={params.tag}
        maxLength={TAG_LIMITS.length}
        list={tagSuggestionsId}
        onFocus={onTagFocus}
        onCommit={(tag) => onChange({ tag: normalizeTag(tag) })}
      />
      <Select<WillReturnFilter>
        label={t('filters.willReturn')}
        value={params.willReturn}
        options={[
          ['any', t('filters.willReturn.any')],
          ['yes', t('filters.willReturn.yes')],
          ['no', t('filters.willReturn.no')],
        ]}
        onChange={(willReturn) => onChange({ willReturn })}
      />
      <Select<ReviewedFilter>
        label={t('filters.status')}
        value={params.reviewed}
        options={[
          ['any', t('filters.status.any')],
          ['new', t('filters.status.new')],
          ['reviewed', t('filters.status.reviewed')],
        ]}
        onChange={(reviewed) => onChange({ reviewed })}
      />
      <Select<LanguageFilter>
        label={t('filters.language')}
        value={params.language}
        options={[['any', t('filters.language.any')], ...LANGUAGE_CODES.map((code) => [code, LANGUAGES[code].name, code] as const)]}
        onChange={(language) => onChange({ language })}
      />
      <DateField
        label={t('filters.from')}
        edge="from"
        value={params.from}
        max={params.to || undefined}
        onChange={(from) => onChange({ from })}
        onFocus={onDateFocus}
      />
      <DateField label={t('filters.to')} edge="to" value={params.to} min={params.from || undefined} onChange={(to) => onChange({ to })} onFocus={onDateFocus} />
      <Select<OpinionSort>
        label={t('filters.sort')}
        value={params.sort}
        options={[
          ['newest', t('filters.sort.newest')],
          ['oldest', t('filters.sort.oldest')],
          ['name', t('filters.sort.name')],
        ]}
        onChange={(sort) => onChange({ sort })}
      />
      <Select<`${PageSize}`>
        label={t('filters.pageSize')}
        value={`${params.pageSize}`}
        options={PAGE_SIZES.map((size) => [`${size}`, numberLabel(size)] as const)}
        onChange={(size) => onChange({ pageSize: Number(size) as PageSize })}
      />
      {canReset ? (
        <div className="filter filter--reset">
          <button type="button" className="button button--secondary" onClick={onReset}>
            {t('filters.reset')}
          </button>
        </div>
      ) : null}
    </form>
  );
}
