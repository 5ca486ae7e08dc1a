/**
 * The repository ports. Every read and write names the tenant: one deployment hosts many
 * municipalities, and no query may cross from one to another.
 */
import type { ActionLedgerRepository } from './action-ledger-repository';
import type { PersonalDataStore } from './personal-data';
import type { CompetenceRepository } from './competence-repository';
import type { GoalTagRepository } from './goal-tag-repository';
import type { AgendaItem } from '../../domain/agenda-item';
import type { Attendance } from '../../domain/attendance';
import type { AuditEvent, RecordedAuditEvent } from '../../domain/audit';
import type { CallResponse } from '../../domain/call-response';
import type { ConversationRecord } from '../../domain/conversation';
import type { Delivery, DeliveryState } from '../../domain/delivery';
import type { Goal, GoalWithState } from '../../domain/goal';
import type { Group } from '../../domain/group';
import type { Meeting } from '../../domain/meeting';
import type { Membership } from '../../domain/membership';
import type { Organisation } from '../../domain/organisation';
import type { Person } from '../../domain/person';
import type { Proposal, ProposalStatus } from '../../domain/proposal';
import type {
  ActionItem,
  Minutes,
  MinutesApproval,
  MinutesComment,
  MinutesStatus,
  PresenceMark,
  PresenceRecord,
} from '../../domain/minutes';
import type { MeetingCalendarRepository, PublicationRepository, ReReportRepository } from './publication-repositories';
import type { ActionStatusRepository, TimedPlanRepository, TimedRunRepository } from './timed-work-repositories';
import type { ReportSourceRepository } from './report-repositories';
import type { TipRepository } from './tip-repository';
import type { SubGroupRepository } from './sub-group-repository';
import type { SearchIndex } from './search-index';

export interface Tenant {
  id: string;
  name: string;
}

export interface TenantRepository {
  save(tenant: Tenant): Promise<void>;
  find(id: string): Promise<Tenant | null>;
}

export interface GroupRepository {
  save(group: Group): Promise<void>;
  find(tenantId: string, groupId: string): Promise<Group | null>;
  listByTenant(tenantId: string): Promise<Group[]>;
  findByName(tenantId: string, name: string): Promise<Group | null>;
  findByTeamId(tenantId: string, teamId: string): Promise<Group | null>;
}

export interface OrganisationRepository {
  save(organisation: Organisation): Promise<void>;
  listByGroup(tenantId: string, groupId: string): Promise<Organisation[]>;
}

export interface PersonRepository {
  save(person: Person): Promise<void>;
  find(tenantId: string, personId: string): Promise<Person | null>;
  findByAadObjectId(tenantId: string, aadObjectId: string): Promise<Person | null>;
  findByEmail(tenantId: string, email: string): Promise<Person | null>;
  listByGroup(tenantId: string, groupId: string): Promise<Person[]>;
}

export interface MembershipRepository {
  save(membership: Membership): Promise<void>;
  listByGroup(tenantId: string, groupId: string): Promise<Membership[]>;
  listByPerson(tenantId: string, personId: string): Promise<Membership[]>;
  /**
   * The person, their membership in `groupId` (in their first group by name when null) and that
   * group, in one read; null when any of the three is missing. Every use case that acts for
   * someone starts with it (find-member.ts), so it is one round trip, not three.
   */
  findMember(tenantId: string, personId: string, groupId: string | null): Promise<MemberRecord | null>;
}

export interface MemberRecord {
  person: Person;
  group: Group;
  membership: Membership;
}

export interface MeetingRepository {
  save(meeting: Meeting): Promise<void>;
  /**
   * Holds the meeting's row until the transaction ends: a second change (the other strategist,
   * another instance) waits, then reads what the first stored. Only inside a unit of work.
   */
  lock(tenantId: string, meetingId: string): Promise<void>;
  find(tenantId: string, meetingId: string): Promise<Meeting | null>;
  /** Meetings starting in [from, to), in time order. */
  listByGroup(tenantId: string, groupId: string, range?: { from: Date; to: Date }): Promise<Meeting[]>;
  /** Holds the group's plan until the transaction ends, so two plans of one group run one after the other. */
  lockPlan(tenantId: string, groupId: string): Promise<void>;
}

export interface GoalRepository {
  save(goal: Goal): Promise<void>;
  /** Shared goals plus the group's own, in framework and number order; retired ones left out. */
  listForGroup(tenantId: string, groupId: string): Promise<Goal[]>;
  /** As listForGroup, with the retired local goals too (the goal overview: their tags still count). */
  listWithRetired(tenantId: string, groupId: string): Promise<GoalWithState[]>;
  find(tenantId: string, goalId: string): Promise<GoalWithState | null>;
  /** A new local goal of the group, numbered after its last one (retired ones included). */
  addLocal(goal: { id: string; tenantId: string; groupId: string; name: string }): Promise<Goal>;
  /** Renames and/or retires (a date) or restores (null) a goal. */
  update(tenantId: string, goalId: string, change: { name?: string; retiredAt?: Date | null }): Promise<void>;
}

