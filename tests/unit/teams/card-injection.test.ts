/**
 * People's text cannot add markup to a card. Every card builder is run with every string of the
 * hostile corpus (tests/fixtures/xss-corpus.ts) in every place it puts people's text, one place at
 * a time, and each TextBlock and fact is read the way a markdown renderer reads it:
 *
 * - the markup found (links, images, emphasis, code, autolinks and tags, character references,
 *   block markers, line breaks, Teams' `{{DATE()}}`/`{{TIME()}}`) is exactly the markup of the same
 *   card built with a harmless string of the same shape (`x` for every non-space character), so
 *   the only markup is the card's own;
 * - the text shown, backslash escapes resolved and the escaper's zero-width spaces taken out, holds
 *   the original (line breaks folded to spaces, as the escaper does on purpose);
 * - inputs and choices, which are not markdown, carry the text exactly as typed;
 * - the card still parses with the `adaptivecards` library without a warning.
 *
 * `${…}` is checked structurally: no card is a template (no builder imports
 * adaptivecards-templating, no card carries `$data`/`$when`), so `${$root.secret}` is only text,
 * and the text shown holds it literally.
 *
 * Bare URLs (`https://evil.example`) are not escaped: Teams links them, but what is shown is where
 * the link goes. See docs/decisions/0004-text-in-adaptive-cards.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { actionStatusCard } from '../../../bot/src/adapters/teams/cards/action-status-card';
import { callForProposalsCard, nothingNotedCard } from '../../../bot/src/adapters/teams/cards/call-for-proposals-card';
import type { AdaptiveCard } from '../../../bot/src/adapters/teams/cards/card-parts';
import { attendanceSummaryCard, kallelseCard } from '../../../bot/src/adapters/teams/cards/kallelse-card';
import { minutesPublishedCard } from '../../../bot/src/adapters/teams/cards/minutes-published-card';
import { myActionsCard } from '../../../bot/src/adapters/teams/cards/my-actions-card';
import { proposalFormCard } from '../../../bot/src/adapters/teams/cards/proposal-form-card';
import { representationNudgeCard } from '../../../bot/src/adapters/teams/cards/representation-nudge-card';
import { subGroupReminderCard } from '../../../bot/src/adapters/teams/cards/sub-group-reminder-card';
import { myProposalsCard, proposalReceiptCard } from '../../../bot/src/adapters/teams/cards/proposal-receipt-card';
import { welcomeCard } from '../../../bot/src/adapters/teams/cards/welcome-card';
import { tipFormCard, tipReceiptCard } from '../../../bot/src/adapters/teams/cards/tip-card';
import type { TipView } from '../../../bot/src/app/tip-view';
import { suggestionCard, suggestionFormCard } from '../../../bot/src/adapters/teams/cards/competence-cards';
import type { SuggestionView } from '../../../bot/src/app/competence-view';
import { escapeCardText } from '../../../bot/src/adapters/teams/markdown';
import type { MeetingView } from '../../../bot/src/app/describe-meeting';
import type { KallelseView } from '../../../bot/src/app/kallelse-view';
import type { ProposalFormView } from '../../../bot/src/app/open-proposal-form';
import type {
  ActionStatusNotice,
  AttendanceSummaryNotice,
  CallForProposalsNotice,
  RepresentationNudgeNotice,
} from '../../../bot/src/app/ports/messenger';
import type { ProposalView } from '../../../bot/src/app/proposal-view';
import { PROPOSAL_KINDS } from '../../../bot/src/domain/proposal';
import { XSS_CORPUS } from '../../fixtures/xss-corpus';

// The library's UMD bundle: its `lib/` build is ESM without file extensions, which Node cannot load.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void; validateProperties(): { validationEvents: unknown[] } };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
};

// ---------------------------------------------------------------------------------------------
// Reading card text as markdown

const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;
const BLOCK_START = /^(?: {0,3}(?:[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)|#{1,6}(?=[ \t]|$)|>|([-*_])(?: *\1){2,} *$)|(?: {4}|\t))/;
const TAG_OR_AUTOLINK = /^<(?:[A-Za-z][A-Za-z\d+.-]{1,31}:[^\s<>]*>|[^\s<>@]+@[^\s<>]+>|\/?[A-Za-z][^>]*>|!--|!\[CDATA\[|![A-Za-z]|\?)/;
const CHARACTER_REFERENCE = /^&(?:#\d{1,7};|#[xX][\dA-Fa-f]{1,6};|[A-Za-z][A-Za-z\d]{1,31};)/;
const TEAMS_DATE_TIME = /^\{\{\s*(?:DATE|TIME)\s*\(/i;

/** The markup a markdown renderer (CommonMark, as Teams' TextBlocks use a subset of it) finds, and the text it shows. */
function readMarkdown(text: string): { markup: string[]; shown: string } {
  const markup: string[] = [];
  let shown = '';
  const lines = text.split(/\r\n|\r|\n/);
  for (const [n, line] of lines.entries()) {
    if (n > 0) markup.push('line break');
    const block = BLOCK_START.exec(line);
    if (block) markup.push(`block "${block[0].trim()}"`);
    for (let i = 0; i < line.length; i += 1) {
      const c = line[i]!;
      const rest = line.slice(i);
      if (c === '\\' && i + 1 < line.length && ASCII_PUNCTUATION.test(line[i + 1]!)) {
        shown += line[i + 1];
        i += 1;
        continue;
      }
      if (c === '*' || c === '_' || c === '~' || c === '`') {
        // A delimiter shows nothing when it pairs up; counted either way, so only the card's own may be there.
        markup.push(`delimiter ${c}`);
        continue;
      }
      if (c === '[' || c === ']') markup.push(`link ${c}`);
      if (c === '<' && TAG_OR_AUTOLINK.test(rest)) markup.push('tag or autolink');
      if (c === '&' && CHARACTER_REFERENCE.test(rest)) markup.push('character reference');
      if (c === '{' && TEAMS_DATE_TIME.test(rest)) markup.push('Teams DATE/TIME');
      shown += c;
    }
    if (n < lines.length - 1) shown += ' ';
  }
  return { markup, shown: shown.replace(/\u200B/g, '') };
}

