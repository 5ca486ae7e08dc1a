/**
 * The first view's API calls, started by the entry script (main.tsx) before the rest of the
 * bundle has loaded: the session and, with a stored dev sign-in token, `me` at the same time, and
 * as soon as `me` answers the chosen group's overview and "Mitt läge". React then finds the answers
 * waiting (useResource's `preloaded`) instead of asking for them one render after the other.
 *
 * Nothing is decided here: the app uses `me` only if the session says the dev sign-in is on and
 * the token is still the one stored, and the overview only for the group and year it shows. Every
 * answer is used once, by the first view; later loads and reloads ask the service again.
 */
import { createApiClient, tokenStore } from './api';
import type { GroupOverview, Me, Session } from './api-types';
import { pickGroup, rememberedGroupId } from './remembered-group';

type Settled<T> = { ok: true; data: T } | { ok: false; error: unknown };

/** A call already on its way; `settled` once it has answered. */
export class Preloaded<T> {
  private answer: Settled<T> | undefined;
  private used = false;
  constructor(readonly promise: Promise<T>) {
    promise.then(
      (data) => (this.answer = { ok: true, data }),
      (error: unknown) => (this.answer = { ok: false, error }),
    );
  }
  get settled(): Settled<T> | undefined {
    return this.answer;
  }
  /** True the first time only: the answer serves one load, not every later one. */
  take(): boolean {
    if (this.used) return false;
    this.used = true;
    return true;
  }
}

export interface GroupPreloads {
  groupId: string;
  overview: Preloaded<GroupOverview>;
  /** GET /groups/:id/my-status, typed by the view that shows it. */
  myStatus: Preloaded<unknown>;
}

export interface SignedInPreloads {
  /** The stored dev sign-in token the calls were made with. */
  token: string;
  me: Preloaded<Me>;
  /** The chosen group's calls, once `me` has answered (undefined before, or without a group). */
  group(): GroupPreloads | undefined;
}

export interface Preloads {
  session: Preloaded<Session>;
  signedIn: SignedInPreloads | undefined;
}

export function startPreloads(): Preloads {
  const publicApi = createApiClient();
  const session = new Preloaded(publicApi.getSession());
  const token = tokenStore.get();
  if (!token) return { session, signedIn: undefined };

  const api = createApiClient({ getToken: () => Promise.resolve(token) });
  let group: GroupPreloads | undefined;
  const me = new Preloaded(
    api.getMe().then((answer) => {
      const chosen = pickGroup(answer.groups, rememberedGroupId());
      if (chosen) {
        const path = `/groups/${encodeURIComponent(chosen.id)}/my-status`;
        group = {
          groupId: chosen.id,
          overview: new Preloaded(api.getGroupOverview(chosen.id, null)),
          myStatus: new Preloaded(api.request<unknown>(path)),
        };
      }
      return answer;
    }),
  );
  return { session, signedIn: { token, me, group: () => group } };
}

/**
 * Resolves once `me` has answered and the group's calls have gone out (at once without a stored
 * token), or after `ms`. main.tsx waits for this before it runs the app's code: that keeps the
 * page busy for a while, and `me`'s answer would wait behind it before the next calls could start.
 */
export function meAnswered(preloads: Preloads, ms: number): Promise<void> {
  if (!preloads.signedIn) return Promise.resolve();
  const me = preloads.signedIn.me.promise.then(
    () => undefined,
    () => undefined,
  );
  return Promise.race([me, new Promise<void>((resolve) => setTimeout(resolve, ms))]);
}

/**
 * Resolves once the first view's answers are all in (failed ones too), or after `ms`, whichever
 * comes first: the app then draws the finished view at once, instead of a loading state for each
 * answer in turn. The wait is short and bounded, so a slow service still gets its loading states.
 */
export function firstAnswers(preloads: Preloads, ms: number): Promise<void> {
  const settled = (preloaded: Preloaded<unknown>): Promise<unknown> => preloaded.promise.catch(() => undefined);
  const all = (async () => {
    await settled(preloads.session);
    if (!preloads.signedIn) return;
    await settled(preloads.signedIn.me);
    const group = preloads.signedIn.group();
    if (group) await Promise.all([settled(group.overview), settled(group.myStatus)]);
  })();
  return Promise.race([all, new Promise<void>((resolve) => setTimeout(resolve, ms))]);
}
