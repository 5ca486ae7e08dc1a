/** Loads data for a view; keeps the last good data while reloading so the page does not jump. */
import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { asApiError, type ApiError } from './api';

export interface Resource<T> {
  loading: boolean;
  data: T | undefined;
  error: ApiError | undefined;
  reload: () => void;
}

export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Resource<T> {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ loading: boolean; data: T | undefined; error: ApiError | undefined }>({
    loading: true,
    data: undefined,
    error: undefined,
  });

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ loading: true, data: previous.data, error: undefined }));
    load(controller.signal).then(
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
