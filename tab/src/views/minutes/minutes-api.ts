/** The Minnesanteckningar view's calls and the shapes the service answers with (dates as ISO strings). */
import { ApiError, type ApiClient } from '../../api';
import type { Meeting, Role } from '../../api-types';

export type MinutesStatus = 'draft' | 'published';
export type Presence = 'present' | 'absent' | 'substitute';
export type Rsvp = 'yes' | 'no' | 'substitute';
export type ActionStatus = 'open' | 'in_progress' | 'blocked' | 'done';
export const ACTION_STATUSES: readonly ActionStatus[] = ['open', 'in_progress', 'blocked', 'done'];
export type PublishBlocker = 'not-allowed' | 'published' | 'cancelled' | 'meeting-not-held' | 'not-saved' | 'needs-chair' | 'needs-other';

/** The same limits the service checks (bot/src/domain/minutes.ts), so the form stops where the API would. */
export const LIMITS = { notesMax: 10_000, decisionMax: 2_000, actionTitleMax: 300, commentMax: 2_000, actionsPerItemMax: 30 } as const;

export interface PersonRef {
  id: string;
  name: string;
}

export interface MinutesAction {
  id: string;
  agendaItemId: string | null;
  title: string;
  owner: PersonRef | null;
  organisationName: string | null;
  dueDate: string | null;
  status: ActionStatus;
}

export interface MinutesCommentView {
  id: string;
  agendaItemId: string;
  author: PersonRef;
  text: string;
  createdAt: string;
}

export interface MinutesItem {
  agendaItemId: string;
  position: number | null;
  title: string;
  onAgenda: boolean;
  notes: string;
  decision: string;
  actions: MinutesAction[];
  comments: MinutesCommentView[];
}

export interface AttendancePerson {
  personId: string;
  name: string;
  role: Role | null;
  rsvp: Rsvp | null;
  substituteName: string | null;
  presence: Presence | null;
  substituteForPersonId: string | null;
  substituteForName: string | null;
}

export interface AttendanceGroup {
  organisation: { id: string | null; name: string; kind: 'forvaltning' | 'bolag' | 'other' | null } | null;
  people: AttendancePerson[];
}

/** The publishing job's progress with the latest published version. */
export interface Publication {
  state: 'working' | 'retrying' | 'done';
  documentUrl: string | null;
  documentStored: boolean;
  mailed: boolean;
  recipients: number;
  announced: boolean;
  completedAt: string | null;
  lastError: string | null;
  nextAttemptAt: string | null;
}

export interface Minutes {
  meeting: Meeting;
  version: number;
  status: MinutesStatus;
  stored: boolean;
  revision: number;
  publishedAt: string | null;
  publishedBy: PersonRef | null;
  updatedAt: string | null;
  updatedBy: PersonRef | null;
  versions: { version: number; status: MinutesStatus; publishedAt: string | null; publishedBy: PersonRef | null }[];
  items: MinutesItem[];
  otherActions: MinutesAction[];
  attendance: AttendanceGroup[];
  members: { id: string; name: string; organisationName: string | null }[];
  review: {
    chairApproved: boolean;
    otherApproved: boolean;
    publishable: boolean;
    missing: ('saved' | 'chair' | 'other')[];
    approvals: { person: PersonRef; approvedAt: string; revision: number; current: boolean; asChair: boolean }[];
  };
  publication: Publication | null;
  permissions: {
    edit: boolean;
    approve: boolean;
    approved: boolean;
    comment: boolean;
    publish: boolean;
    publishBlocker: PublishBlocker | null;
    correct: boolean;
  };
}

export interface MeetingWithMinutes extends Meeting {
  minutes: { version: number; status: MinutesStatus; publishedAt: string | null } | null;
}

/** What a save sends: the whole draft, from the revision it was written on. */
export interface MinutesDraftBody {
  revision: number;
  items: { agendaItemId: string; notes: string; decision: string }[];
  attendance: { personId: string; presence: Presence | null; substituteForPersonId: string | null }[];
  actions: {
    id: string;
    agendaItemId: string | null;
    title: string;
    ownerPersonId: string | null;
    dueDate: string | null;
    status: ActionStatus;
  }[];
}

const path = (meetingId: string, rest = ''): string => `/meetings/${encodeURIComponent(meetingId)}/minutes${rest}`;

export function minutesApi(api: ApiClient) {
  const post = async (meetingId: string, rest: string, body: unknown): Promise<Minutes> =>
    (await api.request<{ minutes: Minutes }>(path(meetingId, rest), { method: 'POST', body })).minutes;
  return {
    listMeetings: (groupId: string, signal?: AbortSignal) =>
      api.request<{ meetings: MeetingWithMinutes[] }>(`/groups/${encodeURIComponent(groupId)}/minutes`, { signal }),
    get: async (meetingId: string, signal?: AbortSignal) => (await api.request<{ minutes: Minutes }>(path(meetingId), { signal })).minutes,
    save: async (meetingId: string, body: MinutesDraftBody) =>
      (await api.request<{ minutes: Minutes }>(path(meetingId), { method: 'PUT', body })).minutes,
    approve: (meetingId: string, revision: number) => post(meetingId, '/approve', { revision }),
    comment: (meetingId: string, agendaItemId: string, text: string) => post(meetingId, '/comments', { agendaItemId, text }),
    publish: (meetingId: string, revision: number) => post(meetingId, '/publish', { revision }),
    startCorrection: (meetingId: string) => post(meetingId, '/correction', {}),
  };
}

export type MinutesCalls = ReturnType<typeof minutesApi>;

/** A save refused because someone else saved first (the service then has the current minutes). */
export function isStaleRevision(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code === 'stale-revision';
}

/** A new action's id, made here so the action keeps it across autosaves. */
export function newActionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The meeting to open when none is named: the latest that has begun, else the next one. */
export function defaultMeeting(meetings: readonly MeetingWithMinutes[], now: Date): MeetingWithMinutes | null {
  const begun = meetings
    .filter((m) => m.status !== 'cancelled' && new Date(m.startsAt).getTime() <= now.getTime())
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  if (begun[0]) return begun[0];
  return meetings.filter((m) => m.status !== 'cancelled').sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0] ?? null;
}
