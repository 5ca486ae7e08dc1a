/**
 * Sub-groups' rules without I/O: which meeting the report-back goes to (Stockholm days, the
 * deadline day itself, cancelled meetings), the agenda item appearing once and moving, the
 * convenor's reminder run, and what a sub-group must have.
 */
import type { AgendaItem } from '../../../bot/src/domain/agenda-item';
import type { Meeting } from '../../../bot/src/domain/meeting';
import { DEFAULT_STANDING_ITEMS } from '../../../bot/src/domain/standing-items';
import {
  checkSubGroup,
  placeReportBacks,
  reportBackItemId,
  reportBackMeeting,
  reportBacksAt,
  subGroupWarnings,
  type SubGroup,
} from '../../../bot/src/domain/sub-group';
import { subGroupReminder } from '../../../bot/src/domain/timed-work';

const meeting = (id: string, startsAt: string, status: Meeting['status'] = 'planned'): Meeting => ({
  id,
  tenantId: 't',
  groupId: 'g',
  title: `Möte ${id}`,
  startsAt: new Date(startsAt),
  durationMinutes: 120,
  place: 'Rådhuset',
  onlineUrl: null,
  chairPersonId: null,
  status,
});

// 13:00 Stockholm (winter: UTC+1, summer: UTC+2).
const march = meeting('mars', '2026-03-11T12:00:00Z');
const april = meeting('april', '2026-04-15T11:00:00Z');
const may = meeting('maj', '2026-05-20T11:00:00Z');
const meetings = [may, march, april];

const subGroup = (overrides: Partial<SubGroup> = {}): SubGroup => ({
  id: 'sg1',
  tenantId: 't',
  groupId: 'g',
  name: 'Matsvinn',
  mandate: 'Kartlägg matsvinnet i skolor och äldreboenden.',
  originMeetingId: 'feb',
  originAgendaItemId: 'item-feb',
  originItemTitle: 'Matsvinn',
  convenorPersonId: 'karin',
  memberPersonIds: ['karin', 'sara'],
  deadline: '2026-03-31',
  status: 'active',
  createdAt: new Date('2026-02-11T12:00:00Z'),
  updatedAt: new Date('2026-02-11T12:00:00Z'),
  ...overrides,
});

describe('the report-back meeting', () => {
  it('is the first meeting on a day after the deadline, whatever order the meetings come in', () => {
    expect(reportBackMeeting('2026-03-31', meetings)?.id).toBe('april');
    expect(reportBackMeeting('2026-03-01', meetings)?.id).toBe('mars');
  });

  it('is not a meeting on the deadline day itself: the sub-group has all of that day', () => {
    expect(reportBackMeeting('2026-03-11', meetings)?.id).toBe('april');
    expect(reportBackMeeting('2026-03-10', meetings)?.id).toBe('mars');
  });

  it('counts days in Stockholm: a meeting at 00:30 on the next local day is after the deadline', () => {
    // 2026-03-31T22:30Z is 00:30 on 1 April in Stockholm (summer time), still 31 March in UTC.
    const early = meeting('tidig', '2026-03-31T22:30:00Z');
    expect(reportBackMeeting('2026-03-31', [early, april])?.id).toBe('tidig');
    // 2026-03-31T21:30Z is 23:30 on 31 March in Stockholm: the deadline day.
    const late = meeting('sen', '2026-03-31T21:30:00Z');
    expect(reportBackMeeting('2026-03-31', [late, april])?.id).toBe('april');
  });

  it('skips a cancelled meeting, and follows a moved or added one', () => {
    expect(reportBackMeeting('2026-03-31', [march, { ...april, status: 'cancelled' }, may])?.id).toBe('maj');
    const added = meeting('extra', '2026-04-02T09:00:00Z');
    expect(reportBackMeeting('2026-03-31', [...meetings, added])?.id).toBe('extra');
    const aprilMovedToMarch = { ...april, startsAt: new Date('2026-03-25T12:00:00Z') };
    expect(reportBackMeeting('2026-03-31', [march, aprilMovedToMarch, may])?.id).toBe('maj');
  });

  it('is none when no meeting is planned after the deadline', () => {
    expect(reportBackMeeting('2026-05-20', meetings)).toBeNull();
    expect(reportBackMeeting('2026-03-31', [])).toBeNull();
  });

  it('is due only for active sub-groups, with the convenor as presenter while a member', () => {
    const members = new Set(['karin', 'sara']);
    const all = [subGroup(), subGroup({ id: 'sg2', status: 'reported' }), subGroup({ id: 'sg3', deadline: '2026-04-30' })];
    expect(reportBacksAt(april, all, meetings, members)).toEqual([
      { subGroupId: 'sg1', title: 'Återrapportering: Matsvinn', presenterPersonId: 'karin' },
    ]);
    expect(reportBacksAt(april, [subGroup()], meetings, new Set(['sara']))[0]?.presenterPersonId).toBeNull();
  });
});

