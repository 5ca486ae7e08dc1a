/**
 * The bot's first slice through botbuilder's TestAdapter: install → welcome card, `hjälp` → the
 * same card, an unknown user → whom to ask; on a real embedded database seeded like production.
 */
import { ActivityTypes, TestAdapter, type Activity, type Attachment } from 'botbuilder';
import { ArbetsrumBot } from '../../bot/src/adapters/teams/arbetsrum-bot';
import { seedDemoGroup } from '../../bot/src/app/seed-demo-group';
import { createUseCases } from '../../bot/src/app/use-cases';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../support/database';
import { aGroupSeed, fixedClock, sequentialIds, TENANT } from '../support/group-seed-mother';
import { silentLogger as silent } from '../support/silent-logger';
import { fakePorts } from '../support/fake-messenger';

const ANNA = '00000000-0000-4000-8000-000000000001';

describe('bot: welcome and help', () => {
  let migrated: MigratedStorage;
  let bot: ArbetsrumBot;
  const clock = fixedClock('2026-03-01T10:00:00Z');

  beforeAll(async () => {
    migrated = await openMigratedStorage(databaseTargets()[0]!);
    await seedDemoGroup({ unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds() }, aGroupSeed(), [2026]);
    bot = new ArbetsrumBot(
      createUseCases({
        repositories: migrated.storage.repositories,
        unitOfWork: migrated.storage.unitOfWork,
        clock,
        ids: sequentialIds('u'),
        ...fakePorts(clock),
      }),
      silent,
    );
  });
  afterAll(() => migrated.db.close());

  function teamsActivity(overrides: Partial<Activity>, who: { id: string; aadObjectId?: string; name: string }): Partial<Activity> {
    return {
      channelId: 'msteams',
      serviceUrl: 'https://smba.example.invalid/',
      locale: 'sv-SE',
      from: { id: `29:${who.id}`, name: who.name, aadObjectId: who.aadObjectId },
      recipient: { id: '28:arbetsrum-bot', name: 'Arbetsrum' },
      conversation: { id: `a:personal-${who.id}`, conversationType: 'personal', tenantId: TENANT, isGroup: false, name: '' },
      channelData: { tenant: { id: TENANT } },
      ...overrides,
    };
  }

  async function run(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    const adapter = new TestAdapter();
    await adapter.processActivity(activity, (context) => bot.run(context));
    return [...adapter.activeQueue];
  }

  const cardText = (attachment: Attachment | undefined) => JSON.stringify(attachment?.content ?? {});

  it('welcomes a known strategist on install, with her role, the next meeting and its chair', async () => {
    const replies = await run(
      teamsActivity(
        { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: '28:arbetsrum-bot', name: 'Arbetsrum' }] },
        { id: 'anna', aadObjectId: ANNA, name: 'Anna' },
      ),
    );
    expect(replies).toHaveLength(1);
    const attachment = replies[0]!.attachments?.[0];
    expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const text = cardText(attachment);
    expect(text).toContain('Hej Anna Strateg!');
    expect(text).toContain('Du är hållbarhetsstrateg i Hållbarhetsgruppen.');
    expect(text).toContain('onsdag 13 maj 2026');
    expect(text).toContain('13:00–15:00');
    const repos = migrated.storage.repositories;
    const [group] = await repos.groups.listByTenant(TENANT);
    const next = (await repos.meetings.listByGroup(TENANT, group!.id)).find((m) => m.startsAt > clock.now())!;
    const chair = await repos.people.find(TENANT, next.chairPersonId!);
    expect(text).toContain(`{"title":"Ordförande","value":"${chair!.name}"}`);
    expect(text).toContain(`${next.title}, onsdag 13 maj 2026`);

    const stored = await migrated.storage.repositories.conversations.find(TENANT, 'a:personal-anna');
    expect(stored).toMatchObject({ kind: 'personal', tenantId: TENANT });
    expect(stored?.personId).not.toBeNull();
  });

  it('does not greet when someone else joins a conversation', async () => {
    const replies = await run(
      teamsActivity(
        { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: '29:someone', name: 'Someone' }] },
        { id: 'anna', aadObjectId: ANNA, name: 'Anna' },
      ),
    );
    expect(replies).toHaveLength(0);
  });

  it('answers `hjälp` with the same card, and English when Teams speaks English', async () => {
    const sv = await run(teamsActivity({ type: ActivityTypes.Message, text: 'hjälp' }, { id: 'anna', aadObjectId: ANNA, name: 'Anna' }));
    expect(cardText(sv[0]?.attachments?.[0])).toContain('Skriv till mig');
    expect(cardText(sv[0]?.attachments?.[0])).toContain('**föreslå** – föreslå en punkt till dagordningen');
    const en = await run(
      teamsActivity({ type: ActivityTypes.Message, text: 'help', locale: 'en-US' }, { id: 'anna', aadObjectId: ANNA, name: 'Anna' }),
    );
    const text = cardText(en[0]?.attachments?.[0]);
    expect(text).toContain('Hi Anna Strateg!');
    expect(text).toContain('Wednesday 13 May 2026');
  });

  it('says when it did not understand, without echoing the text, and shows what it can do', async () => {
    const replies = await run(
      teamsActivity({ type: ActivityTypes.Message, text: 'vad är klockan' }, { id: 'anna', aadObjectId: ANNA, name: 'Anna' }),
    );
    expect(replies[0]?.text).toBe('Det förstod jag inte. Här är vad du kan skriva:');
    expect(replies[0]?.attachments).toHaveLength(1);
  });

  it('tells someone unknown politely whom to ask', async () => {
    const replies = await run(
      teamsActivity(
        { type: ActivityTypes.Message, text: 'hej' },
        { id: 'stranger', aadObjectId: '00000000-0000-4000-8000-0000000000ff', name: 'Okänd' },
      ),
    );
    const text = cardText(replies[0]?.attachments?.[0]);
    expect(text).toContain('Jag känner inte igen dig ännu');
    expect(text).toContain('anna@test.example');
    expect(text).toContain('Erik Strateg');
  });

  it('greets a team it is installed in, naming the group linked to the team', async () => {
    const replies = await run(
      teamsActivity(
        {
          type: ActivityTypes.ConversationUpdate,
          membersAdded: [{ id: '28:arbetsrum-bot', name: 'Arbetsrum' }],
          conversation: { id: '19:general@thread.tacv2', conversationType: 'channel', tenantId: TENANT, isGroup: true, name: 'Allmänt' },
          channelData: {
            tenant: { id: TENANT },
            team: { id: '19:team@thread.tacv2', aadGroupId: '5E0C1A7D-2B4F-4C8E-9D3A-7F1B6E2C4A90' },
          },
        },
        { id: 'anna', aadObjectId: ANNA, name: 'Anna' },
      ),
    );
    expect(cardText(replies[0]?.attachments?.[0])).toContain('kallelser, dagordningar och minnesanteckningar för Hållbarhetsgruppen');
    // The team's Microsoft 365 group is learnt: it is where the minutes and agendas are stored.
    const group = await migrated.storage.repositories.groups.findByTeamId(TENANT, '19:team@thread.tacv2');
    expect(group?.m365GroupId).toBe('5e0c1a7d-2b4f-4c8e-9d3a-7f1b6e2c4a90');
    expect(await migrated.storage.repositories.conversations.find(TENANT, '19:general@thread.tacv2')).toMatchObject({
      kind: 'channel',
      personId: null,
    });
  });
});
