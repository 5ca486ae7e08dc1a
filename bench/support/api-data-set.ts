/**
 * The API case's data set: three years of three groups, as issue 9 sizes it — 8 meetings a year
 * each (72 meetings), 15 agenda items per meeting, 1 500 proposals, 100 people. Written straight
 * through the storage repositories, one transaction per group, because the seeding is
 * arrangement and the use cases would take minutes to get there one request at a time.
 */
import { randomUUID } from 'node:crypto';
import type { Repositories, UnitOfWork } from '../../bot/src/app/ports/repositories';
import { seedDemoGroup, type GroupSeed } from '../../bot/src/app/seed-demo-group';
import type { AgendaItem } from '../../bot/src/domain/agenda-item';
import { DEFAULT_GROUP_SETTINGS } from '../../bot/src/domain/group';
import { PROPOSAL_KINDS, type Proposal, type ProposalStatus } from '../../bot/src/domain/proposal';

export const TENANT = 'bench-api-tenant';
export const GROUPS = 3;
export const MEETINGS_A_YEAR = 8;
export const ITEMS_PER_MEETING = 15;
export const PROPOSALS = 1500;
export const PEOPLE = 100;
/** Who the timed requests are made as: the first strategist, in every group. */
export const STRATEGIST_EMAIL = 'person1@kommun.example';

/** How a held meeting's proposals were decided: most accepted, some declined or deferred. */
const DECIDED: readonly ProposalStatus[] = ['accepted', 'accepted', 'accepted', 'declined', 'deferred'];

const email = (n: number): string => `person${n}@kommun.example`;

/** Group `g` (1-based): both strategists, and every third of the other 98 people. */
export function groupSeed(g: number): GroupSeed {
  const people: GroupSeed['people'] = [];
  for (let n = 1; n <= PEOPLE; n += 1) {
    if (n > 2 && n % GROUPS !== g - 1) continue;
    people.push({
      name: `Person ${n}`,
      email: email(n),
      aadObjectId: null,
      organisation: `org${n % 6}`,
      role: n <= 2 ? 'strategist' : n % 10 === 0 ? 'substitute' : 'delegate',
    });
  }
  return {
    tenant: { id: TENANT, name: 'Benchkommun' },
    group: { name: `Grupp ${g}`, description: `Benchgrupp ${g}`, teamId: null, m365GroupId: null, settings: DEFAULT_GROUP_SETTINGS },
    organisations: Array.from({ length: 6 }, (_, i) => ({ key: `org${i}`, name: `Förvaltning ${i + 1}`, kind: 'forvaltning' as const })),
    people,
    goals: [{ framework: 'local', number: 1, name: 'Minskad klimatpåverkan' }],
    meetings: {
      pattern: { count: MEETINGS_A_YEAR, weekday: 3, occurrence: 2, startTime: '13:00', months: [1, 2, 3, 5, 6, 9, 10, 11] },
      place: 'Stadshuset',
      onlineUrl: null,
      titlePrefix: 'Möte',
    },
  };
}

export interface DataSet {
  groupIds: string[];
  /** Every group's meetings, oldest first. */
  meetingIds: string[][];
  counts: { meetings: number; agendaItems: number; proposals: number; people: number };
}

/**
 * Last year, this year and next (so there are held meetings, the next one, and a plan ahead).
 * The proposals are spread evenly over the meetings; a past meeting's are decided (accepted,
 * declined, deferred), a coming one's submitted. Each meeting's agenda: the standing items, its
 * accepted proposals, and items of the strategist's own up to 15.
 */
export async function seedDataSet(unitOfWork: UnitOfWork, now: Date): Promise<DataSet> {
  const clock = { now: () => now };
  const year = now.getFullYear();
  const groupIds: string[] = [];
  for (let g = 1; g <= GROUPS; g += 1) {
    const seeded = await seedDemoGroup({ unitOfWork, clock, ids: randomUUID }, groupSeed(g), [year - 1, year, year + 1]);
    groupIds.push(seeded.groupId);
  }
  const meetingIds: string[][] = [];
  let agendaItems = 0;
  let proposals = 0;
  const perGroup = PROPOSALS / GROUPS;
  for (const groupId of groupIds) {
    const counted = await unitOfWork.transaction(async (repos) => seedGroupWork(repos, groupId, perGroup, now));
    meetingIds.push(counted.meetingIds);
    agendaItems += counted.agendaItems;
    proposals += counted.proposals;
  }
  return {
    groupIds,
    meetingIds,
    counts: { meetings: meetingIds.flat().length, agendaItems, proposals, people: PEOPLE },
  };
}

