/** Loads data for a view; keeps the last good data while reloading so the page does not jump. */
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { asApiError, type ApiError } from './api';
import type { Preloaded } from './preload';

export interface Resource<T> {
  loading: boolean;
  data: T | undefined;
  error: ApiError | undefined;
  reload: () => void;
}

type State<T> = { loading: boolean; data: T | undefined; error: ApiError | undefined };

/**
 * `preloaded`: the same call, already started (preload.ts), for the current `deps`. Its answer
 * serves the first load instead of calling `load`, and only once; when it has already answered
 * at the first render, the data is there from that render on.
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList, preloaded?: Preloaded<T>): Resource<T> {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<State<T>>(() => {
    const settled = preloaded?.settled;
    if (settled && preloaded?.take()) {
      return settled.ok
        ? { loading: false, data: settled.data, error: undefined }
        : { loading: false, data: undefined, error: asApiError(settled.error) };
    }
    return { loading: true, data: undefined, error: undefined };
  });
  // Loaded at the first render: the first run of the effect has nothing to do.
  const loadedAtMount = useRef(!state.loading);

  useEffect(() => {
    if (loadedAtMount.current) {
      loadedAtMount.current = false;
      return;
    }
    const controller = new AbortController();
    const first = preloaded?.take() ? preloaded.promise : undefined;
    setState((previous) => ({ loading: true, data: previous.data, error: undefined }));
    (first ?? load(controller.signal)).then(
      (data) => {
        if (!controller.signal.aborted) setState({ loading: false, data, error: undefined });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState((previous) => ({ loading: false, data: previous.data, error: asApiError(error) }));
        }
      },
    );
    return () => controller.abort();
  }, [...deps, attempt]); // the caller lists what `load` depends on

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
