/**
 * The agenda's rules on their own: how a meeting's agenda is completed from the template and the
 * accepted proposals, which edits a strategist may save, and the revision that guards an edit.
 */
import {
  AGENDA_LIMITS,
  agendaRevision,
  checkAgendaDraft,
  composeAgenda,
  totalMinutes,
  type AgendaItem,
  type AgendaItemDraft,
} from '../../../bot/src/domain/agenda-item';
import type { Proposal } from '../../../bot/src/domain/proposal';
import { DEFAULT_STANDING_ITEMS, type StandingItemTemplate } from '../../../bot/src/domain/standing-items';

const TEMPLATE: readonly StandingItemTemplate[] = [
  { title: 'Öppning', minutes: 5, placement: 'opening' },
  { title: 'Runda', minutes: 20, placement: 'opening' },
  { title: 'Övriga frågor', minutes: 5, placement: 'closing' },
  { title: 'Avslutning', minutes: 5, placement: 'closing' },
];

function proposal(id: string, decidedAt: string, overrides: Partial<Proposal> = {}): Proposal {
  return {
    id,
    tenantId: 't',
    groupId: 'g',
    title: `Förslag ${id}`,
    description: '',
    kind: 'diskussion',
    organisationId: null,
    proposerPersonId: `person-${id}`,
    meetingId: 'm',
    requestedMeetingId: null,
    late: false,
    minutesNeeded: 15,
    goalIds: [],
    status: 'accepted',
    decisionNote: null,
    submissionKey: null,
    createdAt: new Date('2026-02-01T08:00:00Z'),
    updatedAt: new Date(decidedAt),
    ...overrides,
  };
}

function item(id: string, position: number, overrides: Partial<AgendaItem> = {}): AgendaItem {
  return {
    id,
    tenantId: 't',
    groupId: 'g',
    meetingId: 'm',
    position,
    title: id,
    durationMinutes: 10,
    presenterPersonId: null,
    proposalId: null,
    standing: false,
    ...overrides,
  };
}

const standing = (id: string, position: number, title: string) => item(id, position, { title, standing: true, durationMinutes: 5 });

function ids(prefix = 'new') {
  let n = 0;
  const next = () => `${prefix}-${(n += 1)}`;
  return Object.assign(next, { count: () => n });
}

function compose(stored: AgendaItem[], accepted: Proposal[], template: readonly StandingItemTemplate[] = TEMPLATE, newId = ids()) {
  return composeAgenda({ tenantId: 't', groupId: 'g', meetingId: 'm', stored, accepted, template, newId });
}

const shape = (items: AgendaItem[]) => items.map((i) => [i.position, i.title, i.proposalId]);

