/**
 * Sub-groups (delgrupper): a few members from several organisations take one matter further on a
 * mandate (uppdrag) from an agenda item, with a convenor (sammankallande) and a deadline (klart
 * senast). Their report-back (återrapportering) goes on the agenda of the group's first meeting
 * after the deadline, and the convenor is reminded before it. Everything here is derived from the
 * sub-group and the group's meetings as they stand, so moving, cancelling or adding a meeting, or
 * a new deadline, moves the report-back with no bookkeeping of its own.
 */
import type { AgendaItem } from './agenda-item';
import type { Meeting } from './meeting';
import type { StandingItemTemplate } from './standing-items';
import { toStockholm } from './stockholm-time';

export type SubGroupStatus = 'active' | 'reported' | 'closed';

export const SUB_GROUP_STATUSES: readonly SubGroupStatus[] = ['active', 'reported', 'closed'];

export const SUB_GROUP_LIMITS = { nameMax: 120, mandateMax: 2000, membersMax: 30 } as const;

export interface SubGroup {
  id: string;
  tenantId: string;
  groupId: string;
  name: string;
  /** Uppdraget: what the sub-group is asked to do. */
  mandate: string;
  /** The agenda item it was started from (its meeting, and the item's title then). */
  originMeetingId: string;
  originAgendaItemId: string;
  originItemTitle: string;
  /** Null once the convenor's data was erased; the strategists name a new one. */
  convenorPersonId: string | null;
  memberPersonIds: string[];
  /** Klart senast, a Stockholm calendar day `YYYY-MM-DD`. */
  deadline: string;
  status: SubGroupStatus;
  createdAt: Date;
  updatedAt: Date;
}

/** How long the report-back item takes on the agenda unless a strategist changes it. */
export const REPORT_BACK_MINUTES = 10;

const pad = (n: number) => String(n).padStart(2, '0');

/** The Stockholm calendar day of an instant, `YYYY-MM-DD`. */
export function stockholmDay(instant: Date): string {
  const local = toStockholm(instant);
  return `${local.year}-${pad(local.month)}-${pad(local.day)}`;
}

/**
 * The meeting the sub-group reports back at: the group's first meeting, not cancelled, on a
 * Stockholm day after the deadline. A meeting on the deadline day itself does not count: the
 * sub-group has all of that day to finish (klart senast), so it reports at the next one. Null when
 * no such meeting is planned yet.
 */
export function reportBackMeeting<M extends Pick<Meeting, 'startsAt' | 'status'>>(deadline: string, meetings: readonly M[]): M | null {
  const after = meetings
    .filter((m) => m.status !== 'cancelled' && stockholmDay(m.startsAt) > deadline)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return after[0] ?? null;
}

/** The organisations the members come from; the issue asks for members from several. */
export type SubGroupWarning = 'one-organisation';

export function subGroupWarnings(memberOrganisationIds: readonly (string | null)[]): SubGroupWarning[] {
  const organisations = new Set(memberOrganisationIds.filter((id): id is string => id !== null));
  return organisations.size < 2 ? ['one-organisation'] : [];
}

export function reportBackTitle(name: string): string {
  return `Återrapportering: ${name}`;
}

/**
 * The report-back item's id on a meeting's agenda: named by the sub-group and the meeting, so it
 * is the same row however often the agenda is composed (never twice), and an item of a sub-group
 * that no longer reports at this meeting is known as such. FNV-1a 128, no I/O needed.
 */
export function reportBackItemId(subGroupId: string, meetingId: string): string {
  let hash = 0x6c62272e07bb014262b821756295c58dn;
  const prime = 0x0000000001000000000000000000013bn;
  const mask = (1n << 128n) - 1n;
  for (const char of `${subGroupId}\u0000${meetingId}`) {
    hash ^= BigInt(char.codePointAt(0) ?? 0);
    hash = (hash * prime) & mask;
  }
  return `rb-${hash.toString(16).padStart(32, '0')}`;
}

/** A sub-group to report at a meeting: its item's title and presenter (the convenor, when a member). */
export interface ReportBack {
  subGroupId: string;
  title: string;
  presenterPersonId: string | null;
}

/**
 * The active sub-groups whose report-back is due at `meeting`, in deadline order.
 */
export function reportBacksAt(
  meeting: Pick<Meeting, 'id'>,
  subGroups: readonly SubGroup[],
  meetings: readonly Pick<Meeting, 'id' | 'startsAt' | 'status'>[],
  memberIds: ReadonlySet<string>,
): ReportBack[] {
  return subGroups
    .filter((s) => s.status === 'active' && reportBackMeeting(s.deadline, meetings)?.id === meeting.id)
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id))
    .map((s) => ({
      subGroupId: s.id,
      title: reportBackTitle(s.name),
      presenterPersonId: s.convenorPersonId !== null && memberIds.has(s.convenorPersonId) ? s.convenorPersonId : null,
    }));
}