export interface ConversationRepository {
  /** Insert or replace by (tenant, conversation id). */
  save(record: ConversationRecord): Promise<void>;
  find(tenantId: string, conversationId: string): Promise<ConversationRecord | null>;
  /** The person's personal chat with the bot, the most recently updated if there are several. */
  findPersonal(tenantId: string, personId: string): Promise<ConversationRecord | null>;
  /** A channel of the group's team, the most recently updated if there are several. */
  findGroupChannel(tenantId: string, groupId: string): Promise<ConversationRecord | null>;
}

export interface DeliveryRepository {
  /**
   * The delivery with this key; created as pending (attempts 0) when there is none. Two callers
   * claiming one key at once get the same row.
   */
  claim(delivery: Pick<Delivery, 'id' | 'tenantId' | 'groupId' | 'kind' | 'target' | 'deliveryKey' | 'updatedAt'>): Promise<Delivery>;
  /**
   * Takes the delivery for sending until `leaseUntil`: only when it is pending, failed, or
   * leased by a sender whose lease ran out before `now`. Null when someone else has it or it
   * is sent — then the caller must not send.
   */
  lease(tenantId: string, deliveryKey: string, now: Date, leaseUntil: Date): Promise<Delivery | null>;
  save(delivery: Delivery): Promise<void>;
  /** Newest first; optionally one kind, some states, and keys starting with a prefix. */
  listByGroup(
    tenantId: string,
    groupId: string,
    filter?: { kind?: string; states?: readonly DeliveryState[]; keyPrefix?: string },
  ): Promise<Delivery[]>;
}

export interface AttendanceRepository {
  /** Insert or replace by (tenant, meeting, person). */
  save(attendance: Attendance): Promise<void>;
  find(tenantId: string, meetingId: string, personId: string): Promise<Attendance | null>;
  listByMeeting(tenantId: string, meetingId: string): Promise<Attendance[]>;
}

export interface CallResponseRepository {
  /** Insert or replace by (tenant, meeting, person). */
  save(response: CallResponse): Promise<void>;
  listByMeeting(tenantId: string, meetingId: string): Promise<CallResponse[]>;
}

export interface ProposalRepository {
  /** Insert or update by (tenant, id); the goal tags are replaced by the proposal's list. */
  save(proposal: Proposal): Promise<void>;
  /**
   * Saves only when the stored proposal still has `expectedUpdatedAt`, i.e. nobody changed it
   * since it was read; false otherwise, and nothing is written.
   */
  saveIfUnchanged(proposal: Proposal, expectedUpdatedAt: Date): Promise<boolean>;
  find(tenantId: string, proposalId: string): Promise<Proposal | null>;
  /** The proposal a form with this one-time key already stored, if any. */
  findBySubmissionKey(tenantId: string, submissionKey: string): Promise<Proposal | null>;
  /** Newest first. */
  listByProposer(tenantId: string, personId: string): Promise<Proposal[]>;
  /** Oldest first, optionally for one meeting and/or some statuses. */
  listByGroup(
    tenantId: string,
    groupId: string,
    filter?: { meetingId?: string; statuses?: readonly ProposalStatus[] },
  ): Promise<Proposal[]>;
  /**
   * Oldest first: what the agenda builder offers for a meeting — the proposals submitted or
   * deferred to it, and the submitted ones not yet placed — read in SQL, not picked from all.
   */
  listBacklog(tenantId: string, groupId: string, meetingId: string): Promise<Proposal[]>;
}

export interface AgendaItemRepository {
  /** In agenda order. */
  listByMeeting(tenantId: string, meetingId: string): Promise<AgendaItem[]>;
  /**
   * Makes the meeting's stored agenda exactly `items` (in their positions): new ones inserted,
   * existing ones updated, the rest removed. Run it in a transaction with the revision check.
   */
  replaceForMeeting(tenantId: string, meetingId: string, items: readonly AgendaItem[]): Promise<void>;
}