describe('the report-back item on the agenda', () => {
  const template = DEFAULT_STANDING_ITEMS;
  const agendaOf = (m: Meeting): AgendaItem[] =>
    template.map((t, index) => ({
      id: `${m.id}-std-${index}`,
      tenantId: 't',
      groupId: 'g',
      meetingId: m.id,
      position: index + 1,
      title: t.title,
      durationMinutes: t.minutes,
      presenterPersonId: null,
      proposalId: null,
      standing: true,
    }));
  const place = (m: Meeting, items: AgendaItem[], all: SubGroup[], allMeetings: Meeting[] = meetings) =>
    placeReportBacks({
      items,
      meeting: m,
      reportBacks: reportBacksAt(m, all, allMeetings, new Set(['karin', 'sara'])),
      allSubGroupIds: all.map((s) => s.id),
      template,
    });

  it('appears once, before the closing standing items, and a second composition changes nothing', () => {
    const first = place(april, agendaOf(april), [subGroup()]);
    expect(first.changed).toBe(true);
    const titles = first.items.map((i) => i.title);
    expect(titles.filter((t) => t === 'Återrapportering: Matsvinn')).toHaveLength(1);
    // Before "Återrapportering till utskott och SDL", the first closing item.
    expect(titles.indexOf('Återrapportering: Matsvinn')).toBe(titles.indexOf('Återrapportering till utskott och SDL') - 1);
    expect(first.items.map((i) => i.position)).toEqual(first.items.map((_, index) => index + 1));
    const again = place(april, first.items, [subGroup()]);
    expect(again.changed).toBe(false);
    expect(again.items).toEqual(first.items);
  });

  it("keeps a strategist's edits to the item, but presents by the current convenor", () => {
    const placed = place(april, agendaOf(april), [subGroup()]).items;
    const edited = placed.map((i) =>
      i.id === reportBackItemId('sg1', 'april') ? { ...i, title: 'Matsvinnet: rapport', durationMinutes: 20 } : i,
    );
    const next = place(april, edited, [subGroup({ convenorPersonId: 'sara' })]);
    const item = next.items.find((i) => i.id === reportBackItemId('sg1', 'april'));
    expect(item).toMatchObject({ title: 'Matsvinnet: rapport', durationMinutes: 20, presenterPersonId: 'sara' });
    expect(next.changed).toBe(true);
  });

  it('moves when the deadline changes or the meeting is cancelled: gone from one agenda, on the next', () => {
    const onApril = place(april, agendaOf(april), [subGroup()]).items;
    const later = [subGroup({ deadline: '2026-04-30' })];
    const aprilAfter = place(april, onApril, later);
    expect(aprilAfter.items.some((i) => i.title.startsWith('Återrapportering: '))).toBe(false);
    expect(aprilAfter.changed).toBe(true);
    expect(place(may, agendaOf(may), later).items.filter((i) => i.id === reportBackItemId('sg1', 'maj'))).toHaveLength(1);

    const cancelled = { ...april, status: 'cancelled' as const };
    const withCancelled = [march, cancelled, may];
    expect(place(cancelled, onApril, [subGroup()], withCancelled).items.some((i) => i.title.startsWith('Återrapportering: '))).toBe(false);
    expect(place(may, agendaOf(may), [subGroup()], withCancelled).items.some((i) => i.title === 'Återrapportering: Matsvinn')).toBe(true);
  });

  it('leaves when the sub-group has reported or is closed, and leaves other items alone', () => {
    const onApril = place(april, agendaOf(april), [subGroup()]).items;
    const reported = place(april, onApril, [subGroup({ status: 'reported' })]);
    expect(reported.items).toEqual(agendaOf(april));
  });

  it('names its item by sub-group and meeting: stable, distinct and a valid id', () => {
    expect(reportBackItemId('sg1', 'april')).toBe(reportBackItemId('sg1', 'april'));
    expect(reportBackItemId('sg1', 'april')).not.toBe(reportBackItemId('sg1', 'maj'));
    expect(reportBackItemId('sg1', 'april')).not.toBe(reportBackItemId('sg2', 'april'));
    expect(reportBackItemId('sg1', 'april')).toMatch(/^rb-[0-9a-f]{32}$/);
  });
});

