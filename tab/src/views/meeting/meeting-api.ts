/** The Möte view's calls: the agenda, decisions on proposals, the kallelse, the answers, the follow-up, the timed work. */
import type { ApiClient } from '../../api';
import type { Meeting } from '../../api-types';

export type ProposalKind =
  'avstamning' | 'diskussion' | 'beslut' | 'information' | 'kompetensutveckling' | 'omvarldsbevakning' | 'samarbete';
export type ProposalStatus = 'submitted' | 'accepted' | 'deferred' | 'declined' | 'withdrawn';

export interface BacklogProposal {
  id: string;
  title: string;
  description: string;
  kind: ProposalKind;
  status: ProposalStatus;
  minutesNeeded: number;
  organisationName: string | null;
  proposerName: string | null;
  goals: { id: string; framework: 'sdg' | 'miljomal' | 'local'; number: number; name: string }[];
  meeting: { id: string; title: string; startsAt: string } | null;
  missedMeeting: { title: string; startsAt: string } | null;
  decisionNote: string | null;
}

export interface AgendaItemView {
  id: string;
  position: number;
  title: string;
  durationMinutes: number;
  startsAt: string;
  presenter: { id: string; name: string } | null;
  proposalId: string | null;
  standing: boolean;
}

export interface MeetingAgenda {
  groupId: string;
  meeting: Meeting;
  canEdit: boolean;
  revision: string;
  items: AgendaItemView[];
  totalMinutes: number;
  limits: { itemsMax: number; titleMax: number; minutesMin: number; minutesMax: number };
  missingStandingItems: { title: string; minutes: number; placement: 'opening' | 'closing' }[];
  presenters: { id: string; name: string; organisationName: string | null }[];
  backlog: BacklogProposal[];
  deferTargets: { id: string; title: string; startsAt: string }[];
}

export interface AgendaItemDraft {
  /** Null for an item added in the builder and not saved yet. */
  id: string | null;
  title: string;
  durationMinutes: number;
  presenterPersonId: string | null;
  proposalId: string | null;
  standing: boolean;
}

export type Decision =
  | { decision: 'accept'; meetingId?: string }
  | { decision: 'defer'; meetingId: string; note?: string }
  | { decision: 'decline'; reason: string };

export interface SendReport {
  sent: number;
  alreadySent: number;
  inProgress: number;
  mailed: { name: string; reason: string }[];
  notReached: { name: string; reason: string }[];
}

export interface AttendanceOverview {
  answers: {
    personId: string;
    name: string;
    organisationName: string | null;
    rsvp: 'yes' | 'no' | 'substitute' | null;
    substituteName: string | null;
  }[];
  unrepresented: string[];
}

export interface FollowUpAction {
  id: string;
  title: string;
  owner: { id: string; name: string; organisationName: string | null } | null;
  dueDate: string | null;
  status: 'open' | 'in_progress' | 'blocked' | 'done';
  decidedAt: { id: string; title: string; startsAt: string };
  answer: { status: 'done' | 'in_progress' | 'blocked'; comment: string; answeredAt: string } | null;
}

export interface TimedRun {
  key: string;
  kind:
    | 'call-for-proposals'
    | 'proposal-deadline-reminder'
    | 'kallelse'
    | 'action-status-request'
    | 'day-before-reminder'
    | 'action-due-reminder'
    | 're-reporting-nudge'
    | 'sub-group-reminder'
    | 'representation-nudge';
  meeting: { id: string; title: string } | null;
  runAt: string;
  state: 'scheduled' | 'running' | 'done' | 'failed' | 'cancelled';
  attempts: number;
  outcome: { sent: number; alreadySent: number; mailed: number; notReached: number; heldElsewhere: number } | null;
  failure: 'held-elsewhere' | 'error' | null;
}

const meetingPath = (meetingId: string, rest: string): string => `/meetings/${encodeURIComponent(meetingId)}/${rest}`;

export function meetingApi(api: ApiClient) {
  return {
    getAgenda: (meetingId: string, signal?: AbortSignal) => api.request<MeetingAgenda>(meetingPath(meetingId, 'agenda'), { signal }),
    saveAgenda: (meetingId: string, expectedRevision: string, items: AgendaItemDraft[]) =>
      api.request<MeetingAgenda>(meetingPath(meetingId, 'agenda'), { method: 'PUT', body: { expectedRevision, items } }),
    decide: (proposalId: string, decision: Decision) =>
      api.request<{ proposal: BacklogProposal }>(`/proposals/${encodeURIComponent(proposalId)}/decision`, {
        method: 'POST',
        body: decision,
      }),
    sendKallelse: (meetingId: string) => api.request<{ report: SendReport }>(meetingPath(meetingId, 'kallelse'), { method: 'POST' }),
    getAttendance: (meetingId: string, signal?: AbortSignal) =>
      api.request<AttendanceOverview>(meetingPath(meetingId, 'attendance'), { signal }),
    getFollowUp: (meetingId: string, signal?: AbortSignal) =>
      api.request<{ actions: FollowUpAction[] }>(meetingPath(meetingId, 'follow-up'), { signal }),
    getTimedWork: (groupId: string, signal?: AbortSignal) =>
      api.request<{ runs: TimedRun[] }>(`/groups/${encodeURIComponent(groupId)}/timed-work`, { signal }),
    getNotReached: (groupId: string, signal?: AbortSignal) =>
      api.request<{ notReached: NotReached[] }>(`/groups/${encodeURIComponent(groupId)}/not-reached`, { signal }),
    retryTimedWork: (groupId: string, key: string) =>
      api.request<undefined>(`/groups/${encodeURIComponent(groupId)}/timed-work/retry`, { method: 'POST', body: { key } }),
  };
}

export interface NotReached {
  kind: string;
  subject: string;
  target: string;
  name: string;
  reason: string;
  attempts: number;
  updatedAt: string;
}
