// Loads API data into React state (one GET, or a page's own chain of them); a new key aborts the previous load.
import { useCallback, useLayoutEffect, useState } from 'react';
import { ApiError, fetchJson } from '../../api.js';

export type ApiState<T> =
  | { status: 'loading'; data: null; error: null }
  | { status: 'ok'; data: T; error: null }
  | { status: 'error'; data: null; error: ApiError };

interface Settled<T> {
  key: string;
  attempt: number;
  state: ApiState<T>;
}

const LOADING = { status: 'loading', data: null, error: null } as const;

export type Loaded<T> = ApiState<T> & { retry: () => void; previous: T | null };

/**
 * The state of `load()` for `key` (null: nothing to load, stays loading), a retry function, and the data of the key
 * before (`previous`), so a page can keep showing it while new filters load. A new key aborts the previous load.
 * `load` is the one passed with the key: it runs when the key (or a retry) changes, not on every render.
 */
export function useLoad<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  // A layout effect: the request leaves as soon as the page is rendered, not after the browser's first paint.
  useLayoutEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => setSettled({ key, attempt, state: { status: 'ok', data, error: null } }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = error instanceof ApiError ? error : new ApiError('E_CLIENT', String(error), 0);
        setSettled({ key, attempt, state: { status: 'error', data: null, error: apiError } });
      },
    );
    return () => controller.abort();
    // `load` belongs to its key: a new closure for the same key is the same load, so it is not a dependency.
  }, [key, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const current = settled && settled.key === key && settled.attempt === attempt ? settled.state : LOADING;
  return { ...current, retry, previous: settled?.state.data ?? null };
}

/** The state of GET `path` (null: nothing to fetch, stays loading); see useLoad. */
export function useApi<T>(path: string | null): Loaded<T> {
  return useLoad(path, (signal) => fetchJson<T>(path as string, signal));
}
