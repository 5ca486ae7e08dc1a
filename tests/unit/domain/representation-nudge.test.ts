/**
 * The meetings × organisations grid and the nudge after two meetings missed in a row: each rule
 * once, on hand-made records (the attendance rule itself is `representationAt`'s, tested in
 * representation.test.ts).
 */
import type { Membership } from '../../../bot/src/domain/membership';
import { heldMeetingsIn, representationAt, representationGrid, type AttendanceRecord } from '../../../bot/src/domain/representation';
import { representationNudges } from '../../../bot/src/domain/representation-nudge';
import type { Meeting } from '../../../bot/src/domain/meeting';

const record = (meetingId: string, personId: string, overrides: Partial<AttendanceRecord> = {}): AttendanceRecord => ({
  meetingId,
  personId,
  rsvp: null,
  present: null,
  substituteForPersonId: null,
  ...overrides,
});
const present = (meetingId: string, personId: string, substituteFor: string | null = null) =>
  record(meetingId, personId, { present: true, substituteForPersonId: substituteFor });
const absent = (meetingId: string, personId: string) => record(meetingId, personId, { present: false });

// utb has two delegates (Sara, Ulf); sbf one (Mo); ks has a strategist (Anna) and a delegate (Per);
// tep is a bolag; Vera is an ersättare of no organisation; Eva an ersättare at utb.
const organisations = [
  { id: 'utb', kind: 'forvaltning' as const },
  { id: 'sbf', kind: 'forvaltning' as const },
  { id: 'ks', kind: 'forvaltning' as const },
  { id: 'tep', kind: 'bolag' as const },
];
const people = [
  { id: 'sara', organisationId: 'utb' },
  { id: 'ulf', organisationId: 'utb' },
  { id: 'eva', organisationId: 'utb' },
  { id: 'mo', organisationId: 'sbf' },
  { id: 'anna', organisationId: 'ks' },
  { id: 'per', organisationId: 'ks' },
  { id: 'tor', organisationId: 'tep' },
  { id: 'vera', organisationId: null },
];
const memberships: Pick<Membership, 'personId' | 'role'>[] = [
  { personId: 'sara', role: 'delegate' },
  { personId: 'ulf', role: 'delegate' },
  { personId: 'eva', role: 'substitute' },
  { personId: 'mo', role: 'delegate' },
  { personId: 'anna', role: 'strategist' },
  { personId: 'per', role: 'delegate' },
  { personId: 'tor', role: 'delegate' },
  { personId: 'vera', role: 'substitute' },
];
/** Newest first, as lastHeldMeetings gives them. */
const held = [{ id: 'm3' }, { id: 'm2' }, { id: 'm1' }];
/** Everyone there but those named: a meeting with presence noted. */
const allBut = (meetingId: string, ...missing: string[]) =>
  people.map((p) => (missing.includes(p.id) ? absent(meetingId, p.id) : present(meetingId, p.id)));
const nudgesFor = (attendance: AttendanceRecord[], heldMeetings = held) =>
  representationNudges({ organisations, people, memberships, heldMeetings, attendance });

