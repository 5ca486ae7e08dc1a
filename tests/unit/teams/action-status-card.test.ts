/**
 * The action status card (the request before a meeting, the due reminders): every variant, filled
 * with the longest content the rules allow, parses with the `adaptivecards` library without a
 * warning and stays under Teams' ~80 KB limit; it sends `action.status` with an Action.Submit
 * fallback, offers exactly Klar / Pågår / Hinder, keeps an earlier answer filled in, escapes
 * people's text, and speaks only Swedish to a Swedish reader.
 */
import { actionStatusCard } from '../../../bot/src/adapters/teams/cards/action-status-card';
import type { AdaptiveCard, CardElement } from '../../../bot/src/adapters/teams/cards/card-parts';
import type { ActionStatusNotice } from '../../../bot/src/app/ports/messenger';
import { STATUS_COMMENT_MAX } from '../../../bot/src/domain/action-status';
import { MINUTES_LIMITS } from '../../../bot/src/domain/minutes';

// The library's UMD bundle: its `lib/` build is ESM without file extensions, which Node cannot load.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void; validateProperties(): { validationEvents: unknown[] } };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
};

type Notice = Omit<ActionStatusNotice, 'kind'>;
type Reason = Notice['reason'];

const MAX_BYTES = 80 * 1024;
const long = (n: number, word = 'Hållbarhet ') => word.repeat(Math.ceil(n / word.length)).slice(0, n);
const decided = new Date('2026-02-11T12:00:00Z'); // onsdag 11 februari 2026
const followUp = new Date('2026-05-13T11:00:00Z'); // onsdag 13 maj 2026
const answeredAt = new Date('2026-04-01T08:00:00Z'); // onsdag 1 april 2026
const REASONS: readonly Reason[] = ['request', 'due-soon', 'due-today'];

/** The longest content the rules allow, with characters that escaping doubles. */
const maxNotice = (overrides: Partial<Notice> = {}): Notice => ({
  reason: 'request',
  groupName: long(200),
  action: { id: 'a'.repeat(64), title: long(MINUTES_LIMITS.actionTitleMax, '*_[x](y) '), dueDate: '2026-04-30', status: 'open' },
  decidedAt: { title: long(200, '*_[x](y) '), startsAt: decided },
  forMeeting: { id: 'm'.repeat(64), title: long(200, '*_[x](y) '), startsAt: followUp },
  answer: { status: 'blocked', comment: long(STATUS_COMMENT_MAX, '*_[x](y) '), answeredAt },
  ...overrides,
});

/** Plain, readable content for the checks of what the card says. */
const plainNotice = (overrides: Partial<Notice> = {}): Notice => ({
  reason: 'request',
  groupName: 'Ekologiska hållbarhetsgruppen',
  action: { id: 'action-1', title: 'Kartlägga laddplatser', dueDate: '2026-04-30', status: 'open' },
  decidedAt: { title: 'Möte 1', startsAt: decided },
  forMeeting: { id: 'meeting-4', title: 'Möte 4', startsAt: followUp },
  answer: null,
  ...overrides,
});

function parseEvents(card: AdaptiveCard): { serialization: string[]; validation: unknown[] } {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  return {
    serialization: Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message),
    validation: parsed.validateProperties().validationEvents,
  };
}

const byId = (card: AdaptiveCard, id: string) => card.body.find((e) => e.id === id) as CardElement & Record<string, unknown>;
const textBlocks = (card: AdaptiveCard) => card.body.filter((e) => e.type === 'TextBlock').map((e) => e.text as string);
const factsOf = (card: AdaptiveCard) =>
  (card.body.find((e) => e.type === 'FactSet')?.facts ?? []) as {
    title: string;
    value: string;
  }[];