describe('composeAgenda', () => {
  it('starts a meeting with nothing stored from the template: openings, then closings, all standing, numbered from 1', () => {
    const newId = ids();
    const { items, changed } = compose([], [], TEMPLATE, newId);
    expect(changed).toBe(true);
    expect(items).toEqual([
      {
        id: 'new-1',
        tenantId: 't',
        groupId: 'g',
        meetingId: 'm',
        position: 1,
        title: 'Öppning',
        durationMinutes: 5,
        presenterPersonId: null,
        proposalId: null,
        standing: true,
      },
      {
        id: 'new-2',
        tenantId: 't',
        groupId: 'g',
        meetingId: 'm',
        position: 2,
        title: 'Runda',
        durationMinutes: 20,
        presenterPersonId: null,
        proposalId: null,
        standing: true,
      },
      {
        id: 'new-3',
        tenantId: 't',
        groupId: 'g',
        meetingId: 'm',
        position: 3,
        title: 'Övriga frågor',
        durationMinutes: 5,
        presenterPersonId: null,
        proposalId: null,
        standing: true,
      },
      {
        id: 'new-4',
        tenantId: 't',
        groupId: 'g',
        meetingId: 'm',
        position: 4,
        title: 'Avslutning',
        durationMinutes: 5,
        presenterPersonId: null,
        proposalId: null,
        standing: true,
      },
    ]);
  });

  it('takes openings before closings whatever order the template lists them in', () => {
    const mixed: StandingItemTemplate[] = [
      { title: 'Sist', minutes: 5, placement: 'closing' },
      { title: 'Först', minutes: 5, placement: 'opening' },
      { title: 'Näst sist', minutes: 5, placement: 'closing' },
    ];
    expect(compose([], [], mixed).items.map((i) => i.title)).toEqual(['Först', 'Sist', 'Näst sist']);
  });

  it('puts accepted proposals between the openings and the closings, oldest decision first, as proposed', () => {
    const late = proposal('b', '2026-02-22T09:00:00Z', { title: 'Sent beslut', minutesNeeded: 30, proposerPersonId: 'karin' });
    const early = proposal('a', '2026-02-21T09:00:00Z', { title: 'Tidigt beslut', minutesNeeded: 10, proposerPersonId: 'sara' });
    const { items } = compose([], [late, early]);
    expect(shape(items)).toEqual([
      [1, 'Öppning', null],
      [2, 'Runda', null],
      [3, 'Tidigt beslut', 'a'],
      [4, 'Sent beslut', 'b'],
      [5, 'Övriga frågor', null],
      [6, 'Avslutning', null],
    ]);
    expect(items[2]).toMatchObject({ durationMinutes: 10, presenterPersonId: 'sara', standing: false });
    expect(items[3]).toMatchObject({ durationMinutes: 30, presenterPersonId: 'karin', standing: false });
  });

  it('orders proposals decided in the same instant by id, so the order never depends on how they were read', () => {
    const at = '2026-02-21T09:00:00Z';
    const one = compose([], [proposal('z', at), proposal('c', at), proposal('m', at)]).items;
    const other = compose([], [proposal('m', at), proposal('z', at), proposal('c', at)]).items;
    expect(one.map((i) => i.proposalId).filter(Boolean)).toEqual(['c', 'm', 'z']);
    expect(other.map((i) => i.proposalId)).toEqual(one.map((i) => i.proposalId));
  });

  it('keeps a stored agenda as the strategists left it and adds a new decision before the trailing closing items', () => {
    // A proposal moved first, a free item, a standing item removed ("Runda").
    const stored = [
      item('p-a', 1, { proposalId: 'a', title: 'A' }),
      standing('s-open', 2, 'Öppning'),
      item('free', 3, { title: 'Gäst från Energi AB' }),
      standing('s-other', 4, 'Övriga frågor'),
      standing('s-end', 5, 'Avslutning'),
    ];
    const newId = ids();
    const { items, changed } = compose(
      stored,
      [proposal('a', '2026-02-20T09:00:00Z'), proposal('b', '2026-02-22T09:00:00Z')],
      TEMPLATE,
      newId,
    );
    expect(changed).toBe(true);
    expect(items.map((i) => [i.position, i.id])).toEqual([
      [1, 'p-a'],
      [2, 's-open'],
      [3, 'free'],
      [4, 'new-1'],
      [5, 's-other'],
      [6, 's-end'],
    ]);
    expect(items[3]).toMatchObject({ proposalId: 'b', title: 'Förslag b' });
    // The template is not brought back into a started agenda: only the new decision got an id.
    expect(newId.count()).toBe(1);
  });

  it('adds at the end when the agenda does not end with a closing standing item', () => {
    const stored = [standing('s-end', 1, 'Avslutning'), item('free', 2)];
    expect(compose(stored, [proposal('a', '2026-02-20T09:00:00Z')]).items.map((i) => i.id)).toEqual(['s-end', 'free', 'new-1']);
    // A closing title kept as a free (not standing) item does not count as the closing run.
    const renamed = [standing('s-open', 1, 'Öppning'), item('x', 2, { title: 'Avslutning', standing: false })];
    expect(compose(renamed, [proposal('a', '2026-02-20T09:00:00Z')]).items.map((i) => i.id)).toEqual(['s-open', 'x', 'new-1']);
  });

  it('adds at the end when the template has no closing items', () => {
    const openingsOnly: StandingItemTemplate[] = [{ title: 'Öppning', minutes: 5, placement: 'opening' }];
    expect(shape(compose([], [proposal('a', '2026-02-20T09:00:00Z')], openingsOnly).items)).toEqual([
      [1, 'Öppning', null],
      [2, 'Förslag a', 'a'],
    ]);
  });

  it('drops items whose proposal is no longer accepted, keeps the others, and closes the gap', () => {
    const stored = [
      standing('s-open', 1, 'Öppning'),
      item('p-a', 2, { proposalId: 'a' }),
      item('p-b', 3, { proposalId: 'b' }),
      item('p-c', 4, { proposalId: 'c' }),
      standing('s-end', 5, 'Avslutning'),
    ];
    // b was deferred, declined or withdrawn: it is simply not among the accepted any more.
    const { items, changed } = compose(stored, [proposal('a', '2026-02-20T09:00:00Z'), proposal('c', '2026-02-20T10:00:00Z')]);
    expect(changed).toBe(true);
    expect(items.map((i) => [i.position, i.id])).toEqual([
      [1, 's-open'],
      [2, 'p-a'],
      [3, 'p-c'],
      [4, 's-end'],
    ]);
  });

  it('answers a complete stored agenda unchanged, and says so', () => {
    const stored = [standing('s-open', 1, 'Öppning'), item('p-a', 2, { proposalId: 'a' }), standing('s-end', 3, 'Avslutning')];
    const newId = ids();
    const { items, changed } = compose(stored, [proposal('a', '2026-02-20T09:00:00Z')], TEMPLATE, newId);
    expect(changed).toBe(false);
    expect(items).toEqual(stored);
    expect(newId.count()).toBe(0);
  });

  it('reads stored items in position order and renumbers gaps (and calls that a change)', () => {
    const stored = [standing('s-end', 9, 'Avslutning'), standing('s-open', 2, 'Öppning'), item('free', 4)];
    const { items, changed } = compose(stored, []);
    expect(items.map((i) => [i.position, i.id])).toEqual([
      [1, 's-open'],
      [2, 'free'],
      [3, 's-end'],
    ]);
    expect(changed).toBe(true);
    // Already in order and numbered 1..n, read unsorted: nothing to store.
    expect(compose([item('b', 2), item('a', 1)], []).changed).toBe(false);
  });

  const settledCases: [string, AgendaItem[], Proposal[]][] = [
    ['a new meeting', [], [proposal('a', '2026-02-20T09:00:00Z'), proposal('b', '2026-02-21T09:00:00Z')]],
    [
      'a started agenda with a decision since',
      [standing('s', 1, 'Öppning'), item('p-a', 2, { proposalId: 'a' })],
      [proposal('a', '2026-02-20T09:00:00Z'), proposal('b', '2026-02-21T09:00:00Z')],
    ],
    // Nothing of it is left: stored as empty, it must not turn into the template on the next read.
    ['an agenda whose only item was a proposal, since declined', [item('p-x', 1, { proposalId: 'x' })], []],
  ];
  it.each(settledCases)('is settled after one pass (%s): composing its own result again changes nothing', (_name, stored, accepted) => {
    const first = compose(stored, accepted, TEMPLATE, ids('first'));
    const second = compose(first.items, accepted, TEMPLATE, ids('second'));
    expect(second.items).toEqual(first.items);
    expect(second.changed).toBe(false);
  });

  it('stamps every item with the meeting it is composed for', () => {
    const { items } = composeAgenda({
      tenantId: 'tenant-2',
      groupId: 'group-2',
      meetingId: 'meeting-2',
      stored: [],
      accepted: [proposal('a', '2026-02-20T09:00:00Z')],
      template: TEMPLATE,
      newId: ids(),
    });
    expect(new Set(items.map((i) => `${i.tenantId}/${i.groupId}/${i.meetingId}`))).toEqual(new Set(['tenant-2/group-2/meeting-2']));
  });
});

