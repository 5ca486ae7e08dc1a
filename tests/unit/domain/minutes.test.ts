/** The minutes' rules: what a draft may hold, when it is a change, the review, publishing and corrections. */
import {
  MINUTES_LIMITS,
  EDIT_SESSION_GAP_MS,
  type ActionItemDraft,
  type Minutes,
  type MinutesApproval,
  type MinutesDraft,
  type MinutesRecord,
} from '../../../bot/src/domain/minutes';
import {
  bodyFromDraft,
  checkMinutesDraft,
  draftFingerprint,
  isCalendarDate,
  normaliseDraft,
  readMinutesBody,
} from '../../../bot/src/domain/minutes-draft';
import {
  checkComment,
  emptyMinutes,
  publishMinutes,
  reviewState,
  startCorrection,
  startsEditSession,
} from '../../../bot/src/domain/minutes-review';

const context = {
  itemIds: new Set(['item-1', 'item-2', 'kept']),
  agendaItemIds: new Set(['item-1', 'item-2']),
  memberIds: new Set(['anna', 'erik', 'sara', 'bo']),
};

function anAction(overrides: Partial<ActionItemDraft> = {}): ActionItemDraft {
  return {
    id: 'a-1',
    agendaItemId: 'item-1',
    title: 'Ta fram underlag',
    ownerPersonId: 'sara',
    dueDate: '2026-04-30',
    status: 'open',
    ...overrides,
  };
}

function aDraft(overrides: Partial<MinutesDraft> = {}): MinutesDraft {
  return {
    items: [{ agendaItemId: 'item-1', notes: 'Genomgång av läget.', decision: 'Gruppen ställer sig bakom förslaget.' }],
    attendance: [
      { personId: 'anna', presence: 'present', substituteForPersonId: null },
      { personId: 'sara', presence: 'absent', substituteForPersonId: null },
      { personId: 'bo', presence: 'substitute', substituteForPersonId: 'sara' },
    ],
    actions: [anAction()],
    ...overrides,
  };
}

const meeting = { tenantId: 't', groupId: 'g', id: 'm' };
const now = new Date('2026-03-11T15:00:00Z');

function approval(personId: string, revision: number): MinutesApproval {
  return { tenantId: 't', groupId: 'g', meetingId: 'm', version: 1, personId, revision, approvedAt: now };
}

