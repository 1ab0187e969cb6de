/** New opinions as they arrive (LiveQuery), for the dashboard's banner. */
import type { OpinionFilters } from '../domain/dashboard';
import { CLASS } from '../domain/classes';
import { getParse } from './client';
import type { ParseObject } from './opinion-detail';
import { filteredQuery } from './opinion-list';

/**
 * Calls `onNew` with the id of every new opinion that matches the filters, heard through
 * LiveQuery, until the returned function is called. Whether it matches is asked of the
 * server, with the very query the list uses.
 */
export async function subscribeToNewOpinions(
  filters: OpinionFilters,
  onNew: (id: string) => void,
): Promise<() => void> {
  const Parse = await getParse();
  const subscription = await new Parse.Query(CLASS.dashboardSignals).subscribe();
  const check = async (signal: ParseObject) => {
    const id: unknown = signal.get('opinionId');
    if (typeof id !== 'string') return;
    const matches = await filteredQuery(Parse, filters).equalTo('objectId', id).count();
    if (matches > 0) onNew(id);
  };
  const heard = (signal: ParseObject) => void check(signal).catch(() => undefined);
  subscription.on('create', heard);
  subscription.on('update', heard);
  return () => {
    void subscription.unsubscribe().catch(() => undefined);
  };
}
