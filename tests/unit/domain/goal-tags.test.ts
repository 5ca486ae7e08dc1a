/** The goal-tag rules: what an agenda item, a decision and an action inherit, and what counts where. */
import {
  actionGoals,
  agendaItemGoals,
  byFramework,
  checkGoalChoice,
  countByGoal,
  GOAL_TAGS_MAX,
  periodOfDays,
  resolveGoalTags,
  type GoalTagFacts,
} from '../../../bot/src/domain/goal-tags';

const march = new Date('2026-03-11T12:00:00Z');
const may = new Date('2026-05-13T11:00:00Z');

function facts(overrides: Partial<GoalTagFacts> = {}): GoalTagFacts {
  return {
    meetings: [
      { id: 'm-mar', startsAt: march },
      { id: 'm-may', startsAt: may },
    ],
    proposals: [
      {
        id: 'p1',
        title: 'Solceller',
        createdAt: new Date('2026-02-20T09:00:00Z'),
        meetingId: 'm-mar',
        withdrawn: false,
        goalIds: ['sdg7', 'mm1'],
      },
    ],
    agendaItems: [
      { id: 'i1', meetingId: 'm-mar', title: 'Solceller', proposalId: 'p1', chosenGoalIds: null },
      { id: 'i2', meetingId: 'm-mar', title: 'Mötet öppnas', proposalId: null, chosenGoalIds: null },
    ],
    decisions: [{ meetingId: 'm-mar', agendaItemId: 'i1', title: 'Solceller', decision: 'Vi går vidare med taken.' }],
    actions: [{ id: 'a1', meetingId: 'm-mar', agendaItemId: 'i1', title: 'Räkna på taken', chosenGoalIds: null }],
    ...overrides,
  };
}

const find = (entries: ReturnType<typeof resolveGoalTags>, kind: string, id: string) => entries.find((e) => e.kind === kind && e.id === id);

describe('inheritance', () => {
  it('an agenda item made from a proposal carries the proposal’s goals until a strategist chooses', () => {
    expect(agendaItemGoals({ proposalId: 'p1', chosenGoalIds: null }, () => ['mm1', 'sdg7'])).toEqual({
      goalIds: ['mm1', 'sdg7'],
      source: 'proposal',
    });
    expect(agendaItemGoals({ proposalId: 'p1', chosenGoalIds: ['local1'] }, () => ['sdg7'])).toEqual({
      goalIds: ['local1'],
      source: 'own',
    });
  });

  it('a chosen empty list means none — it does not fall back to the proposal', () => {
    expect(agendaItemGoals({ proposalId: 'p1', chosenGoalIds: [] }, () => ['sdg7'])).toEqual({ goalIds: [], source: 'own' });
  });

  it('a standing item with no choice carries none', () => {
    expect(agendaItemGoals({ proposalId: null, chosenGoalIds: null }, () => ['sdg7'])).toEqual({ goalIds: [], source: 'none' });
  });

  it('an action follows its agenda item as it stands, and its own choice wins', () => {
    expect(actionGoals({ agendaItemId: 'i1', chosenGoalIds: null }, () => ['sdg13'])).toEqual({ goalIds: ['sdg13'], source: 'agendaItem' });
    expect(actionGoals({ agendaItemId: 'i1', chosenGoalIds: ['sdg11'] }, () => ['sdg13'])).toEqual({ goalIds: ['sdg11'], source: 'own' });
    expect(actionGoals({ agendaItemId: null, chosenGoalIds: null }, () => ['sdg13'])).toEqual({ goalIds: [], source: 'none' });
  });

  it('resolves a whole group: item from proposal, decision and action from the item', () => {
    const entries = resolveGoalTags(facts(), null);
    expect(find(entries, 'proposal', 'p1')?.goalIds).toEqual(['mm1', 'sdg7']);
    expect(find(entries, 'agendaItem', 'i1')).toMatchObject({ goalIds: ['mm1', 'sdg7'], source: 'proposal', date: march });
    expect(find(entries, 'agendaItem', 'i2')).toMatchObject({ goalIds: [], source: 'none' });
    expect(find(entries, 'decision', 'i1')).toMatchObject({ goalIds: ['mm1', 'sdg7'], text: 'Vi går vidare med taken.' });
    expect(find(entries, 'action', 'a1')).toMatchObject({ goalIds: ['mm1', 'sdg7'], source: 'agendaItem', agendaItemId: 'i1' });
  });

  it('re-tagging the agenda item moves its decision and its following action, not an action with its own choice', () => {
    const base = facts();
    const entries = resolveGoalTags(
      facts({
        agendaItems: [{ ...base.agendaItems[0]!, chosenGoalIds: ['local1'] }],
        actions: [...base.actions, { id: 'a2', meetingId: 'm-mar', agendaItemId: 'i1', title: 'Egen', chosenGoalIds: ['sdg11'] }],
      }),
      null,
    );
    expect(find(entries, 'decision', 'i1')?.goalIds).toEqual(['local1']);
    expect(find(entries, 'action', 'a1')?.goalIds).toEqual(['local1']);
    expect(find(entries, 'action', 'a2')?.goalIds).toEqual(['sdg11']);
  });

  it('a withdrawn proposal does not count, but an item made from it still follows it', () => {
    const base = facts();
    const entries = resolveGoalTags(facts({ proposals: [{ ...base.proposals[0]!, withdrawn: true }] }), null);
    expect(find(entries, 'proposal', 'p1')).toBeUndefined();
    expect(find(entries, 'agendaItem', 'i1')?.goalIds).toEqual(['mm1', 'sdg7']);
  });

  it('an empty decision is no decision; a long one is cut', () => {
    const entries = resolveGoalTags(
      facts({
        decisions: [
          { meetingId: 'm-mar', agendaItemId: 'i1', title: 'Solceller', decision: '   ' },
          { meetingId: 'm-mar', agendaItemId: 'i2', title: 'Öppnas', decision: 'x'.repeat(400) },
        ],
      }),
      null,
    );
    expect(entries.filter((e) => e.kind === 'decision').map((e) => e.id)).toEqual(['i2']);
    expect(find(entries, 'decision', 'i2')?.text).toHaveLength(280);
  });
});

