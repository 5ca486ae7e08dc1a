/**
 * A seeded year for the reports (tests/integration/report-http.test.ts): a group with six
 * organisations and 2026's meetings, stored through the real repositories, with attendance
 * (delegates, substitutes, a meeting where only the kallelse was answered, one where nothing was
 * recorded), proposals with goals, decisions in published minutes (a correction, a draft), actions
 * opened, closed and overdue, competence activities and re-reports. Every record carries a comment
 * saying how it counts, so the figures the test expects can be counted by hand from this file.
 *
 * "Now" is 2026-12-15 13:00 in Stockholm: the December meeting is still to come.
 */
import type { Repositories } from '../../bot/src/app/ports/repositories';
import type { CompetenceActivity } from '../../bot/src/domain/competence';
import type { Meeting } from '../../bot/src/domain/meeting';
import type { ActionItem, Minutes, PresenceMark } from '../../bot/src/domain/minutes';
import type { Proposal } from '../../bot/src/domain/proposal';
import { DEFAULT_GROUP_SETTINGS } from '../../bot/src/domain/group';

export const YEAR_NOW = '2026-12-15T12:00:00Z';
export const T = 'tenant-report';
export const G = 'group-report';
export const M365 = '7d1e2f3a-4b5c-4d6e-8f70-819a2b3c4d5e';

/** Display order (förvaltningar by Swedish name, then the bolag). */
export const ORGS = [
  { id: 'ks', name: 'Kommunstyrelsens förvaltning', kind: 'forvaltning' },
  { id: 'kof', name: 'Kultur- och fritidsförvaltningen', kind: 'forvaltning' },
  { id: 'omf', name: 'Omsorgsförvaltningen', kind: 'forvaltning' },
  { id: 'sbf', name: 'Samhällsbyggnadsförvaltningen', kind: 'forvaltning' },
  { id: 'utb', name: 'Utbildningsförvaltningen', kind: 'forvaltning' },
  { id: 'tea', name: 'Trollhättan Energi AB', kind: 'bolag' },
] as const;

const PEOPLE = [
  { id: 'anna', name: 'Anna Strateg', organisationId: 'ks', role: 'strategist' },
  { id: 'bo', name: 'Bo Strateg', organisationId: 'ks', role: 'strategist' },
  { id: 'dk', name: 'Disa Kultur', organisationId: 'kof', role: 'delegate' },
  { id: 'do', name: 'Dan Omsorg', organisationId: 'omf', role: 'delegate' },
  { id: 'ds', name: 'Dora Samhälle', organisationId: 'sbf', role: 'delegate' },
  { id: 'du', name: 'Dag Utbildning', organisationId: 'utb', role: 'delegate' },
  { id: 'dt', name: 'Tea Energi', organisationId: 'tea', role: 'delegate' },
  // Utbildningsförvaltningen's ersättare: present, she makes utb "represented by substitute".
  { id: 'su', name: 'Siv Ersättare', organisationId: 'utb', role: 'substitute' },
  // A stand-in from outside the group's organisations: counts for whom she stands in for.
  { id: 'sx', name: 'Sam Vikarie', organisationId: null, role: 'guest' },
] as const;

export const GOALS = [
  { id: 'g-sdg13', groupId: null, framework: 'sdg', number: 13, name: 'Bekämpa klimatförändringarna' },
  { id: 'g-mm1', groupId: null, framework: 'miljomal', number: 1, name: 'Begränsad klimatpåverkan' },
  { id: 'g-local1', groupId: G, framework: 'local', number: 1, name: 'Minskad klimatpåverkan och ren luft' },
] as const;

type MeetingSeed = { id: string; at: string; status: Meeting['status'] };
// Held in 2026: M1 M2 M3 M4 M6 M7 M8 M9 (8). M5 cancelled, M10 still to come, M0 is 2025's.
const MEETINGS: MeetingSeed[] = [
  { id: 'm0', at: '2025-11-19T12:00:00Z', status: 'minutes_published' },
  { id: 'm1', at: '2026-01-21T12:00:00Z', status: 'minutes_published' },
  { id: 'm2', at: '2026-02-18T12:00:00Z', status: 'minutes_published' },
  { id: 'm3', at: '2026-03-18T12:00:00Z', status: 'minutes_published' },
  { id: 'm4', at: '2026-04-22T11:00:00Z', status: 'minutes_published' },
  { id: 'm5', at: '2026-05-20T11:00:00Z', status: 'cancelled' },
  { id: 'm6', at: '2026-06-10T11:00:00Z', status: 'minutes_published' },
  { id: 'm7', at: '2026-09-16T11:00:00Z', status: 'minutes_published' },
  // Held, minutes still a draft: its decision and its action do not count yet.
  { id: 'm8', at: '2026-10-14T11:00:00Z', status: 'held' },
  // Held by the clock, but nothing was ever recorded: a column of "unknown".
  { id: 'm9', at: '2026-11-18T12:00:00Z', status: 'called' },
  { id: 'm10', at: '2026-12-17T12:00:00Z', status: 'planned' },
];