describe('checkAgendaDraft', () => {
  const context = {
    storedIds: new Set(['i1', 'i2', 'i3']),
    acceptedProposalIds: new Set(['pa']),
    memberIds: new Set(['anna', 'sara']),
  };
  const draft = (overrides: Partial<AgendaItemDraft> = {}): AgendaItemDraft => ({
    id: null,
    title: 'Punkt',
    durationMinutes: 10,
    presenterPersonId: null,
    proposalId: null,
    standing: false,
    ...overrides,
  });
  // A valid agenda: the accepted proposal on it once, known items, a new free item.
  const valid = (): AgendaItemDraft[] => [
    draft({ id: 'i1', standing: true }),
    draft({ id: 'i2', proposalId: 'pa', presenterPersonId: 'sara' }),
    draft({ title: 'Ny punkt', presenterPersonId: 'anna' }),
  ];
  const withItem = (index: number, overrides: Partial<AgendaItemDraft>) =>
    valid().map((d, i) => (i === index ? { ...d, ...overrides } : d));

  it('accepts a valid agenda, in any order, with existing items left out', () => {
    expect(checkAgendaDraft(valid(), context)).toBeNull();
    expect(checkAgendaDraft([...valid()].reverse(), context)).toBeNull();
  });

  it('accepts the limits themselves', () => {
    expect(
      checkAgendaDraft(withItem(2, { title: 'x'.repeat(AGENDA_LIMITS.titleMax), durationMinutes: AGENDA_LIMITS.minutesMax }), context),
    ).toBeNull();
    expect(checkAgendaDraft(withItem(2, { durationMinutes: AGENDA_LIMITS.minutesMin }), context)).toBeNull();
    // Spaces around a title do not count against its length.
    expect(checkAgendaDraft(withItem(2, { title: `  ${'x'.repeat(AGENDA_LIMITS.titleMax)}  ` }), context)).toBeNull();
    const forty = [...valid(), ...Array.from({ length: AGENDA_LIMITS.itemsMax - 3 }, () => draft())];
    expect(forty).toHaveLength(40);
    expect(checkAgendaDraft(forty, context)).toBeNull();
  });

  it('refuses more than 40 items', () => {
    const many = [...valid(), ...Array.from({ length: AGENDA_LIMITS.itemsMax - 2 }, () => draft())];
    expect(checkAgendaDraft(many, context)).toEqual({ code: 'too_many_items', max: 40 });
  });

  it.each([
    ['an empty title', ''],
    ['a title of spaces', '   \t '],
    ['a title of 201 characters', 'x'.repeat(201)],
  ])('refuses %s, naming the item', (_name, title) => {
    expect(checkAgendaDraft(withItem(2, { title }), context)).toEqual({ code: 'bad_title', index: 2 });
  });

  it.each([0, -5, 481, 2.5, Number.NaN])('refuses a length of %p minutes', (durationMinutes) => {
    expect(checkAgendaDraft(withItem(1, { durationMinutes }), context)).toEqual({ code: 'bad_duration', index: 1 });
  });

  it('refuses an item id that is not stored for this meeting, and one listed twice', () => {
    expect(checkAgendaDraft(withItem(2, { id: 'elsewhere' }), context)).toEqual({ code: 'unknown_item', index: 2 });
    expect(checkAgendaDraft([...valid(), draft({ id: 'i1' })], context)).toEqual({ code: 'duplicate_item', index: 3 });
  });

  it('refuses a proposal that is not accepted for the meeting, and one claimed twice', () => {
    expect(checkAgendaDraft(withItem(2, { proposalId: 'submitted-one' }), context)).toEqual({ code: 'proposal_not_accepted', index: 2 });
    expect(checkAgendaDraft(withItem(2, { proposalId: 'pa' }), context)).toEqual({ code: 'duplicate_proposal', index: 2 });
  });

  it('refuses a presenter who is not a member, and accepts no presenter', () => {
    expect(checkAgendaDraft(withItem(0, { presenterPersonId: 'stranger' }), context)).toEqual({ code: 'presenter_not_member', index: 0 });
    expect(checkAgendaDraft(withItem(1, { presenterPersonId: null }), context)).toBeNull();
  });

  it('refuses an agenda that leaves out an accepted proposal, naming it', () => {
    const withoutIt = valid().filter((d) => d.proposalId === null);
    expect(checkAgendaDraft(withoutIt, context)).toEqual({ code: 'proposal_missing', proposalId: 'pa' });
    expect(checkAgendaDraft([], context)).toEqual({ code: 'proposal_missing', proposalId: 'pa' });
    // With nothing accepted, an empty agenda is still refused: it would read back as the template.
    expect(checkAgendaDraft([], { ...context, acceptedProposalIds: new Set() })).toEqual({ code: 'empty' });
  });

  it('lets the accepted proposal move to another item, as long as it stays on once', () => {
    const moved = [draft({ id: 'i1', proposalId: 'pa' }), draft({ id: 'i2' })];
    expect(checkAgendaDraft(moved, context)).toBeNull();
  });

  it('reports the first problem in agenda order', () => {
    const twoProblems = [draft({ id: 'i2', proposalId: 'pa' }), draft({ durationMinutes: 0 }), draft({ title: '' })];
    expect(checkAgendaDraft(twoProblems, context)).toEqual({ code: 'bad_duration', index: 1 });
  });
});

