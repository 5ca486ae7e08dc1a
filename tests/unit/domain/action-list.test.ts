/**
 * The *åtgärdslista* rules: what a filter keeps, when an action is overdue (Stockholm's day, not
 * UTC's), the list order, and who may change which field.
 */
import {
  changeableFields,
  compareForList,
  isDueDate,
  isOverdue,
  listActions,
  matchesFilter,
  refusedField,
  stockholmDay,
} from '../../../bot/src/domain/action-list';
import type { ActionStatus } from '../../../bot/src/domain/minutes';

interface Row {
  title: string;
  dueDate: string | null;
  status: ActionStatus;
  ownerPersonId: string | null;
  organisationId: string | null;
  meetingId: string;
}

const action = (over: Partial<Row> = {}): Row => ({
  title: 'Ta fram underlag',
  dueDate: '2026-03-10',
  status: 'open',
  ownerPersonId: 'sara',
  organisationId: 'miljo',
  meetingId: 'm1',
  ...over,
});

describe('the action list', () => {
  const today = '2026-03-10';

  it('counts an action overdue from the day after its due date, until it is done', () => {
    expect(isOverdue(action({ dueDate: '2026-03-09' }), today)).toBe(true);
    expect(isOverdue(action({ dueDate: '2026-03-10' }), today)).toBe(false);
    expect(isOverdue(action({ dueDate: '2026-03-09', status: 'done' }), today)).toBe(false);
    expect(isOverdue(action({ dueDate: '2026-03-09', status: 'blocked' }), today)).toBe(true);
    expect(isOverdue(action({ dueDate: null }), today)).toBe(false);
  });

  it("takes today's date in Stockholm, not in UTC", () => {
    // 23:30 UTC on 9 March is 00:30 on 10 March in Stockholm (winter time).
    expect(stockholmDay(new Date('2026-03-09T23:30:00Z'))).toBe('2026-03-10');
    // Summer time: 22:30 UTC on 30 June is 00:30 on 1 July.
    expect(stockholmDay(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(stockholmDay(new Date('2026-06-30T21:30:00Z'))).toBe('2026-06-30');
  });

  it('filters by status, "not done", owner, organisation, meeting and overdue', () => {
    expect(matchesFilter(action(), { status: 'open' }, today)).toBe(true);
    expect(matchesFilter(action(), { status: 'in_progress' }, today)).toBe(false);
    expect(matchesFilter(action({ status: 'blocked' }), { status: 'not_done' }, today)).toBe(true);
    expect(matchesFilter(action({ status: 'done' }), { status: 'not_done' }, today)).toBe(false);
    expect(matchesFilter(action({ status: 'done' }), { status: 'done' }, today)).toBe(true);
    expect(matchesFilter(action(), { ownerPersonId: 'sara' }, today)).toBe(true);
    expect(matchesFilter(action(), { ownerPersonId: 'erik' }, today)).toBe(false);
    expect(matchesFilter(action({ ownerPersonId: null }), { ownerPersonId: 'sara' }, today)).toBe(false);
    expect(matchesFilter(action(), { organisationId: 'miljo' }, today)).toBe(true);
    expect(matchesFilter(action(), { organisationId: 'kultur' }, today)).toBe(false);
    expect(matchesFilter(action(), { meetingId: 'm1' }, today)).toBe(true);
    expect(matchesFilter(action(), { meetingId: 'm2' }, today)).toBe(false);
    expect(matchesFilter(action(), { overdueOnly: true }, today)).toBe(false);
    expect(matchesFilter(action({ dueDate: '2026-03-01' }), { overdueOnly: true }, today)).toBe(true);
    // Filters add up.
    expect(matchesFilter(action({ dueDate: '2026-03-01' }), { overdueOnly: true, organisationId: 'kultur' }, today)).toBe(false);
    expect(matchesFilter(action(), {}, today)).toBe(true);
  });

  it('lists overdue actions first, then by due date (none last), then by title', () => {
    const rows = [
      action({ title: 'Utan datum', dueDate: null }),
      action({ title: 'Klar sedan länge', dueDate: '2026-01-01', status: 'done' }),
      action({ title: 'Snart', dueDate: '2026-03-12' }),
      action({ title: 'Försenad nyss', dueDate: '2026-03-09' }),
      action({ title: 'Försenad länge', dueDate: '2026-02-01' }),
      action({ title: 'Ärende B', dueDate: '2026-04-01' }),
      action({ title: 'Ärende A', dueDate: '2026-04-01' }),
    ];
    expect(listActions(rows, {}, today).map((r) => r.title)).toEqual([
      'Försenad länge',
      'Försenad nyss',
      // Done is never overdue: it sorts by its date among the rest.
      'Klar sedan länge',
      'Snart',
      'Ärende A',
      'Ärende B',
      'Utan datum',
    ]);
    expect(compareForList(action({ dueDate: '2026-03-09' }), action({ dueDate: '2026-01-01', status: 'done' }), today)).toBeLessThan(0);
    expect(listActions(rows, { status: 'not_done', overdueOnly: true }, today).map((r) => r.title)).toEqual([
      'Försenad länge',
      'Försenad nyss',
    ]);
  });

  it('lets strategists change status, due date and owner, the owner only the status, others nothing', () => {
    expect(changeableFields('strategist', false)).toEqual(['status', 'dueDate', 'owner']);
    expect(changeableFields('delegate', true)).toEqual(['status']);
    expect(changeableFields('substitute', true)).toEqual(['status']);
    expect(changeableFields('delegate', false)).toEqual([]);
    expect(changeableFields('guest', false)).toEqual([]);
    expect(refusedField('strategist', false, ['status', 'dueDate', 'owner'])).toBeNull();
    expect(refusedField('delegate', true, ['status'])).toBeNull();
    expect(refusedField('delegate', true, ['status', 'dueDate'])).toBe('dueDate');
    expect(refusedField('delegate', true, ['owner'])).toBe('owner');
    expect(refusedField('delegate', false, ['status'])).toBe('status');
  });

  it('takes only real calendar days as due dates', () => {
    expect(isDueDate('2026-05-31')).toBe(true);
    expect(isDueDate('2028-02-29')).toBe(true);
    expect(isDueDate('2026-02-29')).toBe(false);
    expect(isDueDate('2026-13-01')).toBe(false);
    expect(isDueDate('2026-5-31')).toBe(false);
    expect(isDueDate('1999-12-31')).toBe(false);
    expect(isDueDate('2101-01-01')).toBe(false);
    expect(isDueDate('2026-05-31T00:00')).toBe(false);
  });
});
