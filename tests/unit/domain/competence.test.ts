/** The competence rules: links https only, sane participant counts, held not in the future, the plan by month. */
import {
  checkActivityDraft,
  checkSuggestionDraft,
  isCalendarDate,
  mayVote,
  planByMonth,
  type ActivityDraft,
} from '../../../bot/src/domain/competence';

const NOW = new Date('2026-03-10T09:00:00Z');
const choices = { organisationIds: new Set(['ksf', 'utb']), actionIds: new Set(['action-1']) };

function aDraft(overrides: Partial<ActivityDraft> = {}): ActivityDraft {
  return {
    kind: 'lecture',
    status: 'held',
    date: '2026-03-05',
    title: '  Föreläsning om cirkulär upphandling ',
    description: '',
    organiserOrganisationId: null,
    organiser: 'Upphandlingsmyndigheten',
    participants: [
      { organisationId: 'utb', count: 3 },
      { organisationId: 'ksf', count: 5 },
    ],
    links: [{ url: 'https://example.se/bilder', label: 'Bilderna' }],
    learned: 'Krav på återbrukade möbler går att ställa.',
    actionIds: ['action-1'],
    ...overrides,
  };
}

const errorsOf = (draft: ActivityDraft, now = NOW) => {
  const checked = checkActivityDraft(draft, choices, now);
  return checked.ok ? {} : checked.errors;
};

describe('a competence activity', () => {
  it('is accepted whole, tidied, with participants in a stable order', () => {
    const checked = checkActivityDraft(aDraft(), choices, NOW);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.draft.title).toBe('Föreläsning om cirkulär upphandling');
    expect(checked.draft.participants.map((p) => p.organisationId)).toEqual(['ksf', 'utb']);
  });

  it('takes links with https only, at most five', () => {
    for (const url of [
      'http://example.se/',
      'javascript:alert(1)',
      'https://user:pw@example.se/',
      'ftp://example.se',
      'https://exa mple.se',
    ]) {
      expect([url, errorsOf(aDraft({ links: [{ url, label: '' }] })).links]).toEqual([url, 'not-https']);
    }
    const six = Array.from({ length: 6 }, (_, i) => ({ url: `https://example.se/${i}`, label: '' }));
    expect(errorsOf(aDraft({ links: six })).links).toBe('too-many');
    expect(errorsOf(aDraft({ links: six.slice(0, 5) })).links).toBeUndefined();
  });

  it('counts participants as whole numbers from 1 to 1000 per organisation of the group, each once', () => {
    for (const count of [0, -1, 1.5, 1001, Number.NaN]) {
      expect([count, errorsOf(aDraft({ participants: [{ organisationId: 'ksf', count }] })).participants]).toEqual([count, 'bad-count']);
    }
    expect(errorsOf(aDraft({ participants: [{ organisationId: 'ksf', count: 1000 }] })).participants).toBeUndefined();
    expect(errorsOf(aDraft({ participants: [{ organisationId: 'another-group', count: 2 }] })).participants).toBe('unknown-choice');
    expect(
      errorsOf(
        aDraft({
          participants: [
            { organisationId: 'ksf', count: 2 },
            { organisationId: 'ksf', count: 3 },
          ],
        }),
      ).participants,
    ).toBe('duplicate');
  });

  it('has participants only once held, and is not held after today (Stockholm)', () => {
    expect(errorsOf(aDraft({ status: 'planned' })).participants).toBe('not-held');
    expect(errorsOf(aDraft({ status: 'planned', participants: [] })).participants).toBeUndefined();
    expect(errorsOf(aDraft({ date: '2026-03-11' })).date).toBe('held-in-future');
    expect(errorsOf(aDraft({ status: 'planned', participants: [], date: '2026-03-11' })).date).toBeUndefined();
    // 23:30 UTC on 10 March is already 11 March in Stockholm.
    expect(errorsOf(aDraft({ date: '2026-03-11' }), new Date('2026-03-10T23:30:00Z')).date).toBeUndefined();
  });

  it('refuses a date that is no day, an unknown kind or status, and actions of another group', () => {
    expect(errorsOf(aDraft({ date: '2026-02-30' })).date).toBe('invalid-date');
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(errorsOf(aDraft({ kind: 'party' })).kind).toBe('unknown-choice');
    expect(errorsOf(aDraft({ status: 'done' })).status).toBe('unknown-choice');
    expect(errorsOf(aDraft({ actionIds: ['someone-elses'] })).actionIds).toBe('unknown-choice');
    expect(errorsOf(aDraft({ title: '   ' })).title).toBe('required');
    expect(errorsOf(aDraft({ organiserOrganisationId: 'elsewhere' })).organiser).toBe('unknown-choice');
  });
});

describe('a suggestion', () => {
  it('needs a title and takes at most one https link', () => {
    expect(checkSuggestionDraft({ kind: 'film', title: 'Dokumentären Plastens pris', description: '', link: '' })).toEqual({
      ok: true,
      draft: { kind: 'film', title: 'Dokumentären Plastens pris', description: '', link: null },
    });
    expect(checkSuggestionDraft({ kind: 'film', title: '', description: '', link: 'http://example.se' })).toEqual({
      ok: false,
      errors: { title: 'required', link: 'not-https' },
    });
  });

  it('takes votes only while open', () => {
    expect(mayVote({ status: 'open' })).toBe(true);
    expect(mayVote({ status: 'planned' })).toBe(false);
  });
});

describe('the year plan', () => {
  it('puts planned and held activities of the year in their month, in date order, and leaves cancelled ones out', () => {
    const months = planByMonth(
      [
        { date: '2026-03-20', status: 'planned', title: 'B' },
        { date: '2026-03-02', status: 'held', title: 'A' },
        { date: '2026-05-01', status: 'cancelled', title: 'C' },
        { date: '2027-01-10', status: 'planned', title: 'D' },
      ],
      2026,
    );
    expect(months).toHaveLength(12);
    expect(months[2]!.map((a) => a.title)).toEqual(['A', 'B']);
    expect(months.flat().map((a) => a.title)).toEqual(['A', 'B']);
  });
});
