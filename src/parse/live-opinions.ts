/** New opinions as they arrive (LiveQuery), for the dashboard's banner. */
import type { OpinionFilters } from '../domain/dashboard';
import { CLASS } from '../domain/classes';
import { getParse } from './client';
import type { ParseObject } from './opinion-detail';
import { filteredQuery } from './opinion-list';

/**
 * Calls `onNew` with the id of every new opinion that matches the filters, heard through
 * LiveQuery, until the returned function is called. Which match is asked of the server,
 * with the very query the list uses.
 */
export async function subscribeToNewOpinions(
  filters: OpinionFilters,
  onNew: (id: string) => void,
): Promise<() => void> {
  const Parse = await getParse();
  const subscription = await new Parse.Query(CLASS.dashboardSignals).subscribe();
  // A signal names the opinions that arrived together (server/cloud/dashboard.ts).
  const check = async (signal: ParseObject) => {
    const named: unknown = signal.get('opinionIds');
    const ids = Array.isArray(named) ? named.filter((id): id is string => typeof id === 'string') : [];
    if (ids.length === 0) return;
    const matching = await filteredQuery(Parse, filters).containedIn('objectId', ids).select('objectId').limit(ids.length).find();
    for (const opinion of matching) if (opinion.id) onNew(opinion.id);
  };
  const heard = (signal: ParseObject) => void check(signal).catch(() => undefined);
  subscription.on('create', heard);
  subscription.on('update', heard);
  return () => {
    void subscription.unsubscribe().catch(() => undefined);
  };
}