describe('the nudge after two meetings missed in a row', () => {
  it('goes to every delegate of a förvaltning nobody represented at the last two meetings held', () => {
    const attendance = [...allBut('m3', 'sara', 'ulf', 'eva'), ...allBut('m2', 'sara', 'ulf', 'eva'), ...allBut('m1')];
    expect(nudgesFor(attendance)).toEqual([
      { organisationId: 'utb', missedMeetingIds: ['m3', 'm2'], runStartedAt: 'm2', delegatePersonIds: ['sara', 'ulf'] },
    ]);
  });

  it('does not come after one meeting missed', () => {
    expect(nudgesFor([...allBut('m3', 'sara', 'ulf', 'eva'), ...allBut('m2'), ...allBut('m1', 'sara', 'ulf', 'eva')])).toEqual([]);
    expect(nudgesFor([...allBut('m3', 'sara', 'ulf', 'eva')], [{ id: 'm3' }])).toEqual([]);
  });

  it('does not come when one of the two meetings has nothing recorded', () => {
    expect(nudgesFor([...allBut('m2', 'sara', 'ulf', 'eva'), ...allBut('m1', 'sara', 'ulf', 'eva')])).toEqual([]);
    expect(nudgesFor([...allBut('m3', 'sara', 'ulf', 'eva'), ...allBut('m1', 'sara', 'ulf', 'eva')])).toEqual([]);
  });

  it('does not come when an ersättare represented the förvaltning, however it is recorded', () => {
    const missedM2 = allBut('m2', 'sara', 'ulf', 'eva');
    // Vera (no organisation) noted as there for Sara.
    expect(
      nudgesFor([...allBut('m3', 'sara', 'ulf', 'eva').filter((r) => r.personId !== 'vera'), present('m3', 'vera', 'sara'), ...missedM2]),
    ).toEqual([]);
    // Eva, utb's own ersättare, there in her own name.
    expect(nudgesFor([...allBut('m3', 'sara', 'ulf'), ...missedM2])).toEqual([]);
    // No presence noted yet: Sara answered "ersättare kommer".
    expect(nudgesFor([record('m3', 'sara', { rsvp: 'substitute' }), record('m3', 'mo', { rsvp: 'yes' }), ...missedM2])).toEqual([]);
  });

  it('names the first meeting of the run of misses, so a third miss gives the same delivery key', () => {
    const two = nudgesFor([...allBut('m2', 'mo'), ...allBut('m1', 'mo')], [{ id: 'm2' }, { id: 'm1' }]);
    const three = nudgesFor([...allBut('m3', 'mo'), ...allBut('m2', 'mo'), ...allBut('m1', 'mo')]);
    expect(two.map((n) => [n.organisationId, n.runStartedAt])).toEqual([['sbf', 'm1']]);
    expect(three.map((n) => [n.organisationId, n.runStartedAt, n.missedMeetingIds])).toEqual([['sbf', 'm1', ['m3', 'm2', 'm1']]]);
    // Represented at m1, then two misses: a new run, a new key.
    expect(nudgesFor([...allBut('m3', 'mo'), ...allBut('m2', 'mo'), ...allBut('m1')]).map((n) => n.runStartedAt)).toEqual(['m2']);
  });

  it('never goes to a strategist, nor for a bolag or a förvaltning without a delegate', () => {
    // ks missed twice: Per, its delegate, is told; Anna, the strategist who works there, is not.
    const ksMissed = [...allBut('m3', 'anna', 'per'), ...allBut('m2', 'anna', 'per')];
    expect(nudgesFor(ksMissed)).toEqual([
      { organisationId: 'ks', missedMeetingIds: ['m3', 'm2'], runStartedAt: 'm2', delegatePersonIds: ['per'] },
    ]);
    // The bolag missed twice: no nudge.
    expect(nudgesFor([...allBut('m3', 'tor'), ...allBut('m2', 'tor')])).toEqual([]);
    // sbf has no delegate any more (Mo is a guest now): nobody to nudge.
    const noDelegate = memberships.map((m) => (m.personId === 'mo' ? { ...m, role: 'guest' as const } : m));
    expect(
      representationNudges({
        organisations,
        people,
        memberships: noDelegate,
        heldMeetings: held,
        attendance: [...allBut('m3', 'mo'), ...allBut('m2', 'mo')],
      }),
    ).toEqual([]);
  });
});

