/**
 * A meeting's minutes as the tab shows them: the newest version (a draft being written, or the
 * latest published one), per agenda item the text, actions and comments, the attendance list by
 * organisation, the review, and what the caller may do next.
 */
import type { AgendaItem } from '../domain/agenda-item';
import type { Rsvp } from '../domain/attendance';
import type { Membership, Role } from '../domain/membership';
import {
  type ActionItem,
  type ActionStatus,
  type Minutes,
  type MinutesApproval,
  type MinutesComment,
  type MinutesStatus,
  type Presence,
  type PresenceRecord,
  type RecordedAction,
  type RecordedAttendance,
} from '../domain/minutes';
import { reviewState } from '../domain/minutes-review';
import type { Organisation, OrganisationKind } from '../domain/organisation';
import type { Person } from '../domain/person';
import { describeMeeting, type MeetingView } from './describe-meeting';
import { loadMeetingAgenda, settleMeetingAgenda } from './load-meeting-agenda';
import type { MinutesAccess } from './minutes-access';
import type { Clock } from './ports/clock';
import type { IdGenerator } from './ports/id-generator';
import type { Repositories, UnitOfWork } from './ports/repositories';

export interface PersonRef {
  id: string;
  name: string;
}

export interface MinutesActionView {
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
  createdAt: Date;
}

export interface MinutesItemView {
  agendaItemId: string;
  /** Place on the agenda; null for an item kept because it has text but left the agenda. */
  position: number | null;
  title: string;
  onAgenda: boolean;
  notes: string;
  decision: string;
  actions: MinutesActionView[];
  comments: MinutesCommentView[];
}

export interface AttendancePersonView {
  personId: string;
  name: string;
  role: Role | null;
  rsvp: Rsvp | null;
  substituteName: string | null;
  presence: Presence | null;
  substituteForPersonId: string | null;
  substituteForName: string | null;
}

export interface AttendanceGroupView {
  /** Null: people with no organisation. */
  organisation: { id: string | null; name: string; kind: OrganisationKind | null } | null;
  people: AttendancePersonView[];
}

export type PublishBlocker = 'not-allowed' | 'published' | 'cancelled' | 'meeting-not-held' | 'not-saved' | 'needs-chair' | 'needs-other';

export interface MinutesView {
  meeting: MeetingView;
  version: number;
  status: MinutesStatus;
  /** False until the first save: the draft is the agenda with nothing written. */
  stored: boolean;
  revision: number;
  publishedAt: Date | null;
  publishedBy: PersonRef | null;
  updatedAt: Date | null;
  updatedBy: PersonRef | null;
  versions: { version: number; status: MinutesStatus; publishedAt: Date | null; publishedBy: PersonRef | null }[];
  items: MinutesItemView[];
  /** Actions whose agenda item has left the agenda. */
  otherActions: MinutesActionView[];
  attendance: AttendanceGroupView[];
  /** The group's members, for choosing an action's owner or whom a substitute stood in for. */
  members: { id: string; name: string; organisationName: string | null }[];
  review: {
    chairApproved: boolean;
    otherApproved: boolean;
    publishable: boolean;
    missing: ('saved' | 'chair' | 'other')[];
    approvals: { person: PersonRef; approvedAt: Date; revision: number; current: boolean; asChair: boolean }[];
  };
  permissions: {
    edit: boolean;
    approve: boolean;
    /** The caller has approved the current text. */
    approved: boolean;
    comment: boolean;
    publish: boolean;
    /** Why publishing is not possible now, the first reason that applies; null when it is. */
    publishBlocker: PublishBlocker | null;
    correct: boolean;
  };
}

export interface MinutesViewDeps {
  repositories: Repositories;
  clock: Clock;
  ids: IdGenerator;
}

/** What the use cases that change minutes need: every change is stored whole or not at all. */
export interface MinutesWriteDeps extends MinutesViewDeps {
  unitOfWork: UnitOfWork;
}

/**
 * Reads everything the view needs. For the minutes' writers the agenda is completed and stored,
 * so its item ids stay put while they write; a reader's look stores nothing.
 */
