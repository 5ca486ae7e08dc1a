/** The Ändringslogg view's call: a page of the group's change log, newest first. */
import type { ApiClient } from '../../api';

export type MeetingField = 'title' | 'startsAt' | 'durationMinutes' | 'place' | 'onlineUrl';

/** Only what the service lets out of the log: counts, versions, which fields changed, names. */
export interface ChangeDetail {
  items?: number;
  count?: number;
  version?: number;
  corrects?: number;
  proposalsToMove?: number;
  sent?: number;
  mailed?: number;
  notReached?: number;
  recipients?: number;
  people?: number;
  organisations?: number;
  /** group.people-synced: members added and roles changed from the group file. */
  added?: number;
  roleChanged?: number;
  late?: boolean;
  fields?: MeetingField[];
  chair?: { from: string | null; to: string | null };
}

export interface ChangeEvent {
  id: string;
  at: string;
  /** Null: Arbetsrum itself. A name of null: someone the group no longer knows. */
  actor: { personId: string; name: string | null } | null;
  /** e.g. `agenda.saved`; worded by the view. */
  action: string;
  meeting: { id: string; title: string; startsAt: string } | null;
  proposal: { id: string; title: string } | null;
  year: number | null;
  detail: ChangeDetail;
}

export interface ChangePage {
  events: ChangeEvent[];
  /** The cursor for the next, older page; null when there is none. */
  nextBefore: string | null;
}

export const CHANGES_PAGE_SIZE = 50;

export function listChanges(api: ApiClient, groupId: string, before: string | null, signal?: AbortSignal): Promise<ChangePage> {
  const query = new URLSearchParams({ limit: String(CHANGES_PAGE_SIZE) });
  if (before) query.set('before', before);
  return api.request(`/groups/${encodeURIComponent(groupId)}/audit?${query.toString()}`, { signal });
}
