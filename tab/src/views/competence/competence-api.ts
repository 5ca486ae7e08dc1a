/** The Kompetensutveckling view's calls: the year's ledger and suggestions, and the writes. */
import type { ApiClient } from '../../api';

export type CompetenceKind = 'lecture' | 'film' | 'study_visit' | 'external_guest' | 'other';
export type CompetenceStatus = 'planned' | 'held' | 'cancelled';
export const KINDS: readonly CompetenceKind[] = ['lecture', 'film', 'study_visit', 'external_guest', 'other'];
export const STATUSES: readonly CompetenceStatus[] = ['planned', 'held', 'cancelled'];

export type FieldError =
  | 'required'
  | 'too-long'
  | 'too-many'
  | 'unknown-choice'
  | 'not-https'
  | 'invalid-date'
  | 'held-in-future'
  | 'not-held'
  | 'bad-count'
  | 'duplicate';

export interface CompetenceLink {
  url: string;
  label: string;
}

export interface Activity {
  id: string;
  kind: CompetenceKind;
  status: CompetenceStatus;
  date: string;
  title: string;
  description: string;
  organiserOrganisation: { id: string; name: string } | null;
  organiser: string;
  participants: { organisationId: string; organisation: string; count: number }[];
  participantsTotal: number;
  links: CompetenceLink[];
  learned: string;
  actions: {
    id: string;
    title: string;
    status: 'open' | 'in_progress' | 'blocked' | 'done';
    dueDate: string | null;
    owner: string | null;
  }[];
  suggestionId: string | null;
  revision: number;
}

export interface Suggestion {
  id: string;
  kind: CompetenceKind;
  title: string;
  description: string;
  link: string | null;
  suggestedBy: string | null;
  status: 'open' | 'planned';
  votes: number;
  myVote: boolean;
  createdAt: string;
}

export interface CompetencePlan {
  year: number;
  today: string;
  mayPlan: boolean;
  activities: Activity[];
  months: string[][];
  suggestions: Suggestion[];
  choices: {
    organisations: { id: string; name: string }[];
    actions: { id: string; title: string; meetingTitle: string; meetingDate: string }[];
  };
}

export interface ActivityBody {
  kind: CompetenceKind;
  status: CompetenceStatus;
  date: string;
  title: string;
  description: string;
  organiserOrganisationId: string | null;
  organiser: string;
  participants: { organisationId: string; count: number }[];
  links: CompetenceLink[];
  learned: string;
  actionIds: string[];
}

const base = (groupId: string) => `/groups/${encodeURIComponent(groupId)}/competence`;

export function competenceApi(api: ApiClient, groupId: string) {
  return {
    get: (year: number, signal?: AbortSignal) => api.request<CompetencePlan>(`${base(groupId)}?year=${year}`, { signal }),
    create: (body: ActivityBody) => api.request<{ activity: Activity }>(`${base(groupId)}/activities`, { method: 'POST', body }),
    update: (activityId: string, revision: number, body: ActivityBody) =>
      api.request<{ activity: Activity }>(`${base(groupId)}/activities/${encodeURIComponent(activityId)}`, {
        method: 'PUT',
        body: { ...body, revision },
      }),
    suggest: (body: { submissionKey: string; kind: CompetenceKind; title: string; description: string; link: string }) =>
      api.request<{ suggestion: Suggestion }>(`${base(groupId)}/suggestions`, { method: 'POST', body }),
    vote: (suggestionId: string, voted: boolean) =>
      api.request<{ suggestion: Suggestion }>(`${base(groupId)}/suggestions/${encodeURIComponent(suggestionId)}/vote`, {
        method: 'PUT',
        body: { voted },
      }),
    plan: (suggestionId: string, date: string) =>
      api.request<{ activity: Activity }>(`${base(groupId)}/suggestions/${encodeURIComponent(suggestionId)}/plan`, {
        method: 'POST',
        body: { date },
      }),
  };
}

export type CompetenceApi = ReturnType<typeof competenceApi>;
