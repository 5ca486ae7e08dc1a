/**
 * Moves focus to a heading when a view replaces another after a person's action (signing in or
 * out), so keyboard and screen-reader users start at the top of the new view instead of on <body>.
 */
import { useEffect, useRef } from 'react';

export function useFocusOnMount<T extends HTMLElement>(enabled: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus();
  }, [enabled]);
  return ref;
}
