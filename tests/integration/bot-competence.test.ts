/**
 * Suggesting a competence activity and voting on it from the chat, through botbuilder's
 * TestAdapter and a real embedded database: the form, the suggestion card with its count and
 * refresh, a double click, invalid input, votes from Action.Execute and the Action.Submit
 * fallback (one vote per person, withdrawable), a stranger refused, and a planned suggestion's
 * card without a vote button.
 */
import { ActivityTypes, type Activity } from 'botbuilder';
import { ArbetsrumBot } from '../../bot/src/adapters/teams/arbetsrum-bot';
import { seedDemoGroup } from '../../bot/src/app/seed-demo-group';
import { createUseCases } from '../../bot/src/app/use-cases';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../support/database';
import { fakePorts } from '../support/fake-messenger';
import { aGroupSeed, fixedClock, sequentialIds, TENANT } from '../support/group-seed-mother';
import { invokeResponseOf, RecordingAdapter } from '../support/recording-adapter';
import { silentLogger } from '../support/silent-logger';

const ANNA = { id: '29:anna', aadObjectId: '00000000-0000-4000-8000-000000000001', name: 'Anna Strateg' };
const ERIK = { id: '29:erik', aadObjectId: '00000000-0000-4000-8000-000000000002', name: 'Erik Strateg' };
const STRANGER = { id: '29:x', aadObjectId: '00000000-0000-4000-8000-0000000000ff', name: 'Okänd' };

interface Card {
  body: { type: string; id?: string; text?: string; value?: unknown }[];
  actions?: { verb: string; title: string; data: Record<string, unknown> }[];
  refresh?: { action: { verb: string }; userIds: string[] };
}

