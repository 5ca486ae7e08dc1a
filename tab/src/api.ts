/**
 * A small fetch client for the service's tab API (same origin, base `/api`). It sends
 * `Authorization: Bearer <token>` when there is a token and turns non-2xx answers
 * (`{ code, message }`) into an ApiError whose `kind` picks the text shown to the person.
 */
import type { DevPerson, GroupOverview, Me, Session } from './api-types';

export type ApiErrorKind =
  'network' | 'timeout' | 'unauthorized' | 'forbidden' | 'notFound' | 'conflict' | 'rateLimited' | 'server' | 'badResponse' | 'teamsSignIn';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    /** The service's machine-readable code, or a synthetic one (`HTTP_502`, `NETWORK`). */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function kindForStatus(status: number): ApiErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'notFound';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 429) return 'rateLimited';
  if (status >= 500) return 'server';
  return 'badResponse';
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError('badResponse', 0, 'CLIENT', message);
}

const TOKEN_KEY = 'arbetsrum.token';

/** The dev sign-in token, kept for the browser tab's lifetime (sessionStorage). */
export const tokenStore = {
  get(): string | null {
    try {
      return sessionStorage.getItem(TOKEN_KEY);
    } catch {
      return null;
    }
  },
  set(token: string): void {
    try {
      sessionStorage.setItem(TOKEN_KEY, token);
    } catch {
      // storage blocked (e.g. some embedded browsers): the person signs in again next time
    }
  },
  clear(): void {
    try {
      sessionStorage.removeItem(TOKEN_KEY);
    } catch {
      // nothing stored
    }
  },
};

export interface ApiClientOptions {
  baseUrl?: string;
  /** Returns the bearer token, or null when the call is made without one. */
  getToken?: () => Promise<string | null>;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface ApiClient {
  getSession(signal?: AbortSignal): Promise<Session>;
  getDevPeople(signal?: AbortSignal): Promise<{ people: DevPerson[] }>;
  devSignIn(personId: string, signal?: AbortSignal): Promise<{ token: string }>;
  getMe(signal?: AbortSignal): Promise<Me>;
  /** `year` null: the server picks the year of the next meeting. */
  getGroupOverview(groupId: string, year: number | null, signal?: AbortSignal): Promise<GroupOverview>;
  /** Any other route: each view keeps its own typed calls next to it (views/<view>/…-api.ts). */
  request<T>(path: string, options?: RequestOptions): Promise<T>;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  auth?: boolean;
  signal?: AbortSignal | undefined;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '/api';
  const timeoutMs = options.timeoutMs ?? 20_000;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function request<T>(path: string, { method = 'GET', body, auth = true, signal }: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (auth && options.getToken) {
      let token: string | null;
      try {
        token = await options.getToken();
      } catch (error) {
        throw new ApiError('teamsSignIn', 0, 'SSO_FAILED', error instanceof Error ? error.message : String(error));
      }
      if (token) headers.Authorization = `Bearer ${token}`;
    }

    // One controller for both the caller's signal and our timeout (AbortSignal.any is too new for
    // some of the web views Teams mobile runs in).
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onCallerAbort = (): void => controller.abort();
    signal?.addEventListener('abort', onCallerAbort, { once: true });
    if (signal?.aborted) controller.abort();

    const init: RequestInit = { method, headers, credentials: 'same-origin', signal: controller.signal };
    if (body !== undefined) init.body = JSON.stringify(body);

    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, init);
    } catch (error) {
      if (signal?.aborted) throw error; // the caller gave up; not an error to show
      if (timedOut) throw new ApiError('timeout', 0, 'TIMEOUT', `No answer within ${timeoutMs} ms`);
      throw new ApiError('network', 0, 'NETWORK', error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
    }

    if (!response.ok) {
      let code = `HTTP_${response.status}`;
      let message = response.statusText;
      try {
        const problem = (await response.json()) as { code?: unknown; message?: unknown };
        if (typeof problem.code === 'string' && problem.code) code = problem.code;
        if (typeof problem.message === 'string') message = problem.message;
      } catch {
        // not JSON (a proxy's error page, say): keep the status
      }
      throw new ApiError(kindForStatus(response.status), response.status, code, message);
    }

    if (response.status === 204) return undefined as T;
    try {
      return (await response.json()) as T;
    } catch {
      throw new ApiError('badResponse', response.status, 'BAD_JSON', 'The answer was not JSON');
    }
  }

  return {
    getSession: (signal) => request<Session>('/session', { auth: false, signal }),
    getDevPeople: (signal) => request<{ people: DevPerson[] }>('/dev/people', { auth: false, signal }),
    devSignIn: (personId, signal) =>
      request<{ token: string }>('/dev/sign-in', { method: 'POST', body: { personId }, auth: false, signal }),
    getMe: (signal) => request<Me>('/me', { signal }),
    getGroupOverview: (groupId, year, signal) =>
      request<GroupOverview>(
        `/groups/${encodeURIComponent(groupId)}/overview${year === null ? '' : `?year=${encodeURIComponent(String(year))}`}`,
        {
          signal,
        },
      ),
    request,
  };
}