async function seedGroupWork(
  repos: Repositories,
  groupId: string,
  proposalCount: number,
  now: Date,
): Promise<{ meetingIds: string[]; agendaItems: number; proposals: number }> {
  // One after another: a transaction holds one connection (pg warns of queries queued on one client).
  const meetings = await repos.meetings.listByGroup(TENANT, groupId);
  const people = await repos.people.listByGroup(TENANT, groupId);
  const memberships = await repos.memberships.listByGroup(TENANT, groupId);
  const group = await repos.groups.find(TENANT, groupId);
  if (!group) throw new Error(`group ${groupId} not seeded`);
  meetings.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const proposers = people.filter((p) => memberships.some((m) => m.personId === p.id && m.role !== 'strategist'));
  const byMeeting = new Map<string, Proposal[]>(meetings.map((m) => [m.id, []]));
  for (let i = 0; i < proposalCount; i += 1) {
    const meeting = meetings[i % meetings.length];
    const proposer = proposers[i % proposers.length];
    if (!meeting || !proposer) throw new Error('the group has no meetings or no proposers');
    const past = meeting.startsAt.getTime() < now.getTime();
    const status: ProposalStatus = past ? (DECIDED[i % DECIDED.length] ?? 'accepted') : 'submitted';
    const created = new Date(meeting.startsAt.getTime() - (20 + (i % 10)) * 86_400_000);
    const proposal: Proposal = {
      id: randomUUID(),
      tenantId: TENANT,
      groupId,
      title: `Förslag ${i + 1}`,
      description: `Beskrivning av förslag ${i + 1}. `.repeat(8),
      kind: PROPOSAL_KINDS[i % PROPOSAL_KINDS.length] ?? 'diskussion',
      organisationId: proposer.organisationId,
      proposerPersonId: proposer.id,
      meetingId: meeting.id,
      requestedMeetingId: meeting.id,
      late: false,
      minutesNeeded: 10 + (i % 4) * 5,
      goalIds: [],
      status,
      decisionNote: status === 'declined' ? 'Passar bättre i en annan grupp.' : null,
      submissionKey: null,
      createdAt: created,
      updatedAt: created,
    };
    await repos.proposals.save(proposal);
    byMeeting.get(meeting.id)?.push(proposal);
  }
  let agendaItems = 0;
  const standing = group.settings.standingItems;
  for (const meeting of meetings) {
    const accepted = (byMeeting.get(meeting.id) ?? []).filter((p) => p.status === 'accepted');
    const items: Omit<AgendaItem, 'position'>[] = [
      ...standing.map((s) => ({ title: s.title, durationMinutes: s.minutes, presenterPersonId: null, proposalId: null, standing: true })),
      ...accepted.map((p) => ({
        title: p.title,
        durationMinutes: p.minutesNeeded,
        presenterPersonId: p.proposerPersonId,
        proposalId: p.id,
        standing: false,
      })),
    ]
      .slice(0, ITEMS_PER_MEETING)
      .map((item) => ({ id: randomUUID(), tenantId: TENANT, groupId, meetingId: meeting.id, ...item }));
    while (items.length < ITEMS_PER_MEETING)
      items.push({
        id: randomUUID(),
        tenantId: TENANT,
        groupId,
        meetingId: meeting.id,
        title: `Punkt ${items.length + 1}`,
        durationMinutes: 5,
        presenterPersonId: null,
        proposalId: null,
        standing: false,
      });
    await repos.agendaItems.replaceForMeeting(
      TENANT,
      meeting.id,
      items.map((item, i) => ({ ...item, position: i + 1 })),
    );
    agendaItems += items.length;
  }
  return { meetingIds: meetings.map((m) => m.id), agendaItems, proposals: proposalCount };
}