describe('checkMinutesDraft', () => {
  it('accepts a draft with notes, a decision, an action and attendance with a substitute', () => {
    expect(checkMinutesDraft(aDraft(), context)).toBeNull();
  });

  it('takes notes only under items of the meeting, once each', () => {
    expect(checkMinutesDraft(aDraft({ items: [{ agendaItemId: 'elsewhere', notes: 'x', decision: '' }] }), context)).toEqual({
      code: 'unknown_item',
      agendaItemId: 'elsewhere',
    });
    const twice = aDraft({
      items: [
        { agendaItemId: 'item-1', notes: 'a', decision: '' },
        { agendaItemId: 'item-1', notes: 'b', decision: '' },
      ],
    });
    expect(checkMinutesDraft(twice, context)?.code).toBe('duplicate_item');
    // An item that left the agenda but has text stays writable.
    expect(checkMinutesDraft(aDraft({ items: [{ agendaItemId: 'kept', notes: 'x', decision: '' }] }), context)).toBeNull();
  });

  it(`counts characters, not UTF-16 units: ${MINUTES_LIMITS.notesMax} emoji are fine, one more is not`, () => {
    const at = (notes: string) => checkMinutesDraft(aDraft({ items: [{ agendaItemId: 'item-1', notes, decision: '' }] }), context);
    expect(at('😀'.repeat(MINUTES_LIMITS.notesMax))).toBeNull();
    expect(at('å'.repeat(MINUTES_LIMITS.notesMax + 1))).toMatchObject({ code: 'notes_too_long', agendaItemId: 'item-1' });
    const decision = checkMinutesDraft(
      aDraft({ items: [{ agendaItemId: 'item-2', notes: '', decision: 'x'.repeat(MINUTES_LIMITS.decisionMax + 1) }] }),
      context,
    );
    expect(decision).toMatchObject({ code: 'decision_too_long', agendaItemId: 'item-2' });
  });

  it('limits the whole text, so a draft fits one request', () => {
    const ids = Array.from({ length: 16 }, (_, i) => `i${i}`);
    const draft = aDraft({
      items: ids.map((agendaItemId) => ({ agendaItemId, notes: 'x'.repeat(MINUTES_LIMITS.notesMax), decision: '' })),
    });
    expect(checkMinutesDraft(draft, { ...context, itemIds: new Set(ids) })).toEqual({
      code: 'text_too_long',
      max: MINUTES_LIMITS.textTotalMax,
    });
  });

  it(`needs an action title of 1 to ${MINUTES_LIMITS.actionTitleMax} characters`, () => {
    const at = (title: string) => checkMinutesDraft(aDraft({ actions: [anAction({ title })] }), context);
    expect(at('   ')).toMatchObject({ code: 'bad_action_title', index: 0 });
    expect(at('x'.repeat(MINUTES_LIMITS.actionTitleMax))).toBeNull();
    expect(at('x'.repeat(MINUTES_LIMITS.actionTitleMax + 1))).toMatchObject({ code: 'bad_action_title' });
  });

  it('needs a real calendar date as due date, or none', () => {
    const at = (dueDate: string | null) => checkMinutesDraft(aDraft({ actions: [anAction({ dueDate })] }), context);
    expect(at(null)).toBeNull();
    expect(at('2028-02-29')).toBeNull();
    expect(at('2026-02-29')).toEqual({ code: 'bad_due_date', index: 0 });
    expect(at('2026-13-01')).toEqual({ code: 'bad_due_date', index: 0 });
    expect(at('31/3/2026')).toEqual({ code: 'bad_due_date', index: 0 });
    expect(isCalendarDate('2026-04-31')).toBe(false);
  });

  it('puts an action under an item on the agenda, or under none, with an owner from the group', () => {
    expect(checkMinutesDraft(aDraft({ actions: [anAction({ agendaItemId: null })] }), context)).toBeNull();
    expect(checkMinutesDraft(aDraft({ actions: [anAction({ agendaItemId: 'kept' })] }), context)).toEqual({
      code: 'action_item_unknown',
      index: 0,
    });
    expect(checkMinutesDraft(aDraft({ actions: [anAction({ ownerPersonId: 'stranger' })] }), context)).toEqual({
      code: 'owner_not_member',
      index: 0,
    });
    expect(checkMinutesDraft(aDraft({ actions: [anAction({ ownerPersonId: null })] }), context)).toBeNull();
    expect(checkMinutesDraft(aDraft({ actions: [anAction(), anAction()] }), context)).toEqual({ code: 'duplicate_action', index: 1 });
  });

  it(`takes at most ${MINUTES_LIMITS.actionsPerItemMax} actions under one item`, () => {
    const actions = (n: number) => Array.from({ length: n }, (_, i) => anAction({ id: `a-${i}` }));
    expect(checkMinutesDraft(aDraft({ actions: actions(MINUTES_LIMITS.actionsPerItemMax) }), context)).toBeNull();
    expect(checkMinutesDraft(aDraft({ actions: actions(MINUTES_LIMITS.actionsPerItemMax + 1) }), context)).toMatchObject({
      code: 'too_many_actions_on_item',
      agendaItemId: 'item-1',
    });
  });

  it('takes attendance for members only, a substitute standing in for another member', () => {
    const at = (mark: MinutesDraft['attendance'][number]) => checkMinutesDraft(aDraft({ attendance: [mark] }), context);
    expect(at({ personId: 'stranger', presence: 'present', substituteForPersonId: null })).toEqual({
      code: 'not_member',
      personId: 'stranger',
    });
    expect(at({ personId: 'bo', presence: 'substitute', substituteForPersonId: null })).toEqual({ code: 'bad_substitute', personId: 'bo' });
    expect(at({ personId: 'bo', presence: 'present', substituteForPersonId: 'sara' })).toEqual({ code: 'bad_substitute', personId: 'bo' });
    expect(at({ personId: 'bo', presence: 'substitute', substituteForPersonId: 'bo' })).toEqual({ code: 'bad_substitute', personId: 'bo' });
    expect(at({ personId: 'bo', presence: 'substitute', substituteForPersonId: 'stranger' })).toEqual({
      code: 'bad_substitute',
      personId: 'bo',
    });
    expect(at({ personId: 'bo', presence: null, substituteForPersonId: null })).toBeNull();
    const twice = aDraft({
      attendance: [
        { personId: 'anna', presence: 'present', substituteForPersonId: null },
        { personId: 'anna', presence: 'absent', substituteForPersonId: null },
      ],
    });
    expect(checkMinutesDraft(twice, context)).toEqual({ code: 'duplicate_person', personId: 'anna' });
  });
});