interface CardText {
  markdown: string[];
  inputs: string[];
  choices: string[];
}

/** Every string of a card by how a client treats it: markdown (TextBlocks, facts), input values, choice titles. */
function cardText(card: unknown): CardText {
  const found: CardText = { markdown: [], inputs: [], choices: [] };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (element.type === 'TextBlock' && typeof element.text === 'string') found.markdown.push(element.text);
    if (element.type === 'FactSet' && Array.isArray(element.facts)) {
      for (const fact of element.facts as { title: string; value: string }[]) found.markdown.push(fact.title, fact.value);
    }
    if (typeof element.type === 'string' && element.type.startsWith('Input.') && typeof element.value === 'string') {
      found.inputs.push(element.value);
    }
    if (element.type === 'Input.ChoiceSet' && Array.isArray(element.choices)) {
      for (const choice of element.choices as { title: string }[]) found.choices.push(choice.title);
    }
    Object.values(element).forEach(walk);
  };
  walk(card);
  return found;
}

function markupOf(card: AdaptiveCard): string[] {
  return cardText(card)
    .markdown.flatMap((text) => readMarkdown(text).markup)
    .sort();
}

function templateKeys(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => templateKeys(n, found));
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('$') && key !== '$schema') found.push(key);
      templateKeys(value, found);
    }
  }
  return found;
}

function parseWarnings(card: AdaptiveCard): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  return [
    ...Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message),
    ...parsed.validateProperties().validationEvents.map((e) => JSON.stringify(e)),
  ];
}

/** The same shape with nothing in it: `x` for every character but white space. */
const harmless = (text: string) => text.replace(/\S/gu, 'x');
/** What the escaper keeps of a text: everything, line breaks folded to spaces. */
const folded = (text: string) => text.replace(/[\r\n\u2028\u2029]+/g, ' ');

// ---------------------------------------------------------------------------------------------
// Every builder and every place it puts people's text