export async function readMinutesView(deps: MinutesWriteDeps, access: MinutesAccess): Promise<MinutesView> {
  const repos = deps.repositories;
  const { meeting, member } = access;
  const tenantId = meeting.tenantId;
  const versions = await repos.minutes.listVersions(tenantId, meeting.id);
  const latest = versions.at(-1) ?? null;
  const published = latest?.status === 'published';
  const [people, memberships, organisations] = await Promise.all([
    repos.people.listByGroup(tenantId, meeting.groupId),
    repos.memberships.listByGroup(tenantId, meeting.groupId),
    repos.organisations.listByGroup(tenantId, meeting.groupId),
  ]);
  // Published minutes carry their own agenda, attendance and actions; a draft follows the live ones.
  const agenda = published
    ? []
    : (access.canWrite
        ? await settleMeetingAgenda(deps, member.group, meeting)
        : await loadMeetingAgenda(repos, deps.ids, member.group, meeting, { store: false })
      ).items;
  const [presence, actions, approvals, comments] = await Promise.all([
    published ? [] : repos.presence.listByMeeting(tenantId, meeting.id),
    published ? [] : repos.actionItems.listByMeeting(tenantId, meeting.id),
    latest ? repos.minutesReview.listApprovals(tenantId, meeting.id, latest.version) : [],
    latest ? repos.minutesReview.listComments(tenantId, meeting.id, latest.version) : [],
  ]);
  return describeMinutes({
    access,
    versions,
    agenda,
    people,
    memberships,
    organisations,
    presence,
    actions,
    approvals,
    comments,
    now: deps.clock.now(),
  });
}

const KIND_ORDER: Record<OrganisationKind, number> = { forvaltning: 0, bolag: 1, other: 2 };

