/**
 * Every card, filled with the longest content the rules allow, parses with the `adaptivecards`
 * library without a single warning and stays well under Teams' ~80 KB message limit.
 */
import type { ProposalFormView } from '../../../bot/src/app/open-proposal-form';
import type { ProposalView } from '../../../bot/src/app/proposal-view';
import type { WelcomeView } from '../../../bot/src/app/welcome-teams-user';
import { callForProposalsCard, nothingNotedCard } from '../../../bot/src/adapters/teams/cards/call-for-proposals-card';
import { noticeCard, type AdaptiveCard } from '../../../bot/src/adapters/teams/cards/card-parts';
import { attendanceSummaryCard, kallelseCard } from '../../../bot/src/adapters/teams/cards/kallelse-card';
import { proposalFormCard } from '../../../bot/src/adapters/teams/cards/proposal-form-card';
import { minutesPublishedCard } from '../../../bot/src/adapters/teams/cards/minutes-published-card';
import { myActionsCard } from '../../../bot/src/adapters/teams/cards/my-actions-card';
import { myProposalsCard, proposalReceiptCard } from '../../../bot/src/adapters/teams/cards/proposal-receipt-card';
import { welcomeCard } from '../../../bot/src/adapters/teams/cards/welcome-card';
import { PROPOSAL_KINDS, PROPOSAL_LIMITS } from '../../../bot/src/domain/proposal';

// The library's UMD bundle: its `lib/` build is ESM without file extensions, which Node cannot load.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void; validateProperties(): { validationEvents: unknown[] } };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
};

const MAX_BYTES = 80 * 1024;
const long = (n: number, word = 'Hållbarhet ') => word.repeat(Math.ceil(n / word.length)).slice(0, n);
const when = new Date('2026-05-13T11:00:00Z');
const meeting = {
  id: 'm'.repeat(36),
  title: long(200),
  startsAt: when,
  durationMinutes: 480,
  place: long(300),
  onlineUrl: 'https://teams.microsoft.com/l/meetup-join/x',
  status: 'planned' as const,
  chair: { id: 'c', name: long(200) },
};

const maxForm = (errors: ProposalFormView['errors'] = {}): ProposalFormView => ({
  groupId: 'g'.repeat(36),
  groupName: long(200),
  proposalId: null,
  submissionKey: 'k'.repeat(36),
  values: {
    title: long(PROPOSAL_LIMITS.titleMax),
    description: long(PROPOSAL_LIMITS.descriptionMax),
    kind: 'diskussion',
    organisationId: 'o0',
    goalIds: Array.from({ length: PROPOSAL_LIMITS.goalsMax }, (_, i) => `goal-${i}`),
    minutesNeeded: 60,
    meetingId: 'meeting-0',
  },
  errors,
  choices: {
    kinds: PROPOSAL_KINDS,
    organisations: Array.from({ length: 40 }, (_, i) => ({ id: `o${i}`, name: long(200) })),
    goals: Array.from({ length: 60 }, (_, i) => ({ id: `goal-${i}`, framework: 'sdg' as const, number: i + 1, name: long(200) })),
    meetings: Array.from({ length: 12 }, (_, i) => ({ id: `meeting-${i}`, title: long(200), startsAt: when, lastDayToPropose: when })),
  },
});

const maxProposal = (overrides: Partial<ProposalView> = {}): ProposalView => ({
  id: 'p'.repeat(36),
  groupId: 'g',
  title: long(PROPOSAL_LIMITS.titleMax, '*_[x](y) '),
  description: long(PROPOSAL_LIMITS.descriptionMax),
  kind: 'beslut',
  status: 'submitted',
  minutesNeeded: 60,
  organisationName: long(200),
  proposerName: long(200),
  goals: Array.from({ length: PROPOSAL_LIMITS.goalsMax }, (_, i) => ({
    id: `g${i}`,
    framework: 'miljomal' as const,
    number: i + 1,
    name: long(200),
  })),
  meeting,
  missedMeeting: { title: long(200), startsAt: when },
  lastDayToChange: when,
  mayChange: true,
  decisionNote: long(PROPOSAL_LIMITS.declineReasonMax),
  createdAt: when,
  ...overrides,
});

const maxKallelse = () => ({
  groupId: 'g',
  groupName: long(200),
  meeting,
  agenda: Array.from({ length: 40 }, (_, i) => ({
    title: long(PROPOSAL_LIMITS.titleMax),
    minutes: 60,
    presenterName: long(200),
    startsAt: new Date(when.getTime() + i * 3_600_000),
  })),
  answer: { rsvp: 'substitute' as const, substituteName: long(200) },
});

const welcomeMember: WelcomeView = {
  kind: 'member',
  personName: long(200),
  groups: Array.from({ length: 5 }, () => ({ groupId: 'g', groupName: long(200), role: 'delegate' as const, nextMeeting: meeting })),
};