describe("the convenor's reminder", () => {
  const settings = { statusRequestDays: 5, sendAt: '09:00' };

  it('runs at 09:00 Stockholm as many days before the meeting as the status request, keyed by sub-group and day', () => {
    const run = subGroupReminder('sg1', april, settings, new Date('2026-03-01T00:00:00Z'));
    expect(run).toEqual({
      kind: 'sub-group-reminder',
      subjectId: 'sg1',
      runAt: new Date('2026-04-10T07:00:00Z'),
      key: 'sub-group-reminder:sg1:2026-04-10',
    });
  });

  it('is left out once its day is past, and for a meeting that is cancelled or held', () => {
    expect(subGroupReminder('sg1', april, settings, new Date('2026-04-10T08:00:00Z'))).toBeNull();
    expect(subGroupReminder('sg1', { ...april, status: 'cancelled' }, settings, new Date('2026-03-01T00:00:00Z'))).toBeNull();
    expect(subGroupReminder('sg1', { ...april, status: 'held' }, settings, new Date('2026-03-01T00:00:00Z'))).toBeNull();
  });
});

describe('what a sub-group must have', () => {
  const groupMembers = new Set(['karin', 'sara', 'anna']);
  const fields = subGroup();

  it('accepts a complete one and names each problem', () => {
    expect(checkSubGroup(fields, groupMembers)).toBeNull();
    expect(checkSubGroup({ ...fields, name: '  ' }, groupMembers)).toBe('bad-name');
    expect(checkSubGroup({ ...fields, mandate: '' }, groupMembers)).toBe('bad-mandate');
    expect(checkSubGroup({ ...fields, deadline: '2026-02-30' }, groupMembers)).toBe('bad-deadline');
    expect(checkSubGroup({ ...fields, memberPersonIds: [] }, groupMembers)).toBe('no-members');
    expect(checkSubGroup({ ...fields, memberPersonIds: ['karin', 'stranger'] }, groupMembers)).toBe('member-not-in-group');
    expect(checkSubGroup({ ...fields, convenorPersonId: 'anna' }, groupMembers)).toBe('convenor-not-member');
    expect(checkSubGroup({ ...fields, convenorPersonId: null }, groupMembers)).toBe('convenor-not-member');
    expect(checkSubGroup({ ...fields, convenorPersonId: null }, groupMembers, { allowNoConvenor: true })).toBeNull();
  });

  it('warns, without refusing, when the members come from fewer than two organisations', () => {
    expect(subGroupWarnings(['ksf', 'ksf', null])).toEqual(['one-organisation']);
    expect(subGroupWarnings(['ksf', 'utb'])).toEqual([]);
  });
});