export function describeMinutes(input: {
  access: MinutesAccess;
  versions: readonly Minutes[];
  agenda: readonly AgendaItem[];
  people: readonly Person[];
  memberships: readonly Membership[];
  organisations: readonly Organisation[];
  presence: readonly PresenceRecord[];
  actions: readonly ActionItem[];
  approvals: readonly MinutesApproval[];
  comments: readonly MinutesComment[];
  now: Date;
}): MinutesView {
  const { meeting, member, canWrite } = input.access;
  const latest = input.versions.at(-1) ?? null;
  const status: MinutesStatus = latest?.status ?? 'draft';
  const published = status === 'published';
  const revision = latest?.revision ?? 0;
  const personById = new Map(input.people.map((p) => [p.id, p]));
  const ref = (id: string | null): PersonRef | null => {
    const person = id ? personById.get(id) : undefined;
    return person ? { id: person.id, name: person.name } : id ? { id, name: '' } : null;
  };
  const organisationName = (id: string | null): string | null => (id ? (input.organisations.find((o) => o.id === id)?.name ?? null) : null);
  const roleOf = new Map(input.memberships.map((m) => [m.personId, m.role]));
  const memberIds = new Set(input.memberships.map((m) => m.personId));
  const strategistIds = new Set(input.memberships.filter((m) => m.role === 'strategist').map((m) => m.personId));

  const actionViews: MinutesActionView[] = published
    ? (latest?.body.record?.actions ?? []).map((a: RecordedAction) => ({
        id: a.id,
        agendaItemId: a.agendaItemId,
        title: a.title,
        owner: a.ownerPersonId ? { id: a.ownerPersonId, name: a.ownerName ?? '' } : null,
        organisationName: a.organisationName,
        dueDate: a.dueDate,
        status: a.status,
      }))
    : input.actions.map((a) => ({
        id: a.id,
        agendaItemId: a.agendaItemId,
        title: a.title,
        owner: ref(a.ownerPersonId),
        organisationName: organisationName(a.organisationId),
        dueDate: a.dueDate,
        status: a.status,
      }));
  const commentViews = input.comments.map((c) => ({
    id: c.id,
    agendaItemId: c.agendaItemId,
    author: ref(c.personId) ?? { id: c.personId, name: '' },
    text: c.text,
    createdAt: c.createdAt,
  }));

  const written = new Map((latest?.body.items ?? []).map((item) => [item.agendaItemId, item]));
  const entries: Omit<MinutesItemView, 'actions' | 'comments'>[] = published
    ? (latest?.body.items ?? []).map((item, index) => ({ ...item, position: index + 1, onAgenda: true }))
    : [
        ...input.agenda.map((item) => ({
          agendaItemId: item.id,
          position: item.position,
          title: item.title,
          onAgenda: true,
          notes: written.get(item.id)?.notes ?? '',
          decision: written.get(item.id)?.decision ?? '',
        })),
        // Text written under an item that has since left the agenda is kept and shown.
        ...(latest?.body.items ?? [])
          .filter((item) => !input.agenda.some((a) => a.id === item.agendaItemId))
          .map((item) => ({ ...item, position: null, onAgenda: false })),
      ];
  const itemIds = new Set(entries.map((e) => e.agendaItemId));
  const items: MinutesItemView[] = entries.map((entry) => ({
    ...entry,
    actions: actionViews.filter((a) => a.agendaItemId === entry.agendaItemId),
    comments: commentViews.filter((c) => c.agendaItemId === entry.agendaItemId),
  }));
  const otherActions = actionViews.filter((a) => a.agendaItemId === null || !itemIds.has(a.agendaItemId));

  const attendanceRows: (RecordedAttendance & { role: Role | null })[] = published
    ? (latest?.body.record?.attendance ?? []).map((row) => ({ ...row, role: roleOf.get(row.personId) ?? null }))
    : input.people
        .filter((p) => memberIds.has(p.id))
        .map((person) => {
          const row = input.presence.find((r) => r.personId === person.id);
          return {
            personId: person.id,
            name: person.name,
            organisationId: person.organisationId,
            organisationName: organisationName(person.organisationId),
            rsvp: row?.rsvp ?? null,
            substituteName: row?.substituteName ?? null,
            presence: row?.presence ?? null,
            substituteForPersonId: row?.substituteForPersonId ?? null,
            substituteForName: ref(row?.substituteForPersonId ?? null)?.name ?? null,
            role: roleOf.get(person.id) ?? null,
          };
        });
  const attendance = groupAttendance(attendanceRows, input.organisations);

  const review = reviewState({ revision, approvals: input.approvals, chairPersonId: meeting.chairPersonId, strategistIds, memberIds });
  const chairApprover = meeting.chairPersonId ?? review.current.find((a) => strategistIds.has(a.personId))?.personId ?? null;
  const stored = latest !== null;
  const held = meeting.startsAt.getTime() <= input.now.getTime();
  const publishBlocker: PublishBlocker | null = !canWrite
    ? 'not-allowed'
    : published
      ? 'published'
      : meeting.status === 'cancelled'
        ? 'cancelled'
        : !held
          ? 'meeting-not-held'
          : !stored || revision < 1
            ? 'not-saved'
            : !review.chairApproved
              ? 'needs-chair'
              : !review.otherApproved
                ? 'needs-other'
                : null;
  const me = member.person.id;
  const approved = review.current.some((a) => a.personId === me);

  return {
    meeting: describeMeeting(meeting, personById),
    version: latest?.version ?? 1,
    status,
    stored,
    revision,
    publishedAt: latest?.publishedAt ?? null,
    publishedBy: ref(latest?.publishedByPersonId ?? null),
    updatedAt: latest?.updatedAt ?? null,
    updatedBy: ref(latest?.updatedByPersonId ?? null),
    versions: input.versions.map((v) => ({
      version: v.version,
      status: v.status,
      publishedAt: v.publishedAt,
      publishedBy: ref(v.publishedByPersonId),
    })),
    items,
    otherActions,
    attendance,
    members: input.people
      .filter((p) => memberIds.has(p.id))
      .map((p) => ({ id: p.id, name: p.name, organisationName: organisationName(p.organisationId) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    review: {
      chairApproved: review.chairApproved,
      otherApproved: review.otherApproved,
      publishable: review.publishable,
      missing: review.missing,
      approvals: input.approvals.map((a) => ({
        person: ref(a.personId) ?? { id: a.personId, name: '' },
        approvedAt: a.approvedAt,
        revision: a.revision,
        current: review.current.includes(a),
        asChair: review.current.includes(a) && a.personId === chairApprover,
      })),
    },
    permissions: {
      edit: canWrite && !published && meeting.status !== 'cancelled',
      approve: !published && stored && !approved,
      approved,
      comment: !published && stored,
      publish: publishBlocker === null,
      publishBlocker,
      correct: canWrite && published,
    },
  };
}

/** By organisation: förvaltningar, then bolag, then others, each in the group's order; no organisation last. */
function groupAttendance(
  rows: readonly (RecordedAttendance & { role: Role | null })[],
  organisations: readonly Organisation[],
): AttendanceGroupView[] {
  const groups = new Map<string, AttendanceGroupView>();
  const keyOf = (row: RecordedAttendance): string => row.organisationId ?? (row.organisationName ? `name:${row.organisationName}` : '');
  for (const row of rows) {
    const key = keyOf(row);
    let group = groups.get(key);
    if (!group) {
      const organisation = organisations.find((o) => o.id === row.organisationId);
      group = {
        organisation:
          key === ''
            ? null
            : { id: row.organisationId, name: organisation?.name ?? row.organisationName ?? '', kind: organisation?.kind ?? null },
        people: [],
      };
      groups.set(key, group);
    }
    group.people.push({
      personId: row.personId,
      name: row.name,
      role: row.role,
      rsvp: row.rsvp,
      substituteName: row.substituteName,
      presence: row.presence,
      substituteForPersonId: row.substituteForPersonId,
      substituteForName: row.substituteForName,
    });
  }
  const order = (group: AttendanceGroupView): number => {
    if (!group.organisation) return Number.MAX_SAFE_INTEGER;
    const index = organisations.findIndex((o) => o.id === group.organisation?.id);
    const kind = group.organisation.kind ? KIND_ORDER[group.organisation.kind] : 3;
    return kind * 10_000 + (index < 0 ? 9_999 : index);
  };
  return [...groups.values()]
    .sort((a, b) => order(a) - order(b))
    .map((group) => ({ ...group, people: group.people.sort((a, b) => a.name.localeCompare(b.name, 'sv')) }));
}
