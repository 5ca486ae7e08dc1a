/**
 * The query typed in the header's search box, shared with the results view. It lives outside the
 * URL (the route's argument is an id, not free text) and in sessionStorage, so a reload of the
 * results keeps it; nothing of it leaves the browser except in the search call itself.
 */
import { useSyncExternalStore } from 'react';

const KEY = 'arbetsrum.search';
const listeners = new Set<() => void>();
let current = read();

function read(): string {
  try {
    return sessionStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function setSearchQuery(query: string): void {
  current = query;
  try {
    sessionStorage.setItem(KEY, query);
  } catch {
    // storage blocked: the query lasts until the page is reloaded
  }
  for (const listener of listeners) listener();
}

export function useSearchQuery(): string {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