const when = new Date('2026-05-13T11:00:00Z');
const meeting = (over: Partial<MeetingView> = {}): MeetingView => ({
  id: 'm1',
  title: 'Möte 4',
  startsAt: when,
  durationMinutes: 120,
  place: 'Stadshuset',
  onlineUrl: 'https://teams.microsoft.com/l/meetup-join/x',
  status: 'called',
  chair: { id: 'c', name: 'Anna Lindqvist' },
  ...over,
});

const nudge = (over: Partial<RepresentationNudgeNotice> = {}): RepresentationNudgeNotice => ({
  kind: 'representation-nudge',
  groupName: 'Ekologiska hållbarhetsgruppen',
  organisationName: 'Samhällsbyggnadsförvaltningen',
  missed: [
    { title: 'Möte 3', startsAt: when },
    { title: 'Möte 2', startsAt: when },
  ],
  nextMeeting: meeting(),
  answer: null,
  ...over,
});

const actionNotice = (over: Partial<Omit<ActionStatusNotice, 'kind'>> = {}): Omit<ActionStatusNotice, 'kind'> => ({
  reason: 'request',
  groupName: 'Ekologiska hållbarhetsgruppen',
  action: { id: 'a1', title: 'Kartlägga laddplatser', dueDate: '2026-04-30', status: 'open' },
  decidedAt: { title: 'Möte 1', startsAt: when },
  forMeeting: { id: 'm4', title: 'Möte 4', startsAt: when },
  answer: { status: 'blocked', comment: 'Väntar på data', answeredAt: when },
  ...over,
});

const call = (over: Partial<CallForProposalsNotice> = {}): CallForProposalsNotice => ({
  kind: 'call-for-proposals',
  audience: 'person',
  groupId: 'g',
  groupName: 'Ekologiska hållbarhetsgruppen',
  meeting: meeting(),
  lastDayToPropose: when,
  ...over,
});

const kallelse = (over: Partial<KallelseView> = {}, item: { title?: string; presenterName?: string } = {}): KallelseView => ({
  groupId: 'g',
  groupName: 'Ekologiska hållbarhetsgruppen',
  meeting: meeting(),
  agenda: [
    { title: item.title ?? 'Mötet öppnas', minutes: 10, presenterName: item.presenterName ?? 'Anna Lindqvist', startsAt: when },
    { title: 'Övrigt', minutes: 10, presenterName: null, startsAt: when },
  ],
  answer: { rsvp: 'substitute', substituteName: 'Per Nilsson' },
  ...over,
});

const summary = (over: Partial<AttendanceSummaryNotice> = {}, person: { name?: string; substituteName?: string } = {}) =>
  ({
    kind: 'attendance-summary',
    groupName: 'Ekologiska hållbarhetsgruppen',
    meeting: meeting(),
    overview: {
      answers: [
        { personId: 'p1', name: person.name ?? 'Karin Berg', organisationName: 'Miljö', rsvp: 'yes', substituteName: null },
        {
          personId: 'p2',
          name: person.name ?? 'Olle Holm',
          organisationName: null,
          rsvp: 'substitute',
          substituteName: person.substituteName ?? 'Eva Ek',
        },
      ],
      unrepresented: ['Omsorgsförvaltningen'],
    },
    ...over,
  }) satisfies AttendanceSummaryNotice;

const proposal = (over: Partial<ProposalView> = {}): ProposalView => ({
  id: 'p1',
  groupId: 'g',
  title: 'Cykelvänlig skolväg',
  description: 'Hur får vi fler att cykla?',
  kind: 'diskussion',
  status: 'declined',
  minutesNeeded: 20,
  organisationName: 'Utbildningsförvaltningen',
  proposerName: 'Sara Nilsson',
  goals: [],
  meeting: meeting(),
  missedMeeting: { title: 'Möte 3', startsAt: when },
  lastDayToChange: when,
  mayChange: true,
  decisionNote: 'Tas upp i kostgruppen',
  createdAt: when,
  ...over,
});

