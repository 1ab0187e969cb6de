import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { whenIdle } from '../device/idle';
import { filtersOf, type OpinionFilters } from '../domain/dashboard';
import { subscribeToNewOpinions } from '../parse/live-opinions';
import { opinionQueries } from './opinions';

/**
 * How many new opinions matching the filters arrived since the list was loaded, heard live.
 * The list itself is not touched, so that nothing moves under the reader's eyes.
 */
export function useNewOpinions(filters: OpinionFilters) {
  const queryClient = useQueryClient();
  const { willReturn, reviewed, language, from, to, q, tag } = filtersOf(filters);
  const key = JSON.stringify([willReturn, reviewed, language, from, to, q, tag]);
  const [heard, setHeard] = useState<{ key: string; ids: readonly string[] }>({ key, ids: [] });
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    // Once the page is idle: the SDK that LiveQuery needs is not needed to show the first page.
    const cancelStart = whenIdle(() => {
      subscribeToNewOpinions({ willReturn, reviewed, language, from, to, q, tag }, (id) =>
        setHeard((current) => {
          const ids = current.key === key ? current.ids : [];
          return ids.includes(id) ? current : { key, ids: [...ids, id] };
        }),
      ).then(
        (unsubscribe) => (cancelled ? unsubscribe() : (stop = unsubscribe)),
        // Without LiveQuery the dashboard still works; it only hears nothing.
        () => undefined,
      );
    });
    return () => {
      cancelled = true;
      cancelStart();
      stop?.();
    };
  }, [key, willReturn, reviewed, language, from, to, q, tag]);
  const count = heard.key === key ? heard.ids.length : 0;
  const show = async () => {
    setHeard({ key, ids: [] });
    await queryClient.invalidateQueries({ queryKey: opinionQueries.all() });
  };
  return { count, show };
}