/** Everything a reader sees: texts, fact rows, labels, placeholders, choices, button titles. */
function visibleStrings(card: AdaptiveCard): string[] {
  const out: string[] = [];
  for (const e of card.body) {
    for (const key of ['text', 'label', 'placeholder', 'errorMessage'] as const) if (typeof e[key] === 'string') out.push(e[key]);
    for (const fact of (e.facts ?? []) as { title: string; value: string }[]) out.push(fact.title, fact.value);
    for (const choice of (e.choices ?? []) as { title: string }[]) out.push(choice.title);
  }
  for (const a of card.actions ?? []) out.push(a.title as string, (a.fallback as { title: string }).title);
  if (card.fallbackText) out.push(card.fallbackText);
  return out;
}

const variants: [string, Notice, 'sv' | 'en'][] = [];
for (const locale of ['sv', 'en'] as const) {
  for (const reason of REASONS) {
    for (const withAnswer of [true, false]) {
      for (const withMeeting of [true, false]) {
        variants.push([
          `${reason}, ${withAnswer ? 'answered' : 'not answered'}, ${withMeeting ? 'with' : 'without'} a follow-up meeting (${locale})`,
          maxNotice({ reason, ...(withAnswer ? {} : { answer: null }), ...(withMeeting ? {} : { forMeeting: null }) }),
          locale,
        ]);
      }
    }
  }
}

