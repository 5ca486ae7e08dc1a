/**
 * The report's rules on plain records (the seeded year in tests/integration/report-http.test.ts
 * checks them all together): the period, "overdue" at the period's end, a withdrawn proposal,
 * a decision at a cancelled meeting, several goals on one proposal, and a meeting still going on.
 */
import { buildReport, type ReportInput } from '../../../bot/src/domain/report';
import { checkReportPeriod, reportDocumentPath } from '../../../bot/src/domain/report-period';

const input = (overrides: Partial<ReportInput> = {}): ReportInput => ({
  period: { from: '2026-01-01', to: '2026-06-30' },
  now: new Date('2026-12-01T12:00:00Z'),
  meetings: [],
  organisations: [{ id: 'a' }, { id: 'b' }],
  people: [{ id: 'pa', organisationId: 'a' }],
  memberships: [{ personId: 'pa', role: 'delegate' }],
  attendance: [],
  goals: [{ id: 'g1' }, { id: 'g2' }, { id: 'g3' }],
  proposals: [],
  decisions: [],
  actions: [],
  competence: [],
  reReports: [],
  ...overrides,
});

describe('the report period', () => {
  it('takes real dates, from on or before to, for less than three years', () => {
    expect(checkReportPeriod('2026-01-01', '2026-12-31')).toEqual({ ok: true, period: { from: '2026-01-01', to: '2026-12-31' } });
    expect(checkReportPeriod('2026-05-05', '2026-05-05').ok).toBe(true);
    expect(checkReportPeriod('2024-01-01', '2026-12-31').ok).toBe(true);
    expect(checkReportPeriod('2024-01-01', '2027-01-01')).toEqual({ ok: false, error: 'too-long' });
    expect(checkReportPeriod('2026-12-31', '2026-01-01')).toEqual({ ok: false, error: 'from-after-to' });
    expect(checkReportPeriod('2026-02-29', '2026-12-31')).toEqual({ ok: false, error: 'not-a-date' });
    expect(checkReportPeriod('26-01-01', '2026-12-31')).toEqual({ ok: false, error: 'not-a-date' });
  });

  it('names the document by the year the period ends in, without characters SharePoint refuses', () => {
    expect(reportDocumentPath({ from: '2025-07-01', to: '2026-06-30' }, 'Utskottet: för "Agenda 2030"')).toBe(
      'Rapporter/2026/2025-07-01–2026-06-30 Rapport till Utskottet för Agenda 2030.docx',
    );
  });
});

describe('buildReport', () => {
  it('counts overdue at the end of a past period: done later still counts, due that day does not', () => {
    const created = new Date('2026-01-10T10:00:00Z');
    const f = buildReport(
      input({
        actions: [
          {
            id: '1',
            organisationId: 'a',
            dueDate: '2026-03-01',
            status: 'done',
            createdAt: created,
            doneAt: new Date('2026-08-01T10:00:00Z'),
          },
          { id: '2', organisationId: 'a', dueDate: '2026-06-30', status: 'open', createdAt: created, doneAt: null },
          { id: '3', organisationId: 'b', dueDate: '2026-06-29', status: 'open', createdAt: created, doneAt: null },
          {
            id: '4',
            organisationId: 'b',
            dueDate: '2026-03-01',
            status: 'done',
            createdAt: created,
            doneAt: new Date('2026-06-30T20:00:00Z'),
          },
          // Created after the period: neither opened nor overdue in it.
          {
            id: '5',
            organisationId: 'b',
            dueDate: '2026-07-02',
            status: 'open',
            createdAt: new Date('2026-07-01T10:00:00Z'),
            doneAt: null,
          },
        ],
      }),
    );
    // 1: done 1 Aug, after 30 June → overdue. 3: due 29 June → overdue. 4: done 30 June (22:00 Stockholm) → closed.
    expect(f.actions).toMatchObject({ asOf: '2026-06-30', opened: 4, closed: 1, overdue: 2 });
  });

  it('leaves out withdrawn proposals and decisions at cancelled meetings; counts each goal once per proposal', () => {
    const at = new Date('2026-02-01T10:00:00Z');
    const f = buildReport(
      input({
        meetings: [
          { id: 'm1', title: 'M1', startsAt: at, durationMinutes: 60, status: 'minutes_published' },
          { id: 'm2', title: 'M2', startsAt: at, durationMinutes: 60, status: 'cancelled' },
        ],
        proposals: [
          { id: 'p1', organisationId: 'a', goalIds: ['g1', 'g3', 'g1'], createdAt: at, status: 'accepted' },
          { id: 'p2', organisationId: 'b', goalIds: ['g1'], createdAt: at, status: 'withdrawn' },
          { id: 'p3', organisationId: 'gone', goalIds: [], createdAt: at, status: 'declined' },
        ],
        decisions: [
          { meetingId: 'm1', agendaItemId: 'i1', organisationId: 'a', goalIds: ['g3'] },
          { meetingId: 'm2', agendaItemId: 'i2', organisationId: 'a', goalIds: ['g2'] },
        ],
      }),
    );
    expect([f.proposals, f.decisions]).toEqual([2, 1]);
    expect(f.byGoal).toEqual([
      { goalId: 'g1', proposals: 1, decisions: 0 },
      { goalId: 'g3', proposals: 1, decisions: 1 },
    ]);
    // An organisation the group no longer has counts as "no organisation".
    expect(f.byOrganisation).toEqual([
      { organisationId: 'a', proposals: 1, decisions: 1 },
      { organisationId: 'b', proposals: 0, decisions: 0 },
      { organisationId: null, proposals: 1, decisions: 0 },
    ]);
    expect(f.meetings).toMatchObject({ cancelled: 1, upcoming: 0 });
  });

  it('does not count a meeting still going on as held', () => {
    const f = buildReport(
      input({
        now: new Date('2026-03-01T12:30:00Z'),
        meetings: [{ id: 'm', title: 'M', startsAt: new Date('2026-03-01T12:00:00Z'), durationMinutes: 60, status: 'called' }],
        attendance: [{ meetingId: 'm', personId: 'pa', rsvp: 'yes', present: null, substituteForPersonId: null }],
      }),
    );
    expect(f.meetings).toEqual({ held: [], cancelled: 0, upcoming: 1 });
    expect(f.attendance).toEqual([
      { organisationId: 'a', cells: [], represented: 0, bySubstitute: 0, known: 0 },
      { organisationId: 'b', cells: [], represented: 0, bySubstitute: 0, known: 0 },
    ]);
  });
});
