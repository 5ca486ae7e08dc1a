/**
 * Timed work planned on Stockholm's wall clock: 09:00 stays 09:00 on both sides of the
 * daylight-saving changes of 2026 (29 March and 25 October), lead times are calendar days, and
 * the keys change when a meeting moves.
 */
import type { Meeting } from '../../../bot/src/domain/meeting';
import { plannedRunsForAction, plannedRunsForMeeting, reReportingNudge, timedWorkSettings } from '../../../bot/src/domain/timed-work';

const settings = timedWorkSettings({ callForProposalsDays: 21, proposalDeadlineDays: 7 });
const meeting = (startsAt: string, overrides: Partial<Meeting> = {}): Meeting => ({
  id: 'm1',
  tenantId: 't',
  groupId: 'g',
  title: 'Möte',
  startsAt: new Date(startsAt),
  durationMinutes: 120,
  place: 'Stadshuset',
  onlineUrl: null,
  chairPersonId: null,
  status: 'planned',
  ...overrides,
});
const early = new Date('2026-01-01T00:00:00Z');
const times = (runs: { kind: string; runAt: Date }[]) => Object.fromEntries(runs.map((r) => [r.kind, r.runAt.toISOString()]));

describe('timed work of a meeting', () => {
  it('plans every run at 09:00 Stockholm time, counting calendar days', () => {
    // Wednesday 15 April 2026, 13:00 CEST.
    const runs = plannedRunsForMeeting(meeting('2026-04-15T11:00:00Z'), settings, early);
    expect(times(runs)).toEqual({
      'call-for-proposals': '2026-03-25T08:00:00.000Z', // 09:00 CET, before the change
      'proposal-deadline-reminder': '2026-04-06T07:00:00.000Z', // two days before the last day, 8 April
      'action-status-request': '2026-04-10T07:00:00.000Z',
      kallelse: '2026-04-10T07:00:00.000Z', // sent on its own five days ahead unless the chair sent it
      'day-before-reminder': '2026-04-14T07:00:00.000Z', // 09:00 CEST
    });
    expect(runs.map((r) => r.kind)).toEqual([
      'call-for-proposals',
      'proposal-deadline-reminder',
      'kallelse',
      'action-status-request',
      'day-before-reminder',
    ]);
    expect(runs[0]!.key).toBe('call-for-proposals:m1:2026-03-25');
  });

  it('keeps 09:00 on the days the clocks change', () => {
    // The day before a meeting on Monday 30 March is the Sunday the clocks go forward.
    expect(times(plannedRunsForMeeting(meeting('2026-03-30T11:00:00Z'), settings, early))['day-before-reminder']).toBe(
      '2026-03-29T07:00:00.000Z',
    );
    // …and before Monday 26 October, the Sunday they go back.
    expect(times(plannedRunsForMeeting(meeting('2026-10-26T12:00:00Z'), settings, early))['day-before-reminder']).toBe(
      '2026-10-25T08:00:00.000Z',
    );
  });

  it('leaves out what has passed, and everything of a cancelled or held meeting', () => {
    const now = new Date('2026-04-07T00:00:00Z');
    expect(plannedRunsForMeeting(meeting('2026-04-15T11:00:00Z'), settings, now).map((r) => r.kind)).toEqual([
      'kallelse',
      'action-status-request',
      'day-before-reminder',
    ]);
    expect(plannedRunsForMeeting(meeting('2026-04-15T11:00:00Z', { status: 'cancelled' }), settings, early)).toEqual([]);
    expect(plannedRunsForMeeting(meeting('2026-04-15T11:00:00Z', { status: 'held' }), settings, early)).toEqual([]);
  });

  it('gives a moved meeting new keys, and the same meeting the same keys every time', () => {
    const keys = (startsAt: string) => plannedRunsForMeeting(meeting(startsAt), settings, early).map((r) => r.key);
    expect(keys('2026-04-15T11:00:00Z')).toEqual(keys('2026-04-15T11:00:00Z'));
    expect(keys('2026-04-22T11:00:00Z').some((k) => keys('2026-04-15T11:00:00Z').includes(k))).toBe(false);
  });

  it('follows the group’s own lead times and time of day', () => {
    const own = timedWorkSettings({ callForProposalsDays: 28, proposalDeadlineDays: 10, kallelseDays: 7, remindersAt: '08:30' });
    const planned = times(plannedRunsForMeeting(meeting('2026-04-15T11:00:00Z'), own, early));
    expect(planned['call-for-proposals']).toBe('2026-03-18T07:30:00.000Z');
    expect(planned.kallelse).toBe('2026-04-08T06:30:00.000Z');
    // A time of day that is not one is not used: 09:00 stays.
    const odd = timedWorkSettings({ callForProposalsDays: 21, proposalDeadlineDays: 7, remindersAt: '25:00' });
    expect(times(plannedRunsForMeeting(meeting('2026-04-15T11:00:00Z'), odd, early))['call-for-proposals']).toBe(
      '2026-03-25T08:00:00.000Z',
    );
  });

  it('sends the kallelse on its own only while the chair has not, and not at all when the group says so', () => {
    const kinds = (m: Meeting, s = settings) => plannedRunsForMeeting(m, s, early).map((r) => r.kind);
    expect(kinds(meeting('2026-04-15T11:00:00Z', { status: 'called' }))).not.toContain('kallelse');
    expect(kinds(meeting('2026-04-15T11:00:00Z', { status: 'called' }))).toContain('day-before-reminder');
    const byHand = timedWorkSettings({ callForProposalsDays: 21, proposalDeadlineDays: 7, kallelseDays: null });
    expect(kinds(meeting('2026-04-15T11:00:00Z'), byHand)).not.toContain('kallelse');
  });
});

describe('timed work of actions and minutes', () => {
  it('reminds an action owner three days before and on the due day, at 09:00 across the spring change', () => {
    const runs = plannedRunsForAction({ id: 'a1', dueDate: '2026-03-31', status: 'open' }, settings, early);
    expect(runs.map((r) => [r.runAt.toISOString(), r.key])).toEqual([
      ['2026-03-28T08:00:00.000Z', 'action-due-reminder:a1:2026-03-28'],
      ['2026-03-31T07:00:00.000Z', 'action-due-reminder:a1:2026-03-31'],
    ]);
    expect(plannedRunsForAction({ id: 'a1', dueDate: '2026-03-31', status: 'done' }, settings, early)).toEqual([]);
    expect(plannedRunsForAction({ id: 'a1', dueDate: null, status: 'open' }, settings, early)).toEqual([]);
  });

  it('nudges about re-reporting a week after publishing, at 09:00 after the autumn change', () => {
    const nudge = reReportingNudge('m1', new Date('2026-10-20T15:00:00Z'), settings);
    expect(nudge).toEqual({
      kind: 're-reporting-nudge',
      subjectId: 'm1',
      runAt: new Date('2026-10-27T08:00:00.000Z'),
      key: 're-reporting-nudge:m1:2026-10-27',
    });
  });
});