describe('agendaRevision', () => {
  const agenda = [standing('s', 1, 'Öppning'), item('p', 2, { proposalId: 'a', presenterPersonId: 'sara' }), item('f', 3)];

  it('is the item count and eight hex digits, the same for the same content', () => {
    expect(agendaRevision(agenda)).toMatch(/^3-[0-9a-f]{8}$/);
    expect(agendaRevision(agenda.map((i) => ({ ...i })))).toBe(agendaRevision(agenda));
    expect(agendaRevision([])).toMatch(/^0-[0-9a-f]{8}$/);
  });

  it.each<[string, (items: AgendaItem[]) => AgendaItem[]]>([
    ['the order', (items) => [items[1]!, items[0]!, items[2]!]],
    ['a position', (items) => items.map((i, n) => (n === 2 ? { ...i, position: 4 } : i))],
    ['a title', (items) => items.map((i, n) => (n === 0 ? { ...i, title: 'Öppning!' } : i))],
    ['a length', (items) => items.map((i, n) => (n === 1 ? { ...i, durationMinutes: 11 } : i))],
    ['a presenter', (items) => items.map((i, n) => (n === 1 ? { ...i, presenterPersonId: 'anna' } : i))],
    ['a proposal', (items) => items.map((i, n) => (n === 2 ? { ...i, proposalId: 'b' } : i))],
    ['standing', (items) => items.map((i, n) => (n === 2 ? { ...i, standing: true } : i))],
    ['an id', (items) => items.map((i, n) => (n === 2 ? { ...i, id: 'g' } : i))],
    ['an item removed', (items) => items.slice(0, 2)],
  ])('changes with %s', (_what, change) => {
    expect(agendaRevision(change(agenda))).not.toBe(agendaRevision(agenda));
  });
});

describe('totalMinutes and the default template', () => {
  it('sums the lengths', () => {
    expect(totalMinutes([])).toBe(0);
    expect(totalMinutes([{ durationMinutes: 5 }, { durationMinutes: 20 }, { durationMinutes: 480 }])).toBe(505);
  });

  it('has the usual openings and closings, each a valid item', () => {
    expect(DEFAULT_STANDING_ITEMS.map((t) => t.placement)).toEqual([
      'opening',
      'opening',
      'opening',
      'opening',
      'closing',
      'closing',
      'closing',
      'closing',
    ]);
    expect(totalMinutes(DEFAULT_STANDING_ITEMS.map((t) => ({ durationMinutes: t.minutes })))).toBe(65);
    const drafts = DEFAULT_STANDING_ITEMS.map((t) => ({
      id: null,
      title: t.title,
      durationMinutes: t.minutes,
      presenterPersonId: null,
      proposalId: null,
      standing: true,
    }));
    expect(checkAgendaDraft(drafts, { storedIds: new Set(), acceptedProposalIds: new Set(), memberIds: new Set() })).toBeNull();
  });
});
