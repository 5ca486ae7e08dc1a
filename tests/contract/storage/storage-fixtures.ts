/** Builders for storage contract tests: valid rows with fresh ids, overridable per test. */
import { randomUUID } from 'node:crypto';
import type { DeliveryRepository, Repositories, Tenant } from '../../../bot/src/app/ports/repositories';
import type { Attendance } from '../../../bot/src/domain/attendance';
import type { CallResponse } from '../../../bot/src/domain/call-response';
import type { ConversationRecord } from '../../../bot/src/domain/conversation';
import type { Goal } from '../../../bot/src/domain/goal';
import { DEFAULT_GROUP_SETTINGS, type Group } from '../../../bot/src/domain/group';
import type { Meeting } from '../../../bot/src/domain/meeting';
import type { Organisation } from '../../../bot/src/domain/organisation';
import type { Person } from '../../../bot/src/domain/person';
import type { Proposal } from '../../../bot/src/domain/proposal';

export const id = (): string => randomUUID();

export function aTenant(overrides: Partial<Tenant> = {}): Tenant {
  return { id: id(), name: 'Trollhättans Stad', ...overrides };
}

export function aGroup(tenantId: string, overrides: Partial<Group> = {}): Group {
  return {
    id: id(),
    tenantId,
    name: 'Ekologiska hållbarhetsgruppen',
    description: 'Tvärförvaltningsgrupp',
    teamId: null,
    settings: { ...DEFAULT_GROUP_SETTINGS },
    ...overrides,
  };
}

export function anOrganisation(tenantId: string, groupId: string, overrides: Partial<Organisation> = {}): Organisation {
  return { id: id(), tenantId, groupId, name: 'Samhällsbyggnadsförvaltningen', kind: 'forvaltning', ...overrides };
}

export function aPerson(tenantId: string, overrides: Partial<Person> = {}): Person {
  return {
    id: id(),
    tenantId,
    aadObjectId: null,
    name: 'Anna Andersson',
    email: `${id()}@example.se`,
    organisationId: null,
    ...overrides,
  };
}

export function aMeeting(tenantId: string, groupId: string, overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: id(),
    tenantId,
    groupId,
    title: 'Gruppmöte',
    startsAt: new Date('2026-03-11T12:00:00.000Z'),
    durationMinutes: 120,
    place: 'Stadshuset, rum 3',
    onlineUrl: null,
    chairPersonId: null,
    status: 'planned',
    ...overrides,
  };
}

export function aGoal(tenantId: string, overrides: Partial<Goal> = {}): Goal {
  return { id: id(), tenantId, groupId: null, framework: 'sdg', number: 13, name: 'Bekämpa klimatförändringarna', ...overrides };
}

/** A tenant and one group in it, stored. */
export async function seedTenantWithGroup(
  repositories: Repositories,
  groupOverrides: Partial<Group> = {},
): Promise<{ tenant: Tenant; group: Group }> {
  const tenant = aTenant();
  await repositories.tenants.save(tenant);
  const group = aGroup(tenant.id, groupOverrides);
  await repositories.groups.save(group);
  return { tenant, group };
}

export function aProposal(tenantId: string, groupId: string, proposerPersonId: string, overrides: Partial<Proposal> = {}): Proposal {
  return {
    id: id(),
    tenantId,
    groupId,
    title: 'Klimatanpassning av skolgårdar',
    description: 'Hur fler träd och mindre asfalt ger svalare skolgårdar.',
    kind: 'diskussion',
    organisationId: null,
    proposerPersonId,
    meetingId: null,
    requestedMeetingId: null,
    late: false,
    minutesNeeded: 20,
    goalIds: [],
    status: 'submitted',
    decisionNote: null,
    submissionKey: null,
    createdAt: new Date('2026-02-02T08:15:00.000Z'),
    updatedAt: new Date('2026-02-02T08:15:00.000Z'),
    ...overrides,
  };
}

/** What a fan-out passes to `DeliveryRepository.claim`: one message to one person. */
export type DeliveryClaim = Parameters<DeliveryRepository['claim']>[0];

export function aDeliveryClaim(tenantId: string, groupId: string, overrides: Partial<DeliveryClaim> = {}): DeliveryClaim {
  const target = `person:${id()}`;
  return {
    id: id(),
    tenantId,
    groupId,
    kind: 'call-for-proposals',
    target,
    deliveryKey: `call-for-proposals:${id()}:${target}`,
    updatedAt: new Date('2026-02-10T07:00:00.000Z'),
    ...overrides,
  };
}

export function aCallResponse(
  tenantId: string,
  groupId: string,
  meetingId: string,
  personId: string,
  overrides: Partial<CallResponse> = {},
): CallResponse {
  return {
    tenantId,
    groupId,
    meetingId,
    personId,
    answer: 'nothing-to-propose',
    at: new Date('2026-02-12T09:30:00.000Z'),
    ...overrides,
  };
}

export function anAttendance(
  tenantId: string,
  groupId: string,
  meetingId: string,
  personId: string,
  overrides: Partial<Attendance> = {},
): Attendance {
  return {
    tenantId,
    groupId,
    meetingId,
    personId,
    rsvp: 'yes',
    substituteName: null,
    updatedAt: new Date('2026-03-02T10:00:00.000Z'),
    ...overrides,
  };
}

export function aConversation(tenantId: string, overrides: Partial<ConversationRecord> = {}): ConversationRecord {
  const conversationId = `a:${id()}`;
  return {
    tenantId,
    conversationId,
    kind: 'personal',
    personId: null,
    groupId: null,
    reference: { conversation: { id: conversationId }, serviceUrl: 'https://smba.trafficmanager.net/emea/' },
    updatedAt: new Date('2026-01-10T08:00:00.000Z'),
    ...overrides,
  };
}