const form = (over: { values?: Partial<ProposalFormView['values']>; groupName?: string; choice?: string } = {}): ProposalFormView => ({
  groupId: 'g',
  groupName: over.groupName ?? 'Ekologiska hållbarhetsgruppen',
  proposalId: null,
  submissionKey: 'k',
  values: {
    title: 'Titel',
    description: 'Beskrivning',
    kind: 'diskussion',
    organisationId: 'o1',
    goalIds: [],
    minutesNeeded: 20,
    meetingId: 'm1',
    ...over.values,
  },
  errors: {},
  choices: {
    kinds: PROPOSAL_KINDS,
    organisations: [{ id: 'o1', name: over.choice ?? 'Miljö' }],
    goals: [{ id: 'g1', framework: 'sdg', number: 11, name: over.choice ?? 'Hållbara städer' }],
    meetings: [{ id: 'm1', title: over.choice ?? 'Möte 4', startsAt: when, lastDayToPropose: when }],
  },
});

type Where = 'markdown' | 'input' | 'choice';
const places: { name: string; where: Where; build: (text: string) => AdaptiveCard }[] = [
  {
    name: 'action status: action title',
    where: 'markdown',
    build: (t) => actionStatusCard(actionNotice({ action: { ...actionNotice().action, title: t } }), 'sv'),
  },
  {
    name: 'action status: deciding meeting',
    where: 'markdown',
    build: (t) => actionStatusCard(actionNotice({ decidedAt: { title: t, startsAt: when } }), 'sv'),
  },
  {
    name: 'action status: follow-up meeting',
    where: 'markdown',
    build: (t) => actionStatusCard(actionNotice({ forMeeting: { id: 'm4', title: t, startsAt: when } }), 'en'),
  },
  {
    name: 'action status: comment',
    where: 'input',
    build: (t) => actionStatusCard(actionNotice({ answer: { status: 'done', comment: t, answeredAt: when } }), 'sv'),
  },
  { name: 'call for proposals: group', where: 'markdown', build: (t) => callForProposalsCard(call({ groupName: t }), 'sv') },
  {
    name: 'call for proposals: meeting title',
    where: 'markdown',
    build: (t) => callForProposalsCard(call({ meeting: meeting({ title: t }) }), 'sv'),
  },
  {
    name: 'call for proposals reminder, in the channel: meeting title',
    where: 'markdown',
    build: (t) => callForProposalsCard(call({ audience: 'channel', reminder: true, meeting: meeting({ title: t }) }), 'en'),
  },
  {
    name: 'call for proposals: place',
    where: 'markdown',
    build: (t) => callForProposalsCard(call({ meeting: meeting({ place: t }) }), 'sv'),
  },
  {
    name: 'call for proposals: chair',
    where: 'markdown',
    build: (t) => callForProposalsCard(call({ meeting: meeting({ chair: { id: 'c', name: t } }) }), 'sv'),
  },
  {
    name: 'nothing to propose: meeting title',
    where: 'markdown',
    build: (t) => nothingNotedCard({ meetingTitle: t, meetingStartsAt: when, groupId: 'g' }, 'sv'),
  },
  { name: 'kallelse: group', where: 'markdown', build: (t) => kallelseCard(kallelse({ groupName: t }), 'sv', 'person') },
  {
    name: 'kallelse: meeting title',
    where: 'markdown',
    build: (t) => kallelseCard(kallelse({ meeting: meeting({ title: t }) }), 'sv', 'person'),
  },
  {
    name: 'kallelse reminder in the channel: meeting title',
    where: 'markdown',
    build: (t) => kallelseCard(kallelse({ meeting: meeting({ title: t }) }), 'en', 'channel', true),
  },
  { name: 'kallelse: place', where: 'markdown', build: (t) => kallelseCard(kallelse({ meeting: meeting({ place: t }) }), 'sv', 'person') },
  {
    name: 'kallelse: chair',
    where: 'markdown',
    build: (t) => kallelseCard(kallelse({ meeting: meeting({ chair: { id: 'c', name: t } }) }), 'sv', 'person'),
  },
  { name: 'kallelse: agenda item', where: 'markdown', build: (t) => kallelseCard(kallelse({}, { title: t }), 'sv', 'person') },
  { name: 'kallelse: presenter', where: 'markdown', build: (t) => kallelseCard(kallelse({}, { presenterName: t }), 'sv', 'person') },
  {
    name: 'kallelse: substitute (answer)',
    where: 'markdown',
    build: (t) => kallelseCard(kallelse({ answer: { rsvp: 'substitute', substituteName: t } }), 'sv', 'person'),
  },
  {
    name: 'kallelse: substitute (input)',
    where: 'input',
    build: (t) => kallelseCard(kallelse({ answer: { rsvp: 'substitute', substituteName: t } }), 'sv', 'person'),
  },
  {
    name: 'cancelled kallelse: meeting title',
    where: 'markdown',
    build: (t) => kallelseCard(kallelse({ meeting: meeting({ title: t, status: 'cancelled' }) }), 'sv', 'person'),
  },
  {
    name: 'cancelled kallelse: place',
    where: 'markdown',
    build: (t) => kallelseCard(kallelse({ meeting: meeting({ place: t, status: 'cancelled' }) }), 'sv', 'person'),
  },
  {
    name: "chair's summary: meeting title",
    where: 'markdown',
    build: (t) => attendanceSummaryCard(summary({ meeting: meeting({ title: t }) }), 'sv'),
  },
  { name: "chair's summary: names", where: 'markdown', build: (t) => attendanceSummaryCard(summary({}, { name: t }), 'sv') },
  { name: "chair's summary: substitute", where: 'markdown', build: (t) => attendanceSummaryCard(summary({}, { substituteName: t }), 'sv') },
  {
    name: "chair's summary: unrepresented",
    where: 'markdown',
    build: (t) => attendanceSummaryCard(summary({ overview: { ...summary().overview, unrepresented: [t, 'Miljö'] } }), 'en'),
  },
  ...(['first', 'correction', 'reminder'] as const).flatMap((variant) =>
    // The reminder does not name the group.
    (variant === 'reminder' ? (['meeting title'] as const) : (['meeting title', 'group'] as const)).map((slot) => ({
      name: `minutes published (${variant}): ${slot}`,
      where: 'markdown' as const,
      build: (t: string) =>
        minutesPublishedCard(
          {
            audience: 'person',
            groupName: slot === 'group' ? t : 'Ekologiska hållbarhetsgruppen',
            meeting: meeting({ title: slot === 'meeting title' ? t : 'Möte 4' }),
            version: 2,
            correctionOf: variant === 'correction' ? 1 : null,
            documentUrl: 'https://kommun.sharepoint.com/x.docx',
            canReport: true,
            reportedAt: null,
            reminder: variant === 'reminder',
          },
          'sv',
        ),
    })),
  ),
  {
    name: 'my actions: title',
    where: 'markdown',
    build: (t) =>
      myActionsCard(
        [
          {
            id: 'a',
            title: t,
            dueDate: '2026-04-30',
            status: 'open',
            groupName: 'G',
            meeting: { id: 'm', title: 'Möte 1', startsAt: when },
          },
        ],
        'sv',
      ),
  },
  {
    name: 'my actions: meeting',
    where: 'markdown',
    build: (t) =>
      myActionsCard(
        [{ id: 'a', title: 'Åtgärd', dueDate: null, status: 'open', groupName: 'G', meeting: { id: 'm', title: t, startsAt: when } }],
        'sv',
      ),
  },
  { name: 'proposal form: group', where: 'markdown', build: (t) => proposalFormCard(form({ groupName: t }), 'sv') },
  { name: 'proposal form: title', where: 'input', build: (t) => proposalFormCard(form({ values: { title: t } }), 'sv') },
  { name: 'proposal form: description', where: 'input', build: (t) => proposalFormCard(form({ values: { description: t } }), 'sv') },
  { name: 'proposal form: meetings, organisations, goals', where: 'choice', build: (t) => proposalFormCard(form({ choice: t }), 'sv') },
  { name: 'receipt: title', where: 'markdown', build: (t) => proposalReceiptCard(proposal({ title: t }), 'sv') },
  { name: 'receipt: meeting', where: 'markdown', build: (t) => proposalReceiptCard(proposal({ meeting: meeting({ title: t }) }), 'sv') },
  { name: 'receipt: organisation', where: 'markdown', build: (t) => proposalReceiptCard(proposal({ organisationName: t }), 'sv') },
  {
    name: 'receipt: missed meeting',
    where: 'markdown',
    build: (t) => proposalReceiptCard(proposal({ missedMeeting: { title: t, startsAt: when } }), 'en'),
  },
  { name: 'receipt: decision note', where: 'markdown', build: (t) => proposalReceiptCard(proposal({ decisionNote: t }), 'sv') },
  { name: 'my proposals: title', where: 'markdown', build: (t) => myProposalsCard([proposal({ title: t })], 'sv') },
  { name: 'my proposals: meeting', where: 'markdown', build: (t) => myProposalsCard([proposal({ meeting: meeting({ title: t }) })], 'sv') },
  ...(['person', 'group', 'meeting title', 'place', 'chair'] as const).map((slot) => ({
    name: `welcome for a member: ${slot}`,
    where: 'markdown' as const,
    build: (t: string) =>
      welcomeCard(
        {
          kind: 'member',
          personName: slot === 'person' ? t : 'Karin Berg',
          groups: [
            {
              groupId: 'g',
              groupName: slot === 'group' ? t : 'Ekologiska hållbarhetsgruppen',
              role: 'delegate',
              nextMeeting: meeting({
                title: slot === 'meeting title' ? t : 'Möte 4',
                place: slot === 'place' ? t : 'Stadshuset',
                chair: { id: 'c', name: slot === 'chair' ? t : 'Anna Lindqvist' },
              }),
            },
          ],
        },
        'sv',
      ),
  })),
  { name: 'welcome for a team: group', where: 'markdown', build: (t) => welcomeCard({ kind: 'team', groupName: t }, 'en') },
  {
    name: 'welcome for a stranger: contact name',
    where: 'markdown',
    build: (t) => welcomeCard({ kind: 'unknown', contacts: [{ name: t, email: 'anna@kommun.example' }] }, 'sv'),
  },
  {
    name: 'welcome for a stranger: contact mail',
    where: 'markdown',
    build: (t) => welcomeCard({ kind: 'unknown', contacts: [{ name: 'Anna', email: t }] }, 'sv'),
  },
  {
    name: 'representation nudge: organisation',
    where: 'markdown',
    build: (t) => representationNudgeCard(nudge({ organisationName: t }), 'sv'),
  },
  {
    name: 'representation nudge: next meeting title',
    where: 'markdown',
    build: (t) => representationNudgeCard(nudge({ nextMeeting: meeting({ title: t }) }), 'en'),
  },
  {
    name: 'representation nudge: next meeting place',
    where: 'markdown',
    build: (t) => representationNudgeCard(nudge({ nextMeeting: meeting({ place: t }) }), 'sv'),
  },
  {
    name: 'representation nudge: substitute (answer)',
    where: 'markdown',
    build: (t) => representationNudgeCard(nudge({ answer: { rsvp: 'substitute', substituteName: t } }), 'sv'),
  },
  {
    name: 'representation nudge: substitute (input)',
    where: 'input',
    build: (t) => representationNudgeCard(nudge({ answer: { rsvp: 'substitute', substituteName: t } }), 'sv'),
  },
  ...(['name', 'mandate', 'member'] as const).map((field) => ({
    name: `sub-group reminder: ${field}`,
    where: 'markdown' as const,
    build: (t: string) =>
      subGroupReminderCard(
        {
          groupName: 'Gruppen',
          subGroup: {
            id: 's1',
            name: field === 'name' ? t : 'Matsvinn',
            mandate: field === 'mandate' ? t : 'Kartlägg.',
            deadline: '2026-03-31',
            memberNames: field === 'member' ? [t, 'Sara'] : ['Sara'],
          },
          meeting: { id: 'm1', title: 'Möte 3', startsAt: when },
        },
        'sv',
      ),
  })),
  {
    name: 'sub-group reminder: meeting title',
    where: 'markdown',
    build: (t) =>
      subGroupReminderCard(
        {
          groupName: 'Gruppen',
          subGroup: { id: 's1', name: 'Matsvinn', mandate: 'Kartlägg.', deadline: '2026-03-31', memberNames: ['Sara'] },
          meeting: { id: 'm1', title: t, startsAt: when },
        },
        'en',
      ),
  },
  ...competencePlaces(),
  ...tipPlaces(),
];