const cards: [string, AdaptiveCard][] = [];
for (const locale of ['sv', 'en'] as const) {
  cards.push(
    [`welcome for a member (${locale})`, welcomeCard(welcomeMember, locale)],
    [`welcome for a team (${locale})`, welcomeCard({ kind: 'team', groupName: long(200) }, locale)],
    [
      `welcome for a stranger (${locale})`,
      welcomeCard(
        { kind: 'unknown', contacts: Array.from({ length: 10 }, () => ({ name: long(200), email: `${long(60, 'a')}@kommun.example` })) },
        locale,
      ),
    ],
    [`proposal form (${locale})`, proposalFormCard(maxForm(), locale)],
    [
      `proposal form with every error (${locale})`,
      proposalFormCard(
        maxForm({
          title: 'too-long',
          description: 'too-long',
          kind: 'required',
          organisationId: 'unknown-choice',
          goalIds: 'too-many',
          minutesNeeded: 'out-of-range',
          meetingId: 'unknown-choice',
        }),
        locale,
      ),
    ],
    [
      `proposal form with no open meeting (${locale})`,
      proposalFormCard({ ...maxForm(), choices: { ...maxForm().choices, meetings: [] } }, locale),
    ],
    [
      `receipt (${locale})`,
      proposalReceiptCard(
        maxProposal(),
        locale,
        Array.from({ length: 80 }, (_, i) => `29:user-${i}`),
      ),
    ],
    [
      `declined receipt (${locale})`,
      proposalReceiptCard(maxProposal({ status: 'declined', mayChange: false, lastDayToChange: null }), locale),
    ],
    [
      `my proposals (${locale})`,
      myProposalsCard(
        Array.from({ length: 50 }, () => maxProposal()),
        locale,
      ),
    ],
    [
      `my actions (${locale})`,
      myActionsCard(
        Array.from({ length: 50 }, (_, i) => ({
          id: `a-${i}`,
          title: long(300),
          dueDate: '2026-04-30',
          status: 'in_progress' as const,
          groupName: long(200),
          meeting: { id: 'm', title: long(200), startsAt: when },
        })),
        locale,
      ),
    ],
    [`my actions, none (${locale})`, myActionsCard([], locale)],
    [`notice (${locale})`, noticeCard(long(200), long(1000))],
    [
      `call for proposals to a person (${locale})`,
      callForProposalsCard(
        { kind: 'call-for-proposals', audience: 'person', groupId: 'g', groupName: long(200), meeting, lastDayToPropose: when },
        locale,
      ),
    ],
    [
      `call for proposals in the channel (${locale})`,
      callForProposalsCard(
        { kind: 'call-for-proposals', audience: 'channel', groupId: 'g', groupName: long(200), meeting, lastDayToPropose: when },
        locale,
      ),
    ],
    [`kallelse to a member who sent a substitute (${locale})`, kallelseCard(maxKallelse(), locale, 'person')],
    [`kallelse in the channel (${locale})`, kallelseCard(maxKallelse(), locale, 'channel')],
    ...(
      [
        ['to a delegate', { audience: 'person', canReport: true, reportedAt: null, correctionOf: null }],
        ['after reporting back', { audience: 'person', canReport: true, reportedAt: when, correctionOf: null }],
        ['as a correction in the channel', { audience: 'channel', canReport: false, reportedAt: null, correctionOf: 1 }],
      ] as const
    ).map(
      ([what, variant]) =>
        [
          `minutes published, ${what} (${locale})`,
          minutesPublishedCard(
            { ...variant, groupName: long(200), meeting, version: 2, documentUrl: `https://kommun.sharepoint.com/${long(400, 'x')}` },
            locale,
          ),
        ] as [string, AdaptiveCard],
    ),
    [`day-before reminder (${locale})`, kallelseCard(maxKallelse(), locale, 'person', true)],
    [
      `kallelse of a cancelled meeting (${locale})`,
      kallelseCard({ ...maxKallelse(), meeting: { ...maxKallelse().meeting, status: 'cancelled' } }, locale, 'person'),
    ],
    [
      `deadline reminder (${locale})`,
      callForProposalsCard(
        {
          kind: 'call-for-proposals',
          audience: 'person',
          reminder: true,
          groupId: 'g',
          groupName: long(200),
          meeting,
          lastDayToPropose: when,
        },
        locale,
      ),
    ],
    [
      `chair's summary (${locale})`,
      attendanceSummaryCard(
        {
          kind: 'attendance-summary',
          groupName: long(200),
          meeting,
          overview: {
            answers: Array.from({ length: 60 }, (_, i) => ({
              personId: `p${i}`,
              name: long(200),
              organisationName: long(200),
              rsvp: (['yes', 'no', 'substitute', null] as const)[i % 4]!,
              substituteName: i % 4 === 2 ? long(200) : null,
            })),
            unrepresented: Array.from({ length: 20 }, () => long(200)),
          },
        },
        locale,
      ),
    ],
    [`nothing to propose noted (${locale})`, nothingNotedCard({ meetingTitle: long(200), meetingStartsAt: when, groupId: 'g' }, locale)],
  );
}

describe('cards', () => {
  it.each(cards)('%s parses without warnings and stays under 80 KB', (_name, card) => {
    const parsed = new AC.AdaptiveCard();
    const context = new AC.SerializationContext();
    parsed.parse(card, context);
    const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
    expect(events).toEqual([]);
    expect(parsed.validateProperties().validationEvents).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).toBeLessThan(MAX_BYTES);
  });

  it('asks Teams to refresh a receipt for at most 60 users', () => {
    const card = proposalReceiptCard(
      maxProposal(),
      'sv',
      Array.from({ length: 80 }, (_, i) => `29:user-${i}`),
    );
    expect(card.refresh?.userIds).toHaveLength(60);
  });

  it('gives every Action.Execute an Action.Submit fallback for clients without Universal Actions', () => {
    for (const [, card] of cards) {
      for (const action of (card.actions ?? []).filter((a) => a.type !== 'Action.OpenUrl' && a.type !== 'Action.ShowCard')) {
        expect(action).toMatchObject({ type: 'Action.Execute', fallback: { type: 'Action.Submit', data: { verb: action.verb } } });
      }
    }
  });

  it("escapes people's text: no markdown link or emphasis survives from a title", () => {
    const body = JSON.stringify(proposalReceiptCard(maxProposal({ title: '[klicka](https://evil.example) **viktigt**' }), 'sv').body);
    expect(body).toContain('\\\\[klicka\\\\](https://evil.example) \\\\*\\\\*viktigt\\\\*\\\\*');
  });
});
