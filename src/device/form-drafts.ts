/**
 * Half-typed account forms, kept in this tab's sessionStorage as the user types, so that a
 * session that expires mid-edit (and the trip through the login page) loses nothing. Keys
 * carry the user's id, so that the next person on a shared device never sees them. Passwords
 * are never kept.
 */
const PREFIX = 'visitor-opinions:form:';

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

export function loadFormDraft<F extends string>(key: string, fields: readonly F[]): Partial<Record<F, string>> | undefined {
  try {
    const raw = storage()?.getItem(PREFIX + key);
    if (!raw) return undefined;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const draft: Partial<Record<F, string>> = {};
    for (const field of fields) {
      const value = (parsed as Record<string, unknown>)[field];
      if (typeof value === 'string') draft[field] = value;
    }
    return draft;
  } catch {
    return undefined;
  }
}

export function saveFormDraft(key: string, values: Record<string, string>): void {
  try {
    storage()?.setItem(PREFIX + key, JSON.stringify(values));
  } catch {
    // Full or blocked storage: the form still works, it just forgets on a reload.
  }
}

export function clearFormDraft(key: string): void {
  storage()?.removeItem(PREFIX + key);
}

/** On log out: whoever uses this tab next starts clean. */
export function clearAllFormDrafts(): void {
  const store = storage();
  if (!store) return;
  for (const key of Object.keys(store)) if (key.startsWith(PREFIX)) store.removeItem(key);
}