describe('the meetings × organisations grid', () => {
  it('marks each cell delegate, ersättare, not represented or unknown, and sums each organisation', () => {
    const attendance = [
      // m1: presence noted. utb by Sara; sbf by Vera standing in for Mo; ks missing; tep by Tor.
      present('m1', 'sara'),
      present('m1', 'vera', 'mo'),
      absent('m1', 'per'),
      present('m1', 'tor'),
      // m2: only answers to the kallelse. utb: Sara sends an ersättare; ks: Per comes.
      record('m2', 'sara', { rsvp: 'substitute' }),
      record('m2', 'per', { rsvp: 'yes' }),
      record('m2', 'mo', { rsvp: 'no' }),
      // m3: nothing recorded.
    ];
    const grid = representationGrid({
      organisations,
      people,
      memberships,
      meetings: [{ id: 'm1' }, { id: 'm2' }, { id: 'm3' }],
      attendance,
      proposals: [
        { meetingId: 'm1', organisationId: 'utb', proposerPersonId: 'sara', status: 'accepted' },
        { meetingId: 'm1', organisationId: null, proposerPersonId: 'ulf', status: 'submitted' },
        { meetingId: 'm1', organisationId: 'sbf', proposerPersonId: 'mo', status: 'withdrawn' },
        { meetingId: 'm2', organisationId: 'ks', proposerPersonId: 'anna', status: 'declined' },
        { meetingId: 'other-year', organisationId: 'ks', proposerPersonId: 'anna', status: 'accepted' },
      ],
      actions: [
        { meetingId: 'm1', organisationId: null, ownerPersonId: 'mo', status: 'open' },
        { meetingId: 'm1', organisationId: 'sbf', ownerPersonId: null, status: 'blocked' },
        { meetingId: 'm2', organisationId: 'utb', ownerPersonId: 'sara', status: 'done' },
      ],
    });
    const marks = grid.meetings.map((m) => m.cells.map((c) => c.mark));
    expect(marks).toEqual([
      ['delegate', 'substitute', 'absent', 'delegate'],
      ['substitute', 'absent', 'delegate', 'absent'],
      ['unknown', 'unknown', 'unknown', 'unknown'],
    ]);
    expect(grid.meetings[0]!.cells.map((c) => [c.proposals, c.openActions])).toEqual([
      [2, 0],
      [0, 2],
      [0, 0],
      [0, 0],
    ]);
    expect(grid.totals).toEqual([
      { organisationId: 'utb', represented: 2, bySubstitute: 1, absent: 0, unknown: 1, proposals: 2, openActions: 0 },
      { organisationId: 'sbf', represented: 1, bySubstitute: 1, absent: 1, unknown: 1, proposals: 0, openActions: 2 },
      { organisationId: 'ks', represented: 1, bySubstitute: 0, absent: 1, unknown: 1, proposals: 1, openActions: 0 },
      { organisationId: 'tep', represented: 1, bySubstitute: 0, absent: 1, unknown: 1, proposals: 0, openActions: 0 },
    ]);
  });

  it('lets the organisation’s own person win over an ersättare at the same meeting', () => {
    const at = representationAt(
      [present('m', 'vera', 'sara'), present('m', 'ulf')],
      (id) => people.find((p) => p.id === id)?.organisationId ?? null,
    );
    expect(at?.get('utb')).toBe('delegate');
  });

  it('takes the meetings held in the period, not cancelled, oldest first', () => {
    const meeting = (id: string, startsAt: string, status: Meeting['status'] = 'held') => ({
      id,
      startsAt: new Date(startsAt),
      durationMinutes: 120,
      status,
    });
    const meetings = [
      meeting('dec', '2025-12-10T12:00:00Z'),
      meeting('feb', '2026-02-11T12:00:00Z', 'minutes_published'),
      meeting('mar', '2026-03-11T12:00:00Z', 'cancelled'),
      meeting('apr', '2026-04-08T11:00:00Z', 'called'),
      meeting('may', '2026-05-13T11:00:00Z', 'called'),
    ];
    const year2026 = { from: new Date('2025-12-31T23:00:00Z'), to: new Date('2026-12-31T23:00:00Z') };
    expect(heldMeetingsIn(meetings, year2026, new Date('2026-05-13T12:00:00Z')).map((m) => m.id)).toEqual(['feb', 'apr']);
  });
});

describe('someone standing in', () => {
  const orgOf = (id: string) => people.find((p) => p.id === id)?.organisationId ?? null;
  it('represents the absent member’s organisation as an ersättare, and their own as themselves', () => {
    // Mo (sbf) stands in for Sara (utb): utb by an ersättare, sbf by its delegate.
    expect(representationAt([present('m', 'mo', 'sara')], orgOf)).toEqual(
      new Map([
        ['utb', 'substitute'],
        ['sbf', 'delegate'],
      ]),
    );
    // Eva, a colleague at utb, stands in for Sara: utb by an ersättare only.
    expect(representationAt([absent('m', 'sara'), present('m', 'eva', 'sara')], orgOf)).toEqual(new Map([['utb', 'substitute']]));
  });
});
