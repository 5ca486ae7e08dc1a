/**
 * Which view is open, kept in the URL's hash (`#/meeting/<id>`): a reload, the browser's back
 * button and a deep link from a card all land on the same view. The hash never reaches the server.
 */
import { useCallback, useEffect, useState } from 'react';

export type ViewKey =
  | 'overview'
  | 'plan'
  | 'meeting'
  | 'minutes'
  | 'proposals'
  | 'members'
  | 'changes'
  | 'goals'
  | 'actions'
  | 'representation'
  | 'subgroups'
  | 'competence'
  | 'tips'
  | 'search'
  | 'reports'
  | 'accessibility'
  | 'privacy';

export const VIEW_KEYS: readonly ViewKey[] = [
  'overview',
  'plan',
  'meeting',
  'minutes',
  'proposals',
  'members',
  'changes',
  'goals',
  'actions',
  'representation',
  'subgroups',
  'competence',
  'tips',
  'search',
  'reports',
  'accessibility',
  'privacy',
];

export interface Route {
  view: ViewKey;
  /** The view's own argument, e.g. a meeting id; null when none. */
  arg: string | null;
}

const ARG = /^[A-Za-z0-9-]{1,64}$/;

export function parseRoute(hash: string): Route {
  const [view, arg] = hash.replace(/^#\/?/, '').split('/');
  const key = VIEW_KEYS.find((k) => k === view) ?? 'overview';
  return { view: key, arg: arg && ARG.test(arg) ? arg : null };
}

export function formatRoute({ view, arg }: Route): string {
  return arg ? `#/${view}/${arg}` : `#/${view}`;
}

export function useRoute(): [Route, (view: ViewKey, arg?: string | null) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((view: ViewKey, arg: string | null = null) => {
    const next = formatRoute({ view, arg });
    if (window.location.hash !== next) window.location.hash = next;
    setRoute({ view, arg });
  }, []);
  return [route, navigate];
}
