import type { Meeting } from '../../../bot/src/domain/meeting';
import type { Membership } from '../../../bot/src/domain/membership';
import { lastHeldMeetings, representationWarnings, representedAt, type AttendanceRecord } from '../../../bot/src/domain/representation';

const meeting = (id: string, startsAt: string, status: Meeting['status'] = 'held'): Meeting => ({
  id,
  tenantId: 't',
  groupId: 'g',
  title: id,
  startsAt: new Date(startsAt),
  durationMinutes: 120,
  place: 'Stadshuset',
  onlineUrl: null,
  chairPersonId: null,
  status,
});

const record = (meetingId: string, personId: string, overrides: Partial<AttendanceRecord> = {}): AttendanceRecord => ({
  meetingId,
  personId,
  rsvp: null,
  present: null,
  substituteForPersonId: null,
  ...overrides,
});

// Two förvaltningar, a bolag; Sara is utb's delegate, Mo sbf's, Tor the bolag's, Anna a strategist at ks.
const organisations = [
  { id: 'utb', kind: 'forvaltning' as const },
  { id: 'sbf', kind: 'forvaltning' as const },
  { id: 'tep', kind: 'bolag' as const },
];
const people = [
  { id: 'sara', organisationId: 'utb' },
  { id: 'mo', organisationId: 'sbf' },
  { id: 'tor', organisationId: 'tep' },
  { id: 'anna', organisationId: 'ks' },
  { id: 'vikarie', organisationId: null },
];
const memberships: Pick<Membership, 'personId' | 'role'>[] = [
  { personId: 'sara', role: 'delegate' },
  { personId: 'mo', role: 'delegate' },
  { personId: 'tor', role: 'delegate' },
  { personId: 'anna', role: 'strategist' },
];
const held = [{ id: 'm2' }, { id: 'm1' }];
const warningsFor = (attendance: AttendanceRecord[], overrides: Partial<Parameters<typeof representationWarnings>[0]> = {}) =>
  representationWarnings({ organisations, people, memberships, heldMeetings: held, attendance, ...overrides });

describe('the last meetings held', () => {
  const now = new Date('2026-05-13T12:30:00Z'); // during the May meeting
  const meetings = [
    meeting('feb', '2026-02-11T12:00:00Z', 'minutes_published'),
    meeting('mar', '2026-03-11T12:00:00Z', 'cancelled'),
    meeting('apr', '2026-04-08T11:00:00Z', 'called'),
    meeting('may', '2026-05-13T11:00:00Z', 'called'),
    meeting('jun', '2026-06-10T11:00:00Z', 'planned'),
  ];

  it('are the two latest that are over and not cancelled, newest first', () => {
    expect(lastHeldMeetings(meetings, now).map((m) => m.id)).toEqual(['apr', 'feb']);
  });

  it('count a meeting once its time has run out, not while it goes on', () => {
    expect(lastHeldMeetings(meetings, new Date('2026-05-13T12:59:59Z'))[0]!.id).toBe('apr');
    expect(lastHeldMeetings(meetings, new Date('2026-05-13T13:00:00Z')).map((m) => m.id)).toEqual(['may', 'apr']);
  });

  it('may be fewer than two early in the year', () => {
    expect(lastHeldMeetings(meetings, new Date('2026-03-01T00:00:00Z')).map((m) => m.id)).toEqual(['feb']);
    expect(lastHeldMeetings(meetings, new Date('2026-01-01T00:00:00Z'))).toEqual([]);
  });
});

describe('who represented an organisation at a meeting', () => {
  const orgOf = (personId: string) => people.find((p) => p.id === personId)?.organisationId ?? null;

  it('is unknown when nothing at all is recorded', () => {
    expect(representedAt([], orgOf)).toBeNull();
    expect(representedAt([record('m', 'sara')], orgOf)).toBeNull();
  });

  it('goes by the answers while presence is not noted: "kommer" and "ersättare kommer" count, "kommer inte" does not', () => {
    const represented = representedAt(
      [record('m', 'sara', { rsvp: 'yes' }), record('m', 'mo', { rsvp: 'no' }), record('m', 'tor', { rsvp: 'substitute' })],
      orgOf,
    );
    expect([...represented!].sort()).toEqual(['tep', 'utb']);
  });

  it('goes by presence once anyone is noted, whatever they answered', () => {
    const represented = representedAt(
      [
        record('m', 'sara', { rsvp: 'yes', present: false }),
        record('m', 'mo', { rsvp: 'no', present: true }),
        record('m', 'tor', { rsvp: 'yes' }), // answered but not noted as present: not there
      ],
      orgOf,
    );
    expect([...represented!]).toEqual(['sbf']);
  });

  it('counts a substitute who was there for the organisation of the person they stood in for', () => {
    const represented = representedAt([record('m', 'vikarie', { present: true, substituteForPersonId: 'sara' })], orgOf);
    expect([...represented!]).toEqual(['utb']);
  });
});

describe('warnings about the förvaltningar', () => {
  it('warn of every förvaltning without a delegate, but never of a bolag', () => {
    const withoutDelegates = memberships.filter((m) => m.personId !== 'mo' && m.personId !== 'tor');
    expect(warningsFor([], { memberships: withoutDelegates, heldMeetings: [] })).toEqual([{ kind: 'no-delegate', organisationId: 'sbf' }]);
  });

  it("count only a delegate as the förvaltning's delegate", () => {
    for (const role of ['strategist', 'substitute', 'guest'] as const) {
      const moAs = [...memberships.filter((m) => m.personId !== 'mo'), { personId: 'mo', role }];
      expect(warningsFor([], { memberships: moAs, heldMeetings: [] })).toEqual([{ kind: 'no-delegate', organisationId: 'sbf' }]);
    }
  });

  it('warn of a förvaltning nobody represented at both of the last two meetings', () => {
    const attendance = [
      record('m1', 'sara', { present: true }),
      record('m1', 'mo', { present: false }),
      record('m2', 'sara', { rsvp: 'yes' }),
      record('m2', 'mo', { rsvp: 'no' }),
    ];
    expect(warningsFor(attendance)).toEqual([{ kind: 'unrepresented', organisationId: 'sbf', meetingIds: ['m2', 'm1'] }]);
  });

  it('say nothing when the förvaltning came to one of the two, by itself or through a substitute', () => {
    const attendance = [
      record('m1', 'sara', { present: true }),
      record('m1', 'vikarie', { present: true, substituteForPersonId: 'mo' }),
      record('m2', 'sara', { rsvp: 'yes' }),
      record('m2', 'mo', { rsvp: 'no' }),
    ];
    expect(warningsFor(attendance)).toEqual([]);
  });

  it('say nothing about absence with fewer than two meetings held, or with one of them unrecorded', () => {
    const onlyM1 = [record('m1', 'sara', { present: true })];
    expect(warningsFor(onlyM1, { heldMeetings: [{ id: 'm1' }] })).toEqual([]);
    expect(warningsFor(onlyM1)).toEqual([]);
  });

  it('put "no delegate" first, and can warn of both for one förvaltning', () => {
    const attendance = [record('m1', 'sara', { present: true }), record('m2', 'sara', { rsvp: 'yes' })];
    const noSbfDelegate = memberships.filter((m) => m.personId !== 'mo');
    expect(warningsFor(attendance, { memberships: noSbfDelegate })).toEqual([
      { kind: 'no-delegate', organisationId: 'sbf' },
      { kind: 'unrepresented', organisationId: 'sbf', meetingIds: ['m2', 'm1'] },
    ]);
  });
});