describe('what counts as a change', () => {
  it('stores line ends as \\n, trimmed action titles, and no empty items', () => {
    const normalised = normaliseDraft(
      aDraft({
        items: [
          { agendaItemId: 'item-1', notes: 'rad 1\r\nrad 2\rrad 3', decision: '' },
          { agendaItemId: 'item-2', notes: '  ', decision: '' },
        ],
        actions: [anAction({ title: '  Boka lokal  ' })],
      }),
    );
    expect(normalised.items).toEqual([{ agendaItemId: 'item-1', notes: 'rad 1\nrad 2\nrad 3', decision: '' }]);
    expect(normalised.actions[0]!.title).toBe('Boka lokal');
  });

  it('ignores the order of items and people and unmarked people, not the order of actions', () => {
    const draft = aDraft({
      items: [
        { agendaItemId: 'item-1', notes: 'a', decision: '' },
        { agendaItemId: 'item-2', notes: 'b', decision: '' },
      ],
      actions: [anAction({ id: 'a-1' }), anAction({ id: 'a-2', title: 'Andra' })],
    });
    const shuffled = {
      ...draft,
      items: [...draft.items].reverse(),
      attendance: [...draft.attendance].reverse().concat({ personId: 'erik', presence: null, substituteForPersonId: null }),
    };
    expect(draftFingerprint(shuffled)).toBe(draftFingerprint(draft));
    expect(draftFingerprint({ ...draft, actions: [...draft.actions].reverse() })).not.toBe(draftFingerprint(draft));
    expect(draftFingerprint({ ...draft, items: [...draft.items, { agendaItemId: 'kept', notes: '', decision: '' }] })).toBe(
      draftFingerprint(draft),
    );
    expect(draftFingerprint({ ...draft, actions: [anAction({ id: 'a-1', status: 'done' }), draft.actions[1]!] })).not.toBe(
      draftFingerprint(draft),
    );
  });

  it('keeps the title of an item that left the agenda, and orders items as the agenda does', () => {
    const previous = { items: [{ agendaItemId: 'kept', title: 'Borttagen punkt', notes: 'x', decision: '' }], record: null };
    const body = bodyFromDraft(
      {
        items: [
          { agendaItemId: 'kept', notes: 'x', decision: '' },
          { agendaItemId: 'item-2', notes: 'två', decision: '' },
          { agendaItemId: 'item-1', notes: 'ett', decision: '' },
        ],
        attendance: [],
        actions: [],
      },
      [
        { id: 'item-1', title: 'Mötet öppnas' },
        { id: 'item-2', title: 'Övriga frågor' },
      ],
      previous,
    );
    expect(body.items.map((i) => [i.agendaItemId, i.title])).toEqual([
      ['item-1', 'Mötet öppnas'],
      ['item-2', 'Övriga frågor'],
      ['kept', 'Borttagen punkt'],
    ]);
  });

  it('reads a stored body defensively', () => {
    expect(readMinutesBody({})).toEqual({ items: [], record: null });
    expect(readMinutesBody({ items: [{ agendaItemId: 'x', notes: 'n' }, { nope: 1 }, 'junk'] })).toEqual({
      items: [{ agendaItemId: 'x', title: '', notes: 'n', decision: '' }],
      record: null,
    });
  });

  it('starts a new audit session when someone else saved last or after a quiet spell', () => {
    const at = (ms: number) => new Date(now.getTime() + ms);
    expect(startsEditSession(null, 'anna', now)).toBe(true);
    expect(startsEditSession({ updatedAt: now, updatedByPersonId: 'anna' }, 'anna', at(60_000))).toBe(false);
    expect(startsEditSession({ updatedAt: now, updatedByPersonId: 'erik' }, 'anna', at(1_000))).toBe(true);
    expect(startsEditSession({ updatedAt: now, updatedByPersonId: 'anna' }, 'anna', at(EDIT_SESSION_GAP_MS))).toBe(true);
  });
});