// ---------------------------------------------------------------------------------------------

/** What is wrong with a card builder's handling of the corpus in one place; empty when nothing. */
function problemsOf(where: Where, build: (text: string) => AdaptiveCard): string[] {
  const problems: string[] = [];
  for (const { id, text } of XSS_CORPUS) {
    const card = build(text);
    const found = cardText(card);
    const markup = markupOf(card);
    const expected = markupOf(build(harmless(text)));
    if (JSON.stringify(markup) !== JSON.stringify(expected)) {
      problems.push(`${id}: markup ${JSON.stringify(markup.filter((m) => !expected.includes(m)))} beyond the card's own`);
    }
    if (where === 'markdown') {
      const shown = found.markdown.map((t) => readMarkdown(t).shown);
      const original = folded(text).replace(/\u200B/g, '');
      if (!shown.some((s) => s.includes(original))) problems.push(`${id}: the text shown does not hold ${JSON.stringify(original)}`);
    } else if (where === 'input') {
      if (!found.inputs.includes(text)) problems.push(`${id}: no input holds the text as typed`);
    } else if (!found.choices.some((c) => c.includes(text))) {
      problems.push(`${id}: no choice holds the text as written`);
    }
    if (templateKeys(card).length > 0) problems.push(`${id}: template keys ${templateKeys(card).join(', ')}`);
    const warnings = parseWarnings(card);
    if (warnings.length > 0) problems.push(`${id}: ${warnings.join('; ')}`);
  }
  return problems;
}

