/** The Mötesplan's calls: a year's meetings, planning a year, changing one meeting, the handover. */
import type { ApiClient } from '../../api';
import type { Meeting } from '../../api-types';

export interface PlanDefaults {
  count: number;
  weekday: number;
  occurrence: number;
  startTime: string;
  durationMinutes: number;
  place: string;
  onlineUrl: string | null;
}

export interface MeetingPlan {
  group: { id: string; name: string };
  year: number;
  canChange: boolean;
  strategists: { id: string; name: string }[];
  nextMeetingId: string | null;
  meetings: Meeting[];
  defaults: PlanDefaults;
}

export interface PlanPattern {
  year: number;
  count: number;
  weekday: number;
  occurrence: number;
  startTime: string;
  durationMinutes: number;
  place: string;
  onlineUrl: string | null;
  addToExisting: boolean;
}

export interface PlanResult {
  year: number;
  stored: boolean;
  meetings: Meeting[];
  skipped: { date: string; reason: 'exists' | 'past' }[];
  existing: number;
}

export interface MeetingChanges {
  date?: string;
  time?: string;
  durationMinutes?: number;
  place?: string;
  onlineUrl?: string | null;
  title?: string;
}

export interface MeetingChangeResult {
  meeting: Meeting;
  kallelseAlreadySent: boolean;
  proposalsToMove?: number;
}

export interface HandoverProposal {
  id: string;
  title: string;
  status: 'submitted' | 'accepted' | 'deferred' | 'declined' | 'withdrawn';
  proposerName: string | null;
  organisationName: string | null;
  meeting: { id: string; title: string; startsAt: string } | null;
  missedMeeting: { title: string; startsAt: string } | null;
  createdAt: string;
}

export interface HandoverAction {
  id: string;
  title: string;
  status: 'open' | 'in_progress' | 'blocked';
  ownerName: string | null;
  organisationName: string | null;
  dueDate: string | null;
  overdue: boolean;
  meeting: { id: string; title: string; startsAt: string };
}

export interface ChairHandover {
  meeting: Meeting;
  canChange: boolean;
  previousMeeting: (Meeting & { minutes: 'published' | 'draft' | 'none' }) | null;
  lateProposals: HandoverProposal[];
  undecidedProposals: HandoverProposal[];
  openActions: HandoverAction[];
}

const meetingPath = (meetingId: string, rest = ''): string => `/meetings/${encodeURIComponent(meetingId)}${rest}`;

export function planApi(api: ApiClient) {
  return {
    getPlan: (groupId: string, year: number | null, signal?: AbortSignal) =>
      api.request<MeetingPlan>(`/groups/${encodeURIComponent(groupId)}/meetings${year === null ? '' : `?year=${year}`}`, { signal }),
    plan: (groupId: string, pattern: PlanPattern, preview: boolean, signal?: AbortSignal) =>
      api.request<PlanResult>(`/groups/${encodeURIComponent(groupId)}/meetings/plan`, {
        method: 'POST',
        body: { ...pattern, preview },
        signal,
      }),
    edit: (meetingId: string, changes: MeetingChanges) =>
      api.request<MeetingChangeResult>(meetingPath(meetingId), { method: 'PATCH', body: changes }),
    cancel: (meetingId: string) => api.request<MeetingChangeResult>(meetingPath(meetingId, '/cancel'), { method: 'POST' }),
    changeChair: (meetingId: string, chairPersonId: string) =>
      api.request<{ meeting: Meeting }>(meetingPath(meetingId, '/chair'), { method: 'POST', body: { chairPersonId } }),
    getHandover: (meetingId: string, signal?: AbortSignal) => api.request<ChairHandover>(meetingPath(meetingId, '/handover'), { signal }),
  };
}

export type PlanApi = ReturnType<typeof planApi>;