describe('the review before publishing', () => {
  const strategistIds = new Set(['anna', 'erik']);
  const memberIds = context.memberIds;
  const review = (approvals: MinutesApproval[], chairPersonId: string | null = 'anna', revision = 3) =>
    reviewState({ revision, approvals, chairPersonId, strategistIds, memberIds });

  it('is publishable when the chair and one more member approved the current text', () => {
    expect(review([approval('anna', 3), approval('sara', 3)])).toMatchObject({
      chairApproved: true,
      otherApproved: true,
      publishable: true,
    });
  });

  it('needs the chair', () => {
    expect(review([approval('sara', 3), approval('erik', 3)])).toMatchObject({ publishable: false, missing: ['chair'] });
  });

  it('needs someone besides the chair', () => {
    expect(review([approval('anna', 3)])).toMatchObject({ publishable: false, missing: ['other'] });
  });

  it('does not count approvals of an earlier text: a change after approving clears them', () => {
    expect(review([approval('anna', 2), approval('sara', 3)])).toMatchObject({ publishable: false, missing: ['chair'] });
    expect(review([approval('anna', 3), approval('sara', 2)])).toMatchObject({ publishable: false, missing: ['other'] });
  });

  it('does not count someone who is no longer a member', () => {
    expect(review([approval('anna', 3), approval('gone', 3)])).toMatchObject({ publishable: false, missing: ['other'] });
  });

  it('lets a strategist stand in for a chair when the meeting has none, plus one more', () => {
    expect(review([approval('sara', 3)], null)).toMatchObject({ publishable: false, missing: ['chair'] });
    expect(review([approval('erik', 3)], null)).toMatchObject({ chairApproved: true, publishable: false, missing: ['other'] });
    expect(review([approval('erik', 3), approval('anna', 3)], null)).toMatchObject({ publishable: true });
    expect(review([approval('erik', 3), approval('sara', 3)], null)).toMatchObject({ publishable: true });
  });

  it('has nothing to publish before the first save', () => {
    expect(review([], 'anna', 0)).toMatchObject({ publishable: false, missing: ['saved', 'chair', 'other'] });
  });
});

describe('publishing and correcting', () => {
  const record: MinutesRecord = {
    attendance: [
      {
        personId: 'anna',
        name: 'Anna',
        organisationId: 'ks',
        organisationName: 'KS',
        rsvp: 'yes',
        substituteName: null,
        presence: 'present',
        substituteForPersonId: null,
        substituteForName: null,
      },
    ],
    actions: [],
  };
  const draft: Minutes = {
    ...emptyMinutes(meeting, now),
    revision: 4,
    body: {
      items: [
        { agendaItemId: 'item-2', title: 'Övriga frågor', notes: 'Inget', decision: '' },
        { agendaItemId: 'kept', title: 'Borttagen', notes: 'Text', decision: '' },
      ],
      record: null,
    },
  };
  const agenda = [
    { id: 'item-1', title: 'Mötet öppnas' },
    { id: 'item-2', title: 'Övriga frågor' },
  ];

  it('publishes every agenda item in order, written or not, then kept items, with the lists frozen beside them', () => {
    const published = publishMinutes(draft, { agenda, record, personId: 'anna', now });
    expect(published).toMatchObject({ status: 'published', publishedAt: now, publishedByPersonId: 'anna', revision: 4, version: 1 });
    expect(published.body.items.map((i) => [i.agendaItemId, i.notes])).toEqual([
      ['item-1', ''],
      ['item-2', 'Inget'],
      ['kept', 'Text'],
    ]);
    expect(published.body.record).toBe(record);
    expect(() => publishMinutes(published, { agenda, record, personId: 'anna', now })).toThrow();
  });

  it('starts a correction as a new draft version with the published text', () => {
    const published = publishMinutes(draft, { agenda, record, personId: 'anna', now });
    const later = new Date('2026-03-20T08:00:00Z');
    const correction = startCorrection(published, 'erik', later);
    expect(correction).toMatchObject({
      version: 2,
      status: 'draft',
      revision: 1,
      publishedAt: null,
      publishedByPersonId: null,
      createdAt: later,
      updatedByPersonId: 'erik',
    });
    expect(correction.body).toEqual({ items: published.body.items, record: null });
    // A copy: editing the correction's items never reaches the published version.
    correction.body.items[0]!.notes = 'ändrad';
    expect(published.body.items[0]!.notes).toBe('');
    expect(() => startCorrection(draft, 'erik', later)).toThrow();
  });

  it(`takes comments of 1 to ${MINUTES_LIMITS.commentMax} characters`, () => {
    expect(checkComment('  Stämmer datumet?  ')).toBe('Stämmer datumet?');
    expect(checkComment('   ')).toBeNull();
    expect(checkComment('x'.repeat(MINUTES_LIMITS.commentMax + 1))).toBeNull();
  });
});