/**
 * Puts the report-backs due at a meeting on its agenda, once each: an item already there keeps
 * its place and title (the strategists' work) and gets the current convenor as presenter; a
 * missing one goes before the closing standing items; the item of a sub-group that no longer
 * reports here (new deadline, reported, closed, an earlier meeting now comes first) drops out.
 */
export function placeReportBacks(input: {
  items: readonly AgendaItem[];
  meeting: Pick<Meeting, 'id' | 'tenantId' | 'groupId'>;
  reportBacks: readonly ReportBack[];
  /** Every sub-group of the group, to know their items on this meeting's agenda. */
  allSubGroupIds: readonly string[];
  template: readonly StandingItemTemplate[];
}): { items: AgendaItem[]; changed: boolean } {
  const { meeting } = input;
  const wanted = new Map(input.reportBacks.map((r) => [reportBackItemId(r.subGroupId, meeting.id), r]));
  const ours = new Set(input.allSubGroupIds.map((id) => reportBackItemId(id, meeting.id)));
  const kept = input.items
    .filter((item) => !ours.has(item.id) || wanted.has(item.id))
    .map((item) => {
      const report = wanted.get(item.id);
      return report ? { ...item, presenterPersonId: report.presenterPersonId } : item;
    });
  const present = new Set(kept.map((item) => item.id));
  const missing: AgendaItem[] = [...wanted]
    .filter(([id]) => !present.has(id))
    .map(([id, report]) => ({
      id,
      tenantId: meeting.tenantId,
      groupId: meeting.groupId,
      meetingId: meeting.id,
      position: 0,
      title: report.title,
      durationMinutes: REPORT_BACK_MINUTES,
      presenterPersonId: report.presenterPersonId,
      proposalId: null,
      standing: false,
    }));
  let items = kept;
  if (missing.length > 0) {
    const closingTitles = new Set(input.template.filter((t) => t.placement === 'closing').map((t) => t.title));
    let at = items.length;
    const closing = (item: AgendaItem | undefined) => item !== undefined && item.standing && closingTitles.has(item.title);
    while (at > 0 && closing(items[at - 1])) at -= 1;
    items = [...items.slice(0, at), ...missing, ...items.slice(at)];
  }
  const positioned = items.map((item, index) => ({ ...item, position: index + 1 }));
  const changed =
    positioned.length !== input.items.length ||
    positioned.some((item, index) => {
      const before = input.items[index];
      return item.id !== before?.id || item.position !== before.position || item.presenterPersonId !== before.presenterPersonId;
    });
  return { items: positioned, changed };
}

/** Why a sub-group's fields are refused; the use case turns it into a Swedish 4xx. */
export type SubGroupProblem =
  'no-members' | 'too-many-members' | 'member-not-in-group' | 'convenor-not-member' | 'bad-deadline' | 'bad-name' | 'bad-mandate';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDay(text: string): boolean {
  const match = ISO_DAY.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 2000 && year <= 2100;
}

export function checkSubGroup(
  fields: Pick<SubGroup, 'name' | 'mandate' | 'deadline' | 'memberPersonIds' | 'convenorPersonId'>,
  groupMemberIds: ReadonlySet<string>,
  /** A change that leaves an erased convenor as it is (the sub-group is closed, say) is let through. */
  options: { allowNoConvenor?: boolean } = {},
): SubGroupProblem | null {
  const name = fields.name.trim();
  if (name.length === 0 || name.length > SUB_GROUP_LIMITS.nameMax) return 'bad-name';
  const mandate = fields.mandate.trim();
  if (mandate.length === 0 || mandate.length > SUB_GROUP_LIMITS.mandateMax) return 'bad-mandate';
  if (!isCalendarDay(fields.deadline)) return 'bad-deadline';
  if (fields.memberPersonIds.length === 0) return 'no-members';
  if (fields.memberPersonIds.length > SUB_GROUP_LIMITS.membersMax) return 'too-many-members';
  if (fields.memberPersonIds.some((id) => !groupMemberIds.has(id))) return 'member-not-in-group';
  if (fields.convenorPersonId === null) return options.allowNoConvenor ? null : 'convenor-not-member';
  if (!fields.memberPersonIds.includes(fields.convenorPersonId)) return 'convenor-not-member';
  return null;
}