/** Versions of a meeting's minutes. Published versions are never changed or removed. */
export interface MinutesRepository {
  /** Every version, oldest first. */
  listVersions(tenantId: string, meetingId: string): Promise<Minutes[]>;
  /** The newest version, locked until the transaction ends: run it in a unit of work. */
  lockLatest(tenantId: string, meetingId: string): Promise<Minutes | null>;
  /** The newest version of each of the group's meetings that has minutes. */
  listLatestByGroup(
    tenantId: string,
    groupId: string,
  ): Promise<{ meetingId: string; version: number; status: MinutesStatus; publishedAt: Date | null }[]>;
  /** Stores a new version; false when that version exists already (someone else was first). */
  insert(minutes: Minutes): Promise<boolean>;
  /**
   * Writes a draft (its text, revision, status and publication) only while the stored draft
   * still has `expectedRevision`; false otherwise, and nothing is written.
   */
  saveIfUnchanged(minutes: Minutes, expectedRevision: number): Promise<boolean>;
}

/** The light check before publishing: approvals and per-item comments of one version. */
export interface MinutesReviewRepository {
  /** Insert or replace by (tenant, meeting, version, person). */
  approve(approval: MinutesApproval): Promise<void>;
  listApprovals(tenantId: string, meetingId: string, version: number): Promise<MinutesApproval[]>;
  addComment(comment: MinutesComment): Promise<void>;
  /** Oldest first. */
  listComments(tenantId: string, meetingId: string, version: number): Promise<MinutesComment[]>;
}

/** A meeting's action items (the live list; published minutes keep their own copy). */
export interface ActionItemRepository {
  /** In agenda item and position order. */
  listByMeeting(tenantId: string, meetingId: string): Promise<ActionItem[]>;
  /** What a person owns and has not marked done, in every group: the soonest due first. */
  listOpenByOwner(tenantId: string, personId: string): Promise<ActionItem[]>;
  /** A group's actions not marked done, from meetings whose minutes are published: the follow-up list. */
  listOpenByGroup(tenantId: string, groupId: string): Promise<ActionItem[]>;
  find(tenantId: string, id: string): Promise<ActionItem | null>;
  /** Sets an action's status (its owner's answer), nothing else. */
  setStatus(tenantId: string, id: string, status: ActionItem['status'], at: Date): Promise<void>;
  /**
   * Makes the meeting's actions exactly `items`: new ones inserted, existing ones updated, the
   * rest removed. False, with nothing written for an id that belongs to another meeting —
   * run it in a unit of work so the caller can roll back the rest.
   */
  replaceForMeeting(tenantId: string, meetingId: string, items: readonly ActionItem[]): Promise<boolean>;
}

/** Who was there, as the minutes note it, beside the answers to the kallelse. */
export interface PresenceRepository {
  /** Every attendance row of the meeting, with or without an answer or a mark. */
  listByMeeting(tenantId: string, meetingId: string): Promise<PresenceRecord[]>;
  /** Notes presence for these people; their answers to the kallelse stay as they are. */
  record(tenantId: string, groupId: string, meetingId: string, marks: readonly PresenceMark[]): Promise<void>;
}

export interface AuditLog {
  record(event: AuditEvent): Promise<void>;
  listByGroup(tenantId: string, groupId: string, limit: number): Promise<AuditEvent[]>;
  /**
   * A page of the group's events, newest first: those after the event `before` (its id) in that
   * order, or from the newest when null. An id that is not one of the group's events gives none.
   */
  listPage(tenantId: string, groupId: string, page: { limit: number; before: string | null }): Promise<RecordedAuditEvent[]>;
}

export interface Repositories {
  tenants: TenantRepository;
  groups: GroupRepository;
  organisations: OrganisationRepository;
  people: PersonRepository;
  memberships: MembershipRepository;
  meetings: MeetingRepository;
  goals: GoalRepository;
  goalTags: GoalTagRepository;
  proposals: ProposalRepository;
  deliveries: DeliveryRepository;
  callResponses: CallResponseRepository;
  attendance: AttendanceRepository;
  agendaItems: AgendaItemRepository;
  minutes: MinutesRepository;
  minutesReview: MinutesReviewRepository;
  actionItems: ActionItemRepository;
  presence: PresenceRepository;
  conversations: ConversationRepository;
  audit: AuditLog;
  publications: PublicationRepository;
  meetingCalendar: MeetingCalendarRepository;
  reReports: ReReportRepository;
  timedPlans: TimedPlanRepository;
  timedRuns: TimedRunRepository;
  actionStatus: ActionStatusRepository;
  actionLedger: ActionLedgerRepository;
  personalData: PersonalDataStore;
  reportSources: ReportSourceRepository;
  competence: CompetenceRepository;
  tips: TipRepository;
  subGroups: SubGroupRepository;
  /** Full-text search over proposals, agenda items, minutes and actions (search.ts decides who sees what). */
  search: SearchIndex;
}

/** Runs work atomically: all of it is stored, or none of it. */
export interface UnitOfWork {
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
}