describe.each(places)('$name', ({ where, build }) => {
  it('adds no markup, shows the text as written, and parses without a warning', () => {
    expect(problemsOf(where, build)).toEqual([]);
  });
});

describe('the checks', () => {
  it('catch a card that puts text in unescaped', () => {
    const raw = (t: string): AdaptiveCard => ({
      type: 'AdaptiveCard',
      $schema: 'x',
      version: '1.2',
      body: [{ type: 'TextBlock', text: t }],
    });
    const problems = problemsOf('markdown', raw);
    for (const id of ['md-link', 'md-image', 'md-autolink', 'teams-date', 'md-heading', 'md-entity-link', 'md-code']) {
      expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${id}: markup`))]));
    }
  });
});

describe('escapeCardText with the corpus', () => {
  it.each(XSS_CORPUS.map((entry) => [entry.id, entry.text]))('%s: markup-free, and shows the text as written', (_id, text) => {
    const escaped = escapeCardText(text);
    expect(readMarkdown(escaped).markup).toEqual([]);
    expect(readMarkdown(escaped).shown).toBe(folded(text).replace(/\u200B/g, ''));
  });

  it('breaks the braces of Teams’ DATE and TIME functions, and of any other {{', () => {
    expect(escapeCardText('{{DATE(2017-02-14T06:08:39Z, SHORT)}}')).toBe('{\u200B{DATE(2017-02-14T06:08:39Z, SHORT)}}');
    expect(escapeCardText('{{{TIME(x)}}}')).toBe('{\u200B{\u200B{TIME(x)}}}');
  });

  it('escapes a < only where it opens a tag, a mention or an autolink, and a & only where it starts a reference', () => {
    expect(escapeCardText('<https://evil.example> <a@evil.example> <at>Anna</at> <!-- x')).toBe(
      '\\<https://evil.example> \\<a@evil.example> \\<at>Anna\\</at> \\<!-- x',
    );
    expect(escapeCardText('2 < 3, <3 och a > b')).toBe('2 < 3, <3 och a > b');
    expect(escapeCardText('&#91;x&#93; &amp; Bygg & Miljö')).toBe('\\&#91;x\\&#93; \\&amp; Bygg & Miljö');
  });

  it('defuses an indented code block and folds Unicode line separators', () => {
    expect(escapeCardText('    kod')).toBe('\u200B    kod');
    expect(escapeCardText('rad\u2028två\u2029tre')).toBe('rad två tre');
  });
});

describe('templates', () => {
  it('no card builder is a template: none imports adaptivecards-templating', () => {
    const dir = path.resolve(__dirname, '../../../bot/src/adapters/teams/cards');
    for (const file of readdirSync(dir)) {
      expect(readFileSync(path.join(dir, file), 'utf8')).not.toMatch(/adaptivecards-templating|\$data|\$root/);
    }
  });
});

/** The competence cards: a suggestion (title, description, link, who) and the suggestion form. */
function competencePlaces(): { name: string; where: Where; build: (text: string) => AdaptiveCard }[] {
  const suggestion = (over: Partial<SuggestionView> = {}): SuggestionView => ({
    id: 's1',
    groupId: 'g',
    kind: 'film',
    title: 'Filmvisning',
    description: 'En dokumentär',
    link: 'https://example.se/film',
    suggestedBy: 'Sara Nilsson',
    status: 'open',
    votes: 2,
    myVote: false,
    createdAt: when,
    ...over,
  });
  const suggestionForm = (values: Partial<{ title: string; description: string; link: string }> = {}, groupName = 'Gruppen') => ({
    groupId: 'g',
    groupName,
    submissionKey: 'k',
    kinds: ['lecture', 'film'] as const,
    values: { kind: 'film', title: 'T', description: 'B', link: '', ...values },
    errors: {},
  });
  return [
    { name: 'competence suggestion: title', where: 'markdown', build: (t) => suggestionCard(suggestion({ title: t }), 'sv') },
    { name: 'competence suggestion: description', where: 'markdown', build: (t) => suggestionCard(suggestion({ description: t }), 'en') },
    { name: 'competence suggestion: link', where: 'markdown', build: (t) => suggestionCard(suggestion({ link: t }), 'sv', ['29:x'], true) },
    { name: 'competence suggestion: suggested by', where: 'markdown', build: (t) => suggestionCard(suggestion({ suggestedBy: t }), 'sv') },
    { name: 'competence form: group', where: 'markdown', build: (t) => suggestionFormCard(suggestionForm({}, t), 'sv') },
    { name: 'competence form: title (input)', where: 'input', build: (t) => suggestionFormCard(suggestionForm({ title: t }), 'sv') },
    { name: 'competence form: link (input)', where: 'input', build: (t) => suggestionFormCard(suggestionForm({ link: t }), 'en') },
  ];
}

/** The omvärldsbevakning cards: the tip form (chat and task module) and the receipt. */
function tipPlaces(): { name: string; where: Where; build: (text: string) => AdaptiveCard }[] {
  const form = (over: { groups?: { id: string; name: string }[]; quote?: string | null; url?: string; comment?: string } = {}) => ({
    groups: over.groups ?? [{ id: 'g', name: 'Gruppen' }],
    submissionKey: 'k',
    values: { url: over.url ?? '', comment: over.comment ?? '' },
    quote: over.quote ?? null,
  });
  const tip = (over: Partial<TipView> = {}): TipView => ({
    id: 't',
    groupId: 'g',
    url: 'https://example.se/rapport',
    comment: 'En rapport',
    quote: null,
    source: 'bot',
    status: 'new',
    sender: { personId: 'p', name: 'Sara Nilsson' },
    proposal: null,
    createdAt: when,
    ...over,
  });
  return [
    {
      name: 'tip form: message passed on',
      where: 'markdown',
      build: (t) => tipFormCard(form({ quote: t }), 'sv', { kind: 'task', commandId: 'tipsaGruppen' }),
    },
    {
      name: 'tip form: groups',
      where: 'choice',
      build: (t) =>
        tipFormCard(
          form({
            groups: [
              { id: 'a', name: t },
              { id: 'b', name: t },
            ],
          }),
          'sv',
          { kind: 'chat' },
        ),
    },
    { name: 'tip form: link', where: 'input', build: (t) => tipFormCard(form({ url: t }), 'sv', { kind: 'chat' }) },
    { name: 'tip form: comment', where: 'input', build: (t) => tipFormCard(form({ comment: t }), 'sv', { kind: 'chat' }) },
    { name: 'tip receipt: group', where: 'markdown', build: (t) => tipReceiptCard(tip(), t, 'sv') },
    { name: 'tip receipt: comment', where: 'markdown', build: (t) => tipReceiptCard(tip({ comment: t }), 'Gruppen', 'sv') },
    { name: 'tip receipt: link', where: 'markdown', build: (t) => tipReceiptCard(tip({ url: t }), 'Gruppen', 'sv') },
  ];
}
