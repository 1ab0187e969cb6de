/**
 * The app's one React Query client, made the first time a part that uses it renders
 * (query-slot.tsx says why it is not in the entry).
 */
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useContext, type ReactNode } from 'react';
import { createQueryClient } from './query-client';
import { QuerySlotContext, type QuerySlot } from './query-slot';
import { sessionExpiryHandler } from './session-expiry';

const clients = new WeakMap<QuerySlot, QueryClient>();

function clientOf(slot: QuerySlot): QueryClient {
  let client = slot.client ?? clients.get(slot);
  if (!client) {
    client = createQueryClient({ onSessionExpired: sessionExpiryHandler(slot.navigation) });
    clients.set(slot, client);
  }
  return client;
}

export function QueryRoot({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={clientOf(useContext(QuerySlotContext))}>{children}</QueryClientProvider>;
}