describe('counting', () => {
  it('counts each thing once per goal it carries, and goals nothing carries as zero', () => {
    const entries = resolveGoalTags(facts(), null);
    const counts = countByGoal(['sdg7', 'mm1', 'sdg13'], entries);
    expect(counts.get('sdg7')).toEqual({ proposal: 1, agendaItem: 1, decision: 1, action: 1 });
    expect(counts.get('mm1')).toEqual({ proposal: 1, agendaItem: 1, decision: 1, action: 1 });
    expect(counts.get('sdg13')).toEqual({ proposal: 0, agendaItem: 0, decision: 0, action: 0 });
  });

  it('does not count a goal twice when a thing lists it twice', () => {
    const counts = countByGoal(
      ['g'],
      [{ kind: 'action', id: 'a', title: 'a', meetingId: null, date: march, goalIds: ['g', 'g'], source: 'own' }],
    );
    expect(counts.get('g')?.action).toBe(1);
  });

  it('a period takes proposals by submission and the rest by their meeting, whole Stockholm days with both ends in', () => {
    const base = facts();
    const withMay = facts({
      agendaItems: [...base.agendaItems, { id: 'i3', meetingId: 'm-may', title: 'Maj', proposalId: 'p1', chosenGoalIds: null }],
    });
    const marchOnly = periodOfDays('2026-03-01', '2026-03-31');
    const entries = resolveGoalTags(withMay, marchOnly);
    expect(entries.map((e) => `${e.kind}:${e.id}`).sort()).toEqual(['action:a1', 'agendaItem:i1', 'agendaItem:i2', 'decision:i1']);
    // The proposal was submitted in February: in a February period it counts, its March item does not.
    const feb = resolveGoalTags(withMay, periodOfDays('2026-02-20', '2026-02-20'));
    expect(feb.map((e) => `${e.kind}:${e.id}`)).toEqual(['proposal:p1']);
  });

  it('a period’s last day ends at Stockholm midnight, not UTC', () => {
    const period = periodOfDays('2026-03-11', '2026-03-11');
    expect(period).toEqual({ from: new Date('2026-03-10T23:00:00Z'), to: new Date('2026-03-11T23:00:00Z') });
    // Summer time: a day starts at 22:00 UTC.
    expect(periodOfDays('2026-07-01', '2026-07-01')?.from).toEqual(new Date('2026-06-30T22:00:00Z'));
  });

  it('refuses a day that does not exist and a period that runs backwards', () => {
    expect(periodOfDays('2026-02-30', '2026-03-01')).toBeNull();
    expect(periodOfDays('2026-03-02', '2026-03-01')).toBeNull();
    expect(periodOfDays('2026-3-1', '2026-03-01')).toBeNull();
  });

  it('groups goals by framework in official order and by number', () => {
    const grouped = byFramework([
      { id: 'l2', framework: 'local', number: 2 },
      { id: 'm16', framework: 'miljomal', number: 16 },
      { id: 's13', framework: 'sdg', number: 13 },
      { id: 's2', framework: 'sdg', number: 2 },
    ]);
    expect(grouped.map((g) => [g.framework, g.goals.map((x) => x.id)])).toEqual([
      ['sdg', ['s2', 's13']],
      ['miljomal', ['m16']],
      ['local', ['l2']],
    ]);
  });
});

describe('choosing goals', () => {
  const selectable = new Set(['sdg7', 'mm1']);

  it('accepts the group’s goals and refuses others', () => {
    expect(checkGoalChoice(['sdg7', 'mm1'], { selectable, current: [] })).toBeNull();
    expect(checkGoalChoice(['other-groups-goal'], { selectable, current: [] })).toBe('unknown-goal');
  });

  it('keeps a retired goal the thing already carries, but offers it to nothing new', () => {
    expect(checkGoalChoice(['retired', 'sdg7'], { selectable, current: ['retired'] })).toBeNull();
    expect(checkGoalChoice(['retired'], { selectable, current: [] })).toBe('unknown-goal');
  });

  it('refuses more than ten distinct goals', () => {
    const many = Array.from({ length: GOAL_TAGS_MAX + 1 }, (_, i) => `g${i}`);
    expect(checkGoalChoice(many, { selectable: new Set(many), current: [] })).toBe('too-many');
    expect(checkGoalChoice([...many.slice(0, GOAL_TAGS_MAX), 'g0'], { selectable: new Set(many), current: [] })).toBeNull();
  });
});