describe('action status card', () => {
  it('covers every reason, with and without an answer and a follow-up meeting, in both languages', () => {
    expect(variants).toHaveLength(2 * 3 * 2 * 2);
  });

  it.each(variants)('%s parses without warnings and stays under 80 KB', (_name, notice, locale) => {
    const card = actionStatusCard(notice, locale);
    expect(parseEvents(card)).toEqual({ serialization: [], validation: [] });
    const bytes = Buffer.byteLength(JSON.stringify(card), 'utf8');
    expect(bytes).toBeLessThan(MAX_BYTES);
    // The longest content really is in it: the escaped title at least doubles the 300 characters.
    expect(bytes).toBeGreaterThan(2 * MINUTES_LIMITS.actionTitleMax);
    expect(card.version).toBe('1.5');
  });

  it.each(variants)('%s sends action.status with its ids and reason, falling back to Action.Submit', (_name, notice, locale) => {
    const card = actionStatusCard(notice, locale);
    const data = { actionId: 'a'.repeat(64), meetingId: notice.forMeeting ? 'm'.repeat(64) : null, reason: notice.reason };
    const title = locale === 'sv' ? 'Skicka svar' : 'Send answer';
    expect(card.actions).toEqual([
      {
        type: 'Action.Execute',
        title,
        verb: 'action.status',
        data,
        style: 'positive',
        fallback: { type: 'Action.Submit', title, data: { ...data, verb: 'action.status' } },
      },
    ]);
  });

  it.each(variants)('%s offers exactly Klar, Pågår and Hinder, and a comment of at most 1000 characters', (_name, notice, locale) => {
    const card = actionStatusCard(notice, locale);
    const status = byId(card, 'status');
    expect(status).toMatchObject({ type: 'Input.ChoiceSet', style: 'expanded', isRequired: true });
    expect(status.choices).toEqual(
      locale === 'sv'
        ? [
            { title: 'Klar', value: 'done' },
            { title: 'Pågår', value: 'in_progress' },
            { title: 'Hinder', value: 'blocked' },
          ]
        : [
            { title: 'Done', value: 'done' },
            { title: 'In progress', value: 'in_progress' },
            { title: 'Blocked', value: 'blocked' },
          ],
    );
    expect(status.errorMessage).toBe(locale === 'sv' ? 'Välj Klar, Pågår eller Hinder.' : 'Choose Done, In progress or Blocked.');
    expect(byId(card, 'comment')).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: 1000 });
    expect(card.body.filter((e) => typeof e.id === 'string').map((e) => e.id)).toEqual(['status', 'comment']);
  });

  it('asks with a heading per reason, and says where the answer goes', () => {
    const sv = (reason: Reason, forMeeting: Notice['forMeeting'] = plainNotice().forMeeting) =>
      actionStatusCard(plainNotice({ reason, forMeeting }), 'sv');
    expect(textBlocks(sv('request')).slice(0, 2)).toEqual([
      'Hur går det med Kartlägga laddplatser?',
      'Ditt svar tas upp under uppföljningen på Möte 4.',
    ]);
    expect(textBlocks(sv('due-soon')).slice(0, 2)).toEqual([
      'Om tre dagar ska Kartlägga laddplatser vara klar',
      'Är den klar? Svara här, så ser strategerna hur det går.',
    ]);
    expect(textBlocks(sv('due-today')).slice(0, 2)).toEqual([
      'I dag ska Kartlägga laddplatser vara klar',
      'Är den klar? Svara här, så ser strategerna hur det går.',
    ]);
    // A request without a planned meeting cannot name one.
    expect(textBlocks(sv('request', null))[1]).toBe('Är den klar? Svara här, så ser strategerna hur det går.');
    expect(sv('due-today').fallbackText).toBe('I dag ska Kartlägga laddplatser vara klar');
    const en = actionStatusCard(plainNotice({ reason: 'due-soon' }), 'en');
    expect(textBlocks(en)[0]).toBe('Kartlägga laddplatser is due in three days');
  });

  it('lists the action, where it was decided, the due date and the follow-up meeting', () => {
    expect(factsOf(actionStatusCard(plainNotice(), 'sv'))).toEqual([
      { title: 'Åtgärd', value: 'Kartlägga laddplatser' },
      { title: 'Beslutad på', value: 'Möte 1, onsdag 11 februari 2026' },
      { title: 'Klart senast', value: 'torsdag 30 april 2026' },
      { title: 'Följs upp på', value: 'Möte 4, onsdag 13 maj 2026' },
    ]);
    const bare = plainNotice({ forMeeting: null, action: { ...plainNotice().action, dueDate: null } });
    expect(factsOf(actionStatusCard(bare, 'sv')).map((f) => f.title)).toEqual(['Åtgärd', 'Beslutad på']);
  });

  it('leaves the form empty before an answer, with nothing said about one', () => {
    const card = actionStatusCard(plainNotice(), 'sv');
    expect(byId(card, 'status')).not.toHaveProperty('value');
    expect(byId(card, 'comment')).not.toHaveProperty('value');
    expect(textBlocks(card).some((t) => t.startsWith('Du svarade'))).toBe(false);
  });

  it.each([
    ['done', 'klar'],
    ['in_progress', 'pågår'],
    ['blocked', 'hinder'],
  ] as const)('keeps an earlier answer %s: says so, preselects it and fills in the comment', (status, word) => {
    const comment = 'Väntar på **budgeten** ${x}\nrad två';
    const card = actionStatusCard(plainNotice({ answer: { status, comment, answeredAt } }), 'sv');
    expect(card.body.find((e) => typeof e.text === 'string' && e.text.startsWith('Du svarade'))).toEqual({
      type: 'TextBlock',
      text: `Du svarade ${word} onsdag 1 april 2026. Du kan ändra svaret nedan.`,
      wrap: true,
      color: 'Good',
      spacing: 'Medium',
    });
    expect(byId(card, 'status').value).toBe(status);
    // An input's value is not markdown: the comment comes back exactly as it was typed.
    expect(byId(card, 'comment').value).toBe(comment);
  });

  it('says the earlier answer in English too', () => {
    const card = actionStatusCard(plainNotice({ answer: { status: 'in_progress', comment: '', answeredAt } }), 'en');
    expect(textBlocks(card)).toContain('You answered in progress on Wednesday 1 April 2026. You can change the answer below.');
    expect(byId(card, 'status').value).toBe('in_progress');
    expect(byId(card, 'comment')).not.toHaveProperty('value');
  });

  it("preselects the action's own status when there is no answer, but not 'open', and an answer wins over it", () => {
    const withStatus = (status: Notice['action']['status'], answer: Notice['answer'] = null) =>
      byId(actionStatusCard(plainNotice({ action: { ...plainNotice().action, status }, answer }), 'sv'), 'status');
    expect(withStatus('in_progress').value).toBe('in_progress');
    expect(withStatus('done').value).toBe('done');
    expect(withStatus('open')).not.toHaveProperty('value');
    expect(withStatus('done', { status: 'blocked', comment: 'x', answeredAt }).value).toBe('blocked');
  });

  it("escapes people's text: no markdown survives from a title, and ${…} stays literal text", () => {
    const hostile = '[klicka](https://evil.example) **viktigt** _x_ `kod` ${user.name}';
    const escaped = '\\[klicka\\](https://evil.example) \\*\\*viktigt\\*\\* \\_x\\_ \\`kod\\` ${user.name}';
    const card = actionStatusCard(
      plainNotice({
        action: { ...plainNotice().action, title: hostile },
        decidedAt: { title: `# ${hostile}`, startsAt: decided },
        forMeeting: { id: 'meeting-4', title: `- ${hostile}\nrad två`, startsAt: followUp },
      }),
      'sv',
    );
    expect(textBlocks(card)[0]).toBe(`Hur går det med ${escaped}?`);
    expect(textBlocks(card)[1]).toBe(`Ditt svar tas upp under uppföljningen på \u200B- ${escaped} rad två.`);
    expect(factsOf(card)).toEqual([
      { title: 'Åtgärd', value: escaped },
      { title: 'Beslutad på', value: `\u200B# ${escaped}, onsdag 11 februari 2026` },
      { title: 'Klart senast', value: 'torsdag 30 april 2026' },
      { title: 'Följs upp på', value: `\u200B- ${escaped} rad två, onsdag 13 maj 2026` },
    ]);
    for (const text of visibleStrings(card)) {
      expect(text).not.toContain('[klicka](');
      expect(text).not.toContain('**viktigt**');
      expect(text).not.toContain('\n');
    }
    // Cards are plain objects, never templates: nothing binds or expands `${…}`.
    expect(JSON.stringify(card)).not.toContain('$data');
    expect(JSON.stringify(card)).not.toContain('$when');
  });

  it('has no English words in the Swedish card, and no Swedish ones in the English card', () => {
    const english = new Set(
      'the is it how going action decided due done followed up at on in progress blocked answer answered send comment optional example what way remains you your choose change below today days three strategists see'.split(
        ' ',
      ),
    );
    const swedish = new Set(
      'hur går det med åtgärd beslutad klar klart senast följs upp på pågår hinder skicka svar svarade kommentar välj eller och du ditt'.split(
        ' ',
      ),
    );
    const words = (text: string) =>
      text
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .filter((w) => w !== '');
    const notices = REASONS.flatMap((reason) =>
      [null, { status: 'in_progress' as const, comment: 'Pågår enligt plan', answeredAt }].flatMap((answer) =>
        [plainNotice().forMeeting, null].map((forMeeting) => plainNotice({ reason, answer, forMeeting })),
      ),
    );
    expect(notices).toHaveLength(12);
    // People's own titles are Swedish in both cards; everything else is in the reader's language.
    const people = ['Kartlägga laddplatser', 'Möte 1', 'Möte 4'];
    const ours = (text: string) => people.reduce((t, p) => t.replaceAll(p, ' '), text);
    for (const notice of notices) {
      const sv = visibleStrings(actionStatusCard(notice, 'sv')).flatMap((t) => words(ours(t)));
      const en = visibleStrings(actionStatusCard(notice, 'en')).flatMap((t) => words(ours(t)));
      expect(sv.filter((w) => english.has(w))).toEqual([]);
      expect(en.filter((w) => swedish.has(w))).toEqual([]);
      // The checks have words to look at: each card says its own language's words.
      expect(sv).toEqual(expect.arrayContaining(['hur', 'går', 'skicka', 'svar']));
      expect(en).toEqual(expect.arrayContaining(['how', 'going', 'send', 'answer']));
    }
  });
});