describe('bot: suggesting competence development and voting', () => {
  let migrated: MigratedStorage;
  let bot: ArbetsrumBot;
  let groupId = '';
  const clock = fixedClock('2026-04-20T08:00:00Z');
  let useCases: ReturnType<typeof createUseCases>;

  beforeAll(async () => {
    migrated = await openMigratedStorage(databaseTargets()[0]!);
    groupId = (await seedDemoGroup({ unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds('seed') }, aGroupSeed(), [2026]))
      .groupId;
    useCases = createUseCases({
      repositories: migrated.storage.repositories,
      unitOfWork: migrated.storage.unitOfWork,
      clock,
      ids: sequentialIds('uc'),
      ...fakePorts(clock),
    });
    bot = new ArbetsrumBot(useCases, silentLogger, 'sv');
  });
  afterAll(() => migrated.db.close());

  const base = (who: typeof ANNA): Partial<Activity> => ({
    channelId: 'msteams',
    serviceUrl: 'https://smba.example.invalid/',
    from: who,
    recipient: { id: '28:bot', name: 'Arbetsrum' },
    conversation: { id: `a:${who.id}`, conversationType: 'personal', tenantId: TENANT, isGroup: false, name: '' },
    channelData: { tenant: { id: TENANT } },
  });
  async function run(activity: Partial<Activity>) {
    const adapter = new RecordingAdapter();
    await adapter.processActivity(activity, (context) => bot.run(context));
    return { sent: [...adapter.activeQueue], updated: adapter.updated };
  }
  async function execute(who: typeof ANNA, verb: string, data: Record<string, unknown>): Promise<Card> {
    const { sent } = await run({
      ...base(who),
      type: ActivityTypes.Invoke,
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data } },
    });
    const response = invokeResponseOf(sent);
    expect(response?.status).toBe(200);
    return response!.body.value as unknown as Card;
  }
  const text = (card: unknown) => JSON.stringify(card);
  const suggestionsInDb = () => migrated.storage.repositories.competence.listSuggestions(TENANT, groupId, 100);

  async function openForm(who = ANNA, words = 'tipsa om kompetens'): Promise<Card> {
    const { sent } = await run({ ...base(who), type: ActivityTypes.Message, text: words });
    const card = sent[0]?.attachments?.[0]?.content as Card;
    expect(card.actions?.[0]?.verb).toBe('competence.suggest');
    return card;
  }

  async function suggest(title: string): Promise<{ card: Card; data: Record<string, unknown> }> {
    const form = await openForm();
    const data = {
      ...form.actions![0]!.data,
      kind: 'study_visit',
      title,
      description: 'Nya modeller för möbler',
      link: 'https://example.se/a',
    };
    return { card: await execute(ANNA, 'competence.suggest', data), data };
  }

  it('opens the form from "tipsa om kompetens" and "föreslå aktivitet", with the kinds to choose from', async () => {
    const card = await openForm();
    expect(card.body.filter((e) => e.id).map((e) => e.id)).toEqual(['kind', 'title', 'description', 'link']);
    expect(text(card)).toContain('Studiebesök');
    expect(text(await openForm(ERIK, 'Föreslå aktivitet!'))).toContain('Tipsa om kompetensutveckling');
  });

  it('stores a suggestion once, counts the suggester’s vote, and asks Teams to refresh the card', async () => {
    const before = (await suggestionsInDb()).length;
    const { card, data } = await suggest('Studiebesök på återbrukscentralen');
    const again = await execute(ANNA, 'competence.suggest', data);
    expect(text(card)).toContain('Tack! Ditt förslag syns nu för gruppen');
    expect(text(card)).toContain('1 röst');
    expect(card.refresh).toMatchObject({ userIds: [ANNA.id], action: { verb: 'competence.refresh' } });
    expect(card.actions).toEqual([expect.objectContaining({ verb: 'competence.vote', title: 'Ta tillbaka min röst' })]);
    expect(text(again)).toBe(text(card));
    expect(await suggestionsInDb()).toHaveLength(before + 1);
  });

  it('brings the form back with the error at its field and stores nothing for a non-https link', async () => {
    const form = await openForm();
    const before = (await suggestionsInDb()).length;
    const answer = await execute(ANNA, 'competence.suggest', {
      ...form.actions![0]!.data,
      kind: 'film',
      title: 'Film',
      link: 'http://x.se',
    });
    expect(text(answer)).toContain('Länken måste börja med https://.');
    expect(answer.body.find((e) => e.id === 'link')?.value).toBe('http://x.se');
    expect(await suggestionsInDb()).toHaveLength(before);
  });

  it('counts one vote per person from the card, withdrawable, also through the Action.Submit fallback', async () => {
    const { card } = await suggest('Föreläsning om klimatanpassning');
    const suggestionId = card.actions![0]!.data.suggestionId as string;
    const voted = await execute(ERIK, 'competence.vote', { suggestionId, voted: true });
    expect(text(voted)).toContain('2 röster · Du har röstat på förslaget.');
    expect(voted.actions![0]!.title).toBe('Ta tillbaka min röst');
    expect(text(await execute(ERIK, 'competence.vote', { suggestionId, voted: true }))).toContain('2 röster');
    // A client without Universal Actions sends the fallback's data as a message; the card is replaced in place.
    const { updated } = await run({
      ...base(ERIK),
      type: ActivityTypes.Message,
      replyToId: 'card-1',
      value: { suggestionId, voted: 'false', verb: 'competence.vote' },
    });
    expect(text(updated[0]!.attachments?.[0]?.content)).toContain('1 röst');
    const tallies = await migrated.storage.repositories.competence.voteTallies(TENANT, [suggestionId], 'nobody');
    expect(tallies.get(suggestionId)?.votes).toBe(1);
  });

  it('refuses a stranger and a made-up suggestion alike, changing nothing', async () => {
    const { card } = await suggest('Extern gäst från länsstyrelsen');
    const suggestionId = card.actions![0]!.data.suggestionId as string;
    // Someone Arbetsrum does not know gets the bot's general answer for strangers.
    const stranger = await execute(STRANGER, 'competence.vote', { suggestionId, voted: true });
    expect(text(stranger)).toContain('Du finns inte med i någon arbetsgrupp');
    const madeUp = await execute(ERIK, 'competence.vote', { suggestionId: 'no-such-suggestion', voted: true });
    expect(text(madeUp)).toContain('hör till en grupp som du inte är med i');
    expect((await migrated.storage.repositories.competence.voteTallies(TENANT, [suggestionId], 'x')).get(suggestionId)?.votes).toBe(1);
  });

  it('shows a planned suggestion without a vote button, also to someone who clicks an old card', async () => {
    const { card } = await suggest('Film: Plastens pris');
    const suggestionId = card.actions![0]!.data.suggestionId as string;
    const anna = (await migrated.storage.repositories.people.listByGroup(TENANT, groupId)).find((p) => p.name === 'Anna Strateg')!;
    await useCases.planCompetenceSuggestion({ tenantId: TENANT, personId: anna.id, groupId, suggestionId, date: '2026-09-16' });
    const clicked = await execute(ERIK, 'competence.vote', { suggestionId, voted: true });
    expect(text(clicked)).toContain('Hållbarhetsstrategerna har planerat in förslaget');
    expect(clicked.actions).toBeUndefined();
    expect(text(await execute(ANNA, 'competence.refresh', { suggestionId }))).toContain('planerat in');
  });
});
