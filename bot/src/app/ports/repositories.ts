/**
 * The repository ports. Every read and write names the tenant: one deployment hosts many
 * municipalities, and no query may cross from one to another.
 */
import type { Attendance } from '../../domain/attendance';
import type { AuditEvent } from '../../domain/audit';
import type { CallResponse } from '../../domain/call-response';
import type { ConversationRecord } from '../../domain/conversation';
import type { Delivery, DeliveryState } from '../../domain/delivery';
import type { Goal } from '../../domain/goal';
import type { Group } from '../../domain/group';
import type { Meeting } from '../../domain/meeting';
import type { Membership } from '../../domain/membership';
import type { Organisation } from '../../domain/organisation';
import type { Person } from '../../domain/person';
import type { Proposal, ProposalStatus } from '../../domain/proposal';

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
}

export interface MeetingRepository {
  save(meeting: Meeting): Promise<void>;
  find(tenantId: string, meetingId: string): Promise<Meeting | null>;
  /** Meetings starting in [from, to), in time order. */
  listByGroup(tenantId: string, groupId: string, range?: { from: Date; to: Date }): Promise<Meeting[]>;
}

export interface GoalRepository {
  save(goal: Goal): Promise<void>;
  /** Shared goals plus the group's own, in framework and number order. */
  listForGroup(tenantId: string, groupId: string): Promise<Goal[]>;
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
}

export interface AuditLog {
  record(event: AuditEvent): Promise<void>;
  listByGroup(tenantId: string, groupId: string, limit: number): Promise<AuditEvent[]>;
}

export interface Repositories {
  tenants: TenantRepository;
  groups: GroupRepository;
  organisations: OrganisationRepository;
  people: PersonRepository;
  memberships: MembershipRepository;
  meetings: MeetingRepository;
  goals: GoalRepository;
  proposals: ProposalRepository;
  deliveries: DeliveryRepository;
  callResponses: CallResponseRepository;
  attendance: AttendanceRepository;
  conversations: ConversationRepository;
  audit: AuditLog;
}

/** Runs work atomically: all of it is stored, or none of it. */
export interface UnitOfWork {
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
}