const d = (iso: string) => new Date(iso);

export async function seedReportYear(repos: Repositories): Promise<void> {
  await repos.tenants.save({ id: T, name: 'Rapportkommun' });
  await repos.groups.save({
    id: G,
    tenantId: T,
    name: 'Ekologiska hållbarhetsgruppen',
    description: '',
    teamId: null,
    m365GroupId: M365,
    settings: { ...DEFAULT_GROUP_SETTINGS, committeeName: 'Miljöutskottet' },
  });
  for (const o of ORGS) await repos.organisations.save({ ...o, tenantId: T, groupId: G });
  for (const p of PEOPLE) {
    await repos.people.save({
      id: p.id,
      tenantId: T,
      aadObjectId: null,
      name: p.name,
      email: `${p.id}@example.se`,
      organisationId: p.organisationId,
    });
    await repos.memberships.save({ tenantId: T, groupId: G, personId: p.id, role: p.role });
  }
  for (const g of GOALS) await repos.goals.save({ ...g, tenantId: T });
  for (const m of MEETINGS) {
    await repos.meetings.save({
      id: m.id,
      tenantId: T,
      groupId: G,
      title: `Möte ${m.id.toUpperCase()}`,
      startsAt: d(m.at),
      durationMinutes: 120,
      place: 'Stadshuset',
      onlineUrl: null,
      chairPersonId: null,
      status: m.status,
    });
  }

  // --- Attendance. Columns ks kof omf sbf utb tea; D delegate, S substitute, – absent, ? unknown.
  const present = (personId: string): PresenceMark => ({ personId, presence: 'present', substituteForPersonId: null });
  const absent = (personId: string): PresenceMark => ({ personId, presence: 'absent', substituteForPersonId: null });
  const mark = (meetingId: string, marks: PresenceMark[]) => repos.presence.record(T, G, meetingId, marks);
  // M1: D D D D D –
  await mark('m1', [present('anna'), present('dk'), present('do'), present('ds'), present('du'), absent('dt')]);
  // M2: D S D – S D (sx in Disa's place for kof; Siv, utb's ersättare, for utb)
  await mark('m2', [
    present('anna'),
    absent('dk'),
    { personId: 'sx', presence: 'substitute', substituteForPersonId: 'dk' },
    present('do'),
    absent('ds'),
    absent('du'),
    present('su'),
    present('dt'),
  ]);
  // M3: nothing noted at the meeting, the answers stand: D D – S D – (Dora sends an ersättare)
  const rsvp = (personId: string, answer: 'yes' | 'no' | 'substitute') =>
    repos.attendance.save({
      tenantId: T,
      groupId: G,
      meetingId: 'm3',
      personId,
      rsvp: answer,
      substituteName: answer === 'substitute' ? 'Någon från SBF' : null,
      updatedAt: d('2026-03-10T08:00:00Z'),
    });
  await rsvp('anna', 'yes');
  await rsvp('dk', 'yes');
  await rsvp('do', 'no');
  await rsvp('ds', 'substitute');
  await rsvp('du', 'yes');
  await rsvp('dt', 'no');
  // M4: D D D D D D
  await mark('m4', [present('bo'), present('dk'), present('do'), present('ds'), present('du'), present('dt')]);
  // M6: D – D D – –
  await mark('m6', [present('anna'), present('do'), absent('du'), absent('su'), present('ds')]);
  // M7: D D – – – D
  await mark('m7', [present('anna'), present('dk'), present('dt'), absent('ds')]);
  // M8: D – D – D –
  await mark('m8', [present('bo'), present('du'), present('do')]);
  // M9: nothing → ? ? ? ? ? ?

  // --- Proposals. Counted in 2026 unless withdrawn or from 2025.
  const proposal = (
    id: string,
    organisationId: string | null,
    goalIds: string[],
    created: string,
    status: Proposal['status'],
    meetingId: string | null,
  ): Proposal => ({
    id,
    tenantId: T,
    groupId: G,
    title: `Förslag ${id}`,
    description: '',
    kind: 'diskussion',
    organisationId,
    proposerPersonId: 'anna',
    meetingId,
    requestedMeetingId: meetingId,
    late: false,
    minutesNeeded: 15,
    goalIds,
    status,
    decisionNote: null,
    submissionKey: null,
    createdAt: d(created),
    updatedAt: d(created),
  });
  for (const p of [
    proposal('p1', 'kof', ['g-sdg13', 'g-mm1'], '2026-01-05T09:00:00Z', 'accepted', 'm1'),
    proposal('p2', 'kof', ['g-sdg13'], '2026-02-02T09:00:00Z', 'accepted', 'm2'),
    proposal('p3', 'omf', ['g-mm1'], '2026-02-20T09:00:00Z', 'accepted', 'm3'),
    proposal('p4', 'sbf', [], '2026-03-25T09:00:00Z', 'accepted', 'm4'),
    proposal('p5', 'sbf', ['g-local1'], '2026-05-01T09:00:00Z', 'declined', null),
    proposal('p6', 'utb', ['g-sdg13'], '2026-08-20T09:00:00Z', 'accepted', 'm7'),
    proposal('p7', 'utb', ['g-sdg13'], '2026-09-01T09:00:00Z', 'withdrawn', null), // not counted
    proposal('p8', 'tea', ['g-mm1'], '2026-09-20T09:00:00Z', 'accepted', 'm8'),
    proposal('p9', null, ['g-local1'], '2026-10-01T09:00:00Z', 'submitted', null), // "no organisation"
    proposal('p10', 'kof', ['g-sdg13'], '2025-12-10T09:00:00Z', 'accepted', 'm1'), // 2025: not counted; its decision is
    proposal('p11', 'ks', [], '2026-11-20T09:00:00Z', 'submitted', 'm10'),
  ])
    await repos.proposals.save(p);

  // --- Agenda items and minutes. A decision: an item with decision text in the newest published version.
  const item = (id: string, meetingId: string, position: number, proposalId: string | null) => ({
    id,
    tenantId: T,
    groupId: G,
    meetingId,
    position,
    title: `Punkt ${id}`,
    durationMinutes: 15,
    presenterPersonId: null,
    proposalId,
    standing: proposalId === null,
  });
  const agendas: Record<string, ReturnType<typeof item>[]> = {
    m0: [item('a0', 'm0', 1, null)],
    m1: [item('a1', 'm1', 1, 'p1'), item('a2', 'm1', 2, 'p10'), item('a3', 'm1', 3, null)],
    m2: [item('a4', 'm2', 1, 'p2')],
    m3: [item('a5', 'm3', 1, 'p3')],
    m4: [item('a6', 'm4', 1, 'p4'), item('a7', 'm4', 2, null)],
    m6: [item('a8', 'm6', 1, null)],
    m7: [item('a9', 'm7', 1, 'p6')],
    m8: [item('a11', 'm8', 1, 'p8')],
  };
  for (const [meetingId, items] of Object.entries(agendas)) await repos.agendaItems.replaceForMeeting(T, meetingId, items);

  const minutes = (meetingId: string, version: number, decisions: Record<string, string>, published: boolean): Minutes => ({
    tenantId: T,
    groupId: G,
    meetingId,
    version,
    status: published ? 'published' : 'draft',
    revision: 1,
    body: {
      items: (agendas[meetingId] ?? []).map((i) => ({ agendaItemId: i.id, title: i.title, notes: '', decision: decisions[i.id] ?? '' })),
      record: published ? { attendance: [], actions: [] } : null,
    },
    publishedAt: published ? d('2026-12-01T09:00:00Z') : null,
    publishedByPersonId: published ? 'anna' : null,
    createdAt: d('2026-12-01T08:00:00Z'),
    updatedAt: null,
    updatedByPersonId: null,
  });
  await repos.minutes.insert(minutes('m0', 1, { a0: 'Beslut 2025' }, true)); // 2025: not counted
  await repos.minutes.insert(minutes('m1', 1, { a1: 'Kof tar fram en plan', a2: 'Kof utreder' }, true)); // 2 (kof, kof)
  await repos.minutes.insert(minutes('m2', 1, {}, true)); // a4 only discussed: 0
  await repos.minutes.insert(minutes('m3', 1, { a5: 'Omf bjuder in' }, true)); // 1 (omf)
  await repos.minutes.insert(minutes('m4', 1, { a6: 'Sbf samordnar', a7: 'Nästa möte i juni' }, true)); // 2 (sbf, none)
  await repos.minutes.insert(minutes('m6', 1, {}, true));
  await repos.minutes.insert(minutes('m7', 1, { a9: 'Utb gör en enkät' }, true));
  await repos.minutes.insert(minutes('m7', 2, {}, true)); // the correction took it back: 0
  await repos.minutes.insert(minutes('m8', 1, { a11: 'Tea ...' }, false)); // a draft: 0

  // --- Actions (only meetings with published minutes count). asOf = 2026-12-15 (today, before 31 Dec).
  const action = (
    id: string,
    meetingId: string,
    organisationId: string | null,
    dueDate: string | null,
    status: ActionItem['status'],
    created: string,
    updated = created,
  ): ActionItem => ({
    id,
    tenantId: T,
    groupId: G,
    meetingId,
    agendaItemId: null,
    position: Number(id.slice(1)),
    title: `Åtgärd ${id}`,
    ownerPersonId: null,
    organisationId,
    dueDate,
    status,
    createdAt: d(created),
    updatedAt: d(updated),
  });
  const actions: Record<string, ActionItem[]> = {
    m0: [
      action('x1', 'm0', 'kof', '2026-01-15', 'open', '2025-11-20T10:00:00Z'), // overdue
      action('x2', 'm0', 'sbf', '2025-12-31', 'done', '2025-11-20T10:00:00Z', '2026-02-01T10:00:00Z'), // closed
    ],
    m1: [
      action('x3', 'm1', 'omf', '2026-03-01', 'done', '2026-01-22T10:00:00Z', '2026-02-15T10:00:00Z'), // opened, closed
      action('x4', 'm1', 'utb', '2026-06-30', 'open', '2026-01-22T10:00:00Z'), // opened, overdue
      action('x5', 'm1', null, null, 'open', '2026-01-22T10:00:00Z'), // opened (no organisation)
    ],
    m3: [
      action('x6', 'm3', 'tea', '2026-12-31', 'in_progress', '2026-03-19T10:00:00Z'), // opened
      action('x7', 'm3', 'kof', '2026-04-30', 'open', '2026-03-19T10:00:00Z'), // opened; done on 10 May below: closed
    ],
    m7: [
      action('x8', 'm7', 'sbf', '2026-10-31', 'blocked', '2026-09-17T10:00:00Z'), // opened, overdue
      action('x9', 'm7', 'ks', '2026-12-15', 'open', '2026-09-17T10:00:00Z'), // opened; due today is not overdue
    ],
    m8: [action('x10', 'm8', 'utb', '2026-11-01', 'open', '2026-10-15T10:00:00Z')], // draft minutes: not counted
  };
  for (const [meetingId, items] of Object.entries(actions)) await repos.actionItems.replaceForMeeting(T, meetingId, items);
  await repos.actionItems.setStatus(T, 'x7', 'done', d('2026-05-10T10:00:00Z'));

  // --- Re-reports. Reportable: M1 M2 M3 M4 M6 M7 (published, held in 2026).
  const reReport = (meetingId: string, personId: string) => repos.reReports.record(T, G, meetingId, personId, d('2026-12-02T10:00:00Z'));
  for (const p of ['dk', 'do', 'du']) await reReport('m1', p);
  for (const p of ['dk', 'su']) await reReport('m2', p);
  for (const p of ['dk', 'ds']) await reReport('m3', p);
  await reReport('m4', 'do');
  for (const p of ['du', 'dt']) await reReport('m7', p);
  await reReport('m8', 'du'); // minutes not published: not counted
  await reReport('m0', 'dk'); // 2025: not counted

  // --- Competence: held activities in 2026 count, with the organisations that took part.
  const activity = (
    id: string,
    date: string,
    kind: CompetenceActivity['kind'],
    status: CompetenceActivity['status'],
    participants: { organisationId: string; count: number }[],
  ): CompetenceActivity => ({
    id,
    tenantId: T,
    groupId: G,
    kind,
    status,
    date,
    title: `Aktivitet ${id}`,
    description: '',
    organiserOrganisationId: null,
    organiser: '',
    participants,
    links: [],
    learned: '',
    actionIds: [],
    suggestionId: null,
    revision: 1,
    createdAt: d('2026-01-01T10:00:00Z'),
    updatedAt: d('2026-01-01T10:00:00Z'),
  });
  await repos.competence.insertActivity(
    activity('c1', '2026-03-05', 'lecture', 'held', [
      { organisationId: 'kof', count: 5 },
      { organisationId: 'utb', count: 3 },
    ]),
  );
  await repos.competence.insertActivity(activity('c2', '2026-06-01', 'film', 'planned', [])); // not held
  await repos.competence.insertActivity(activity('c3', '2025-12-01', 'lecture', 'held', [{ organisationId: 'ks', count: 1 }])); // 2025
  await repos.competence.insertActivity(
    activity('c4', '2026-09-10', 'study_visit', 'held', [
      { organisationId: 'sbf', count: 2 },
      { organisationId: 'ks', count: 1 },
    ]),
  );
}
