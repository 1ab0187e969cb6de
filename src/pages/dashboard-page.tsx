import { memo, useCallback, useId, useMemo, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { RequireStaff } from '../app/guards';
import { paths } from '../app/paths';
import { BulkActions } from '../components/dashboard/bulk-actions';
import { ConfirmDialog } from '../components/dashboard/confirm-dialog';
import { ExportPanel } from '../components/dashboard/export-panel';
import { FiltersForm } from '../components/dashboard/filters-form';
import { LiveBanner } from '../components/dashboard/live-banner';
import { OpinionList } from '../components/dashboard/opinion-list';
import { Pagination } from '../components/dashboard/pagination';
import { StatsPanel, StatsPlaceholder } from '../components/dashboard/stats-panel';
import { TagSuggestions } from '../components/dashboard/tags';
import { QueryState } from '../components/ui/query-state';
import '../components/dashboard/dashboard.css';
import {
  DEFAULT_LIST_PARAMS,
  filtersOf,
  hasFilters,
  knownCount,
  pageCount,
  parseListParams,
  toSearchParams,
  type OpinionFilters,
  type OpinionListParams,
} from '../domain/dashboard';
import type { CsvColumnNames } from '../domain/opinion-csv';
import { errorText } from '../i18n/error-text';
import { t } from '../i18n/i18n';
import { useNewOpinions } from '../queries/live-opinions';
import { useExportOpinions } from '../queries/opinion-export';
import { useAllMatchesStats, useDashboardStats } from '../queries/opinion-stats';
import { useDeleteOpinions, useExactCount, useOpinionList, useSetReviewed } from '../queries/opinions';
import { usePrefetchDashboard } from '../queries/prefetch-dashboard';
import { useAddTag, useTagsInUse } from '../queries/tags';
import { useSiteName } from '../queries/site-name';
import { useAskForVenueSettings, useVenueSettingsOnceIdle } from '../queries/venue';

/** The CSV's header in the page's language (the page's language is fixed for its life). */
function csvColumnNames(): CsvColumnNames {
  return {
    id: t('csv.id'),
    created_at: t('csv.createdAt'),
    name: t('csv.name'),
    comment: t('csv.comment'),
    will_return: t('csv.willReturn'),
    reviewed: t('csv.reviewed'),
    language: t('csv.language'),
    tags: t('csv.tags'),
    notes: t('csv.notes'),
  };
}

/*
 * Each answer re-renders only the part that subscribes to it: React Query's updates render
 * synchronously (useSyncExternalStore), so the stats arriving must not render the list again
 * in the same blocking task, nor an export's progress the whole page.
 */
const DashboardStats = memo(function DashboardStats({ filters }: { filters: OpinionFilters }) {
  const stats = useDashboardStats(filters);
  // Past a search's bound, the stats of every match staff asked for replace those of its newest.
  const every = useAllMatchesStats(filters);
  return (
    <div className="dashboard__stats">
      <QueryState query={stats} pending={<StatsPlaceholder />}>
        {(data, stale) => (
          <StatsPanel
            stats={every.stats ?? data}
            updating={stats.isPlaceholderData || stale || every.counting}
            allMatches={{ counted: every.stats !== undefined, counting: every.counting, error: every.error ? errorText(every.error) : undefined, count: every.countAll }}
          />
        )}
      </QueryState>
    </div>
  );
});

const DashboardExport = memo(function DashboardExport({ filters, total }: { filters: OpinionFilters; total: number | undefined }) {
  const exporter = useExportOpinions(csvColumnNames());
  return (
    <ExportPanel
      total={total}
      pending={exporter.isPending}
      progress={exporter.progress}
      error={exporter.error ? errorText(exporter.error) : undefined}
      done={exporter.data}
      onExport={() => exporter.mutate(filters)}
    />
  );
});

/** A memo: the session's answer re-renders the page around it (usePrefetchDashboard), not it. */
const Dashboard = memo(function Dashboard({ timeZone }: { timeZone: string | undefined }) {
  const site = useSiteName();
  const [search, setSearch] = useSearchParams();
  const location = useLocation();
  const params = useMemo(() => ({ ...parseListParams(search), timeZone }), [search, timeZone]);
  const filters = useMemo(() => filtersOf(params), [params]);

  const update = useCallback(
    (changes: Partial<OpinionListParams>) => {
      // Any change but a page change starts again from the first page.
      const next = { ...params, ...changes, page: changes.page ?? 1 };
      setSearch(toSearchParams(next));
    },
    [params, setSearch],
  );
  const reset = () => setSearch(toSearchParams({ ...DEFAULT_LIST_PARAMS, sort: params.sort, pageSize: params.pageSize }));

  const list = useOpinionList(params);
  // Past the list's bound, the count staff asked for replaces "more than …".
  const exact = useExactCount(filters);
  const live = useNewOpinions(filters);
  const setReviewed = useSetReviewed();
  const remove = useDeleteOpinions();
  const addTag = useAddTag();
  // The tags in use are asked for once a tag field has focus: opening the dashboard costs nothing more.
  const tagSuggestionsId = useId();
  const [wantTags, setWantTags] = useState(false);
  const tagsInUse = useTagsInUse(wantTags);
  const askForTags = useCallback(() => setWantTags(true), []);
  // A date field with focus: the venue's zone is asked for now, so that the range finds it known.
  const askForZone = useAskForVenueSettings();

  // The selection belongs to one list: a new filter, sort or page starts with none.
  const listKey = search.toString();
  const [selection, setSelection] = useState<{ key: string; ids: ReadonlySet<string> }>({ key: listKey, ids: new Set() });
  const selected = selection.key === listKey ? selection.ids : new Set<string>();
  const select = (ids: Iterable<string>, on: boolean) => {
    const next = new Set(selected);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    setSelection({ key: listKey, ids: next });
  };
  const clearSelection = () => setSelection({ key: listKey, ids: new Set() });

  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const busyIds = new Set(setReviewed.isPending ? setReviewed.variables.ids : []);

  const mark = (ids: readonly string[], reviewed: boolean) => {
    setMessage('');
    setReviewed.mutate(
      { ids, reviewed },
      {
        onSuccess: () => {
          setMessage(t(reviewed ? 'dashboard.marked' : 'dashboard.markedNew', { count: ids.length }));
          if (ids.length > 1) clearSelection();
        },
      },
    );
  };
  const deleteSelected = () => {
    const ids = [...selected];
    remove.mutate(ids, {
      onSuccess: () => {
        setConfirming(false);
        clearSelection();
        setMessage(t('dashboard.deleted', { count: ids.length }));
      },
    });
  };
  const tagSelected = (tag: string) => {
    const ids = [...selected];
    setMessage('');
    addTag.mutate(
      { ids, tag },
      {
        onSuccess: () => {
          setMessage(t('dashboard.tagged', { count: ids.length, tag }));
          clearSelection();
        },
      },
    );
  };
  const showNew = () => {
    if (params.page !== 1) update({ page: 1 });
    void live.show();
  };

  const failedAction = setReviewed.error ?? addTag.error;
  const actionError = failedAction ? errorText(failedAction) : undefined;
  const counted = list.data?.total;
  const total = counted?.kind === 'exact' ? counted.count : exact.count;

  return (
    <div className="dashboard">
      <title>{t('title.dashboard', { app: site })}</title>
      <div className="dashboard__head">
        <h1>{t('dashboard.heading')}</h1>
        <Link to={paths.settings()}>{t('dashboard.settings')}</Link>
        <DashboardExport filters={filters} total={total} />
      </div>

      <DashboardStats filters={filters} />

      <FiltersForm
        params={params}
        onChange={update}
        onReset={reset}
        canReset={hasFilters(filters)}
        tagSuggestionsId={tagSuggestionsId}
        onTagFocus={askForTags}
        onDateFocus={askForZone}
      />
      <TagSuggestions id={tagSuggestionsId} tags={tagsInUse.data ?? []} />

      <LiveBanner count={live.count} onShow={showNew} />
      <div role="status" className="dashboard__message">
        {message}
      </div>
      {actionError ? (
        <p role="alert" className="notice notice--error">
          {actionError}
        </p>
      ) : null}

      <section aria-labelledby="list-title" aria-busy={list.isFetching}>
        <h2 id="list-title" className="visually-hidden">
          {t('dashboard.listTitle')}
        </h2>
        <QueryState query={list} loadingLabel={t('dashboard.loading')}>
          {(page) => {
            if (knownCount(page.total) === 0) {
              return (
                <div className="empty">
                  <p>{hasFilters(filters) ? t('dashboard.noMatch') : t('dashboard.empty')}</p>
                  {hasFilters(filters) ? (
                    <button type="button" className="button button--secondary" onClick={reset}>
                      {t('filters.reset')}
                    </button>
                  ) : null}
                </div>
              );
            }
            if (page.opinions.length === 0) {
              const last = pageCount(knownCount(page.total), params.pageSize);
              return (
                <div className="empty">
                  <p>{t('dashboard.pastEnd')}</p>
                  <button type="button" className="button button--secondary" onClick={() => update({ page: last })}>
                    {t('dashboard.lastPage')}
                  </button>
                </div>
              );
            }
            return (
              <>
                <BulkActions
                  count={selected.size}
                  pending={setReviewed.isPending || remove.isPending || addTag.isPending}
                  onMark={(reviewed) => mark([...selected], reviewed)}
                  onDelete={() => {
                    remove.reset();
                    setConfirming(true);
                  }}
                  onClear={clearSelection}
                  onTag={tagSelected}
                  tagSuggestionsId={tagSuggestionsId}
                  onTagFocus={askForTags}
                />
                <OpinionList
                  opinions={page.opinions}
                  now={new Date(list.dataUpdatedAt)}
                  selected={selected}
                  onSelect={(id, on) => select([id], on)}
                  onSelectPage={(on) => select(page.opinions.map((opinion) => opinion.id), on)}
                  detailHref={paths.opinion}
                  onSetReviewed={(id, reviewed) => mark([id], reviewed)}
                  busyIds={busyIds}
                  linkState={{ from: location.search }}
                />
                <Pagination
                  page={params.page}
                  pageSize={params.pageSize}
                  total={exact.count === undefined ? page.total : { kind: 'exact', count: exact.count }}
                  shown={page.opinions.length}
                  loading={list.isPlaceholderData}
                  counting={exact.counting}
                  onCountExactly={exact.countExactly}
                  onPage={(next) => update({ page: next })}
                />
              </>
            );
          }}
        </QueryState>
      </section>

      <ConfirmDialog
        open={confirming}
        title={t('dashboard.confirmDelete', { count: selected.size })}
        confirmLabel={t('remove.confirm')}
        pending={remove.isPending}
        error={remove.error ? errorText(remove.error) : undefined}
        onConfirm={deleteSelected}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('remove.body')}</p>
      </ConfirmDialog>
    </div>
  );
});

/**
 * The From/To days are the venue's (decision 0027): staff abroad get the rows staff at the venue
 * get. The settings are asked for once the page is idle, so that a range chosen later finds its
 * zone known; a range in the address asks at once and waits for it rather than show another
 * day's rows first.
 */
function DashboardInVenueZone() {
  const [search] = useSearchParams();
  const { from, to } = parseListParams(search);
  const ranged = Boolean(from || to);
  const settings = useVenueSettingsOnceIdle(ranged);
  // Without a range the zone is none of the list's business: its arrival changes nothing. One
  // place in the tree for the dashboard, ranged or not: a range chosen once the zone is known
  // keeps what the page holds (the date field's focus, a selection).
  if (!ranged || settings.data) return <Dashboard timeZone={ranged ? settings.data?.timeZone : undefined} />;
  return (
    <QueryState query={settings} loadingLabel={t('dashboard.loading')}>
      {() => null}
    </QueryState>
  );
}

export function DashboardPage() {
  const [search] = useSearchParams();
  const params = useMemo(() => parseListParams(search), [search]);
  usePrefetchDashboard(params);
  return (
    <RequireStaff>
      <DashboardInVenueZone />
    </RequireStaff>
  );
}
