import type { Meeting } from '../../../bot/src/domain/meeting';
import {
  checkProposalDraft,
  isOpenForProposals,
  lastDayToPropose,
  placeProposal,
  proposalDeadline,
  proposerMayChange,
  type ProposalDraft,
} from '../../../bot/src/domain/proposal';

const settings = { proposalDeadlineDays: 7 };
const meeting = (id: string, startsAt: string, status: Meeting['status'] = 'planned'): Meeting => ({
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
// Wednesday 11 March 2026 13:00 and Wednesday 8 April 2026 13:00, Stockholm.
const march = meeting('march', '2026-03-11T12:00:00Z');
const april = meeting('april', '2026-04-08T11:00:00Z');

describe('proposal deadline', () => {
  it('closes at midnight after the last day, 7 days before the meeting (Stockholm)', () => {
    expect(proposalDeadline(march.startsAt, settings).toISOString()).toBe('2026-03-04T23:00:00.000Z');
    expect(lastDayToPropose(march.startsAt, settings).toISOString().slice(0, 10)).toBe('2026-03-04');
  });

  it('counts calendar days across the daylight-saving change', () => {
    // Meeting Wednesday 1 April 2026 (summer time); last day Wednesday 25 March (winter time).
    expect(proposalDeadline(new Date('2026-04-01T11:00:00Z'), settings).toISOString()).toBe('2026-03-25T23:00:00.000Z');
  });

  it('is open until the deadline, and only for planned or called meetings', () => {
    expect(isOpenForProposals(march, settings, new Date('2026-03-04T22:59:00Z'))).toBe(true);
    expect(isOpenForProposals(march, settings, new Date('2026-03-04T23:00:00Z'))).toBe(false);
    expect(isOpenForProposals({ ...march, status: 'cancelled' }, settings, new Date('2026-02-01T00:00:00Z'))).toBe(false);
  });
});

describe('placing a proposal', () => {
  it('keeps the meeting asked for while it is open', () => {
    expect(placeProposal([march, april], 'march', settings, new Date('2026-03-01T10:00:00Z'))).toEqual({ meetingId: 'march', late: false });
  });

  it('moves a late proposal to the next open meeting, and says it is late', () => {
    expect(placeProposal([march, april], 'march', settings, new Date('2026-03-06T10:00:00Z'))).toEqual({ meetingId: 'april', late: true });
  });

  it('takes the next open meeting when none is asked for, and none when nothing is open', () => {
    expect(placeProposal([march, april], null, settings, new Date('2026-03-06T10:00:00Z'))).toEqual({ meetingId: 'april', late: false });
    expect(placeProposal([march, april], 'april', settings, new Date('2026-05-01T10:00:00Z'))).toEqual({ meetingId: null, late: true });
  });

  it('lets the proposer change it only while submitted and open', () => {
    const before = new Date('2026-03-01T10:00:00Z');
    expect(proposerMayChange({ status: 'submitted' }, march, settings, before)).toBe(true);
    expect(proposerMayChange({ status: 'accepted' }, march, settings, before)).toBe(false);
    expect(proposerMayChange({ status: 'submitted' }, march, settings, new Date('2026-03-05T10:00:00Z'))).toBe(false);
  });
});

describe('checking a draft', () => {
  const known = { organisationIds: new Set(['org']), goalIds: new Set(['g1', 'g2']), meetingIds: new Set(['march']) };
  const draft: ProposalDraft = {
    title: ' Laddstolpar  vid skolor ',
    description: 'Bakgrund',
    kind: 'diskussion',
    organisationId: 'org',
    goalIds: ['g1', 'g1'],
    minutesNeeded: 20,
    meetingId: 'march',
  };

  it('tidies and accepts a valid draft', () => {
    const result = checkProposalDraft(draft, known);
    expect(result).toEqual({ ok: true, draft: { ...draft, title: 'Laddstolpar vid skolor', goalIds: ['g1'] } });
  });

  it('counts characters as people see them: 120 emoji-free Swedish letters pass, 121 do not', () => {
    expect(checkProposalDraft({ ...draft, title: 'å'.repeat(120) }, known).ok).toBe(true);
    expect(checkProposalDraft({ ...draft, title: 'å'.repeat(121) }, known)).toEqual({ ok: false, errors: { title: 'too-long' } });
  });

  it('names every broken field', () => {
    const result = checkProposalDraft(
      {
        title: '  ',
        description: 'x'.repeat(4001),
        kind: 'fika',
        organisationId: 'other-group-org',
        goalIds: ['g9'],
        minutesNeeded: 61,
        meetingId: 'elsewhere',
      },
      known,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        title: 'required',
        description: 'too-long',
        kind: 'unknown-choice',
        organisationId: 'unknown-choice',
        goalIds: 'unknown-choice',
        minutesNeeded: 'out-of-range',
        meetingId: 'unknown-choice',
      },
    });
  });

  it('refuses minutes that are not whole numbers, and a missing kind', () => {
    expect(checkProposalDraft({ ...draft, minutesNeeded: Number.NaN, kind: '' }, known)).toEqual({
      ok: false,
      errors: { kind: 'required', minutesNeeded: 'out-of-range' },
    });
    expect(checkProposalDraft({ ...draft, minutesNeeded: 12.5 }, known)).toEqual({ ok: false, errors: { minutesNeeded: 'out-of-range' } });
  });
});
