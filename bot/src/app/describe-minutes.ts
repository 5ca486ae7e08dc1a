/** Builds the minutes view from what was read: pure, so every reading use case answers the same way. */
import type { AgendaItem } from '../domain/agenda-item';
import type { Membership, Role } from '../domain/membership';
import {
  type ActionItem,
  type Minutes,
  type MinutesApproval,
  type MinutesComment,
  type MinutesStatus,
  type PresenceRecord,
  type RecordedAction,
  type RecordedAttendance,
} from '../domain/minutes';
import { reviewState } from '../domain/minutes-review';
import type { Publication } from '../domain/publication';
import type { Organisation, OrganisationKind } from '../domain/organisation';
import type { Person } from '../domain/person';
import { describeMeeting } from './describe-meeting';
import type { MinutesAccess } from './minutes-access';
import type {
  PersonRef,
  MinutesActionView,
  MinutesItemView,
  AttendanceGroupView,
  PublishBlocker,
  MinutesView,
  PublicationView,
} from './minutes-view';

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
  /** The publishing job's record of the latest version, once published. */
  publication?: Publication | null;
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
    ? (latest?.body.record?.actions ?? []).map(recordedActionView)
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
    publication: input.publication && published ? publicationView(input.publication, canWrite) : null,
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

/**
 * How far the document, the mail and the announcement have come. Failures say what, never to
 * whom, and only to the writers, who can act on them (e.g. ask IT about a Graph permission).
 */
function publicationView(p: Publication, canWrite: boolean): PublicationView {
  return {
    state: p.completedAt ? 'done' : p.attempts > 0 ? 'retrying' : 'working',
    documentUrl: p.documentUrl,
    documentStored: p.documentStoredAt !== null,
    mailed: p.mailedAt !== null,
    recipients: p.recipients.length,
    announced: p.announcedAt !== null,
    completedAt: p.completedAt,
    lastError: p.completedAt || !canWrite ? null : p.lastError,
    nextAttemptAt: p.completedAt ? null : p.nextAttemptAt,
  };
}

/** An action as the published record keeps it. */
export function recordedActionView(a: RecordedAction): MinutesActionView {
  return {
    id: a.id,
    agendaItemId: a.agendaItemId,
    title: a.title,
    owner: a.ownerPersonId ? { id: a.ownerPersonId, name: a.ownerName ?? '' } : null,
    organisationName: a.organisationName,
    dueDate: a.dueDate,
    status: a.status,
  };
}

/** By organisation: förvaltningar, then bolag, then others, each in the group's order; no organisation last. */
export function groupAttendance(
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
