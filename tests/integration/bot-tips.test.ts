/**
 * Omvärldsbevakning in Teams, through botbuilder's TestAdapter and a real embedded database: the
 * *tipsa* command's form, its errors and receipt; the message extension's *Föreslå som punkt* and
 * *Tipsa gruppen* on a message (fetchTask → a task module prefilled with the message, submitAction
 * → stored, answered in Swedish); and payloads that cannot be read or come from strangers, each
 * answered with a message in the task module — never an error status.
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
const STRANGER = { id: '29:x', aadObjectId: '99999999-0000-4000-8000-000000000009', name: 'Okänd' };

interface Card {
  body: { type: string; id?: string; text?: string; value?: unknown }[];
  actions: { type: string; verb?: string; data: Record<string, unknown> }[];
}

describe('bot: omvärldsbevakning (tips and the message extension)', () => {
  let migrated: MigratedStorage;
  let bot: ArbetsrumBot;
  let groupId = '';
  const clock = fixedClock('2026-04-20T08:00:00Z');

  beforeAll(async () => {
    migrated = await openMigratedStorage(databaseTargets()[0]!);
    groupId = (await seedDemoGroup({ unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds('seed') }, aGroupSeed(), [2026]))
      .groupId;
    const useCases = createUseCases({
      repositories: migrated.storage.repositories,
      unitOfWork: migrated.storage.unitOfWork,
      clock,
      ids: sequentialIds('uc'),
      ...fakePorts(clock),
    });
    bot = new ArbetsrumBot(useCases, silentLogger, 'sv');
  });
  afterAll(() => migrated.db.close());

  const base = (who = ANNA, kind: 'personal' | 'channel' = 'personal'): Partial<Activity> => ({
    channelId: 'msteams',
    serviceUrl: 'https://smba.example.invalid/',
    from: who,
    recipient: { id: '28:bot', name: 'Arbetsrum' },
    conversation:
      kind === 'personal'
        ? { id: `a:${who.id}`, conversationType: 'personal', tenantId: TENANT, isGroup: false, name: '' }
        : { id: '19:general@thread.tacv2', conversationType: 'channel', tenantId: TENANT, isGroup: true, name: '' },
    channelData: { tenant: { id: TENANT } },
  });
  async function run(activity: Partial<Activity>) {
    const adapter = new RecordingAdapter();
    await adapter.processActivity(activity, (context) => bot.run(context));
    return [...adapter.activeQueue];
  }
  const tips = () => migrated.storage.repositories.tips.listByGroup(TENANT, groupId, 100);
  const proposals = () => migrated.storage.repositories.proposals.listByGroup(TENANT, groupId);
  const inputs = (card: Card) => Object.fromEntries(card.body.filter((e) => e.id).map((e) => [e.id!, e]));

  async function execute(verb: string, data: Record<string, unknown>): Promise<Card> {
    const sent = await run({
      ...base(),
      type: ActivityTypes.Invoke,
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data } },
    });
    const response = invokeResponseOf(sent);
    expect(response?.status).toBe(200);
    return response!.body.value as unknown as Card;
  }
  /** A message-extension invoke from Anna in a channel: the invoke response's status and body. */
  async function extension(name: string, value: unknown, who = ANNA) {
    const sent = await run({ ...base(who, 'channel'), type: ActivityTypes.Invoke, name, value });
    const response = sent.find((a) => a.type === 'invokeResponse')?.value as {
      status: number;
      body: { task: { type: string; value: unknown } };
    };
    return response;
  }
  const taskCard = (response: Awaited<ReturnType<typeof extension>>) => {
    expect(response.status).toBe(200);
    expect(response.body.task.type).toBe('continue');
    return (response.body.task.value as { card: { content: Card } }).card.content;
  };
  const taskMessage = (response: Awaited<ReturnType<typeof extension>>) => {
    expect(response.status).toBe(200);
    expect(response.body.task.type).toBe('message');
    return response.body.task.value as string;
  };

  it('opens the tip form on "tipsa", shows an http link refused under its field, then stores the tip once', async () => {
    const sent = await run({ ...base(), type: ActivityTypes.Message, text: 'Tipsa!' });
    const form = sent[0]!.attachments![0]!.content as Card;
    expect(Object.keys(inputs(form))).toEqual(['url', 'comment']);
    expect(form.actions[0]).toMatchObject({ verb: 'tip.submit', data: { groupId } });

    const data = { ...form.actions[0]!.data, url: 'http://www.smhi.se', comment: 'Nya *klimat*scenarier' };
    const again = await execute('tip.submit', data);
    expect(JSON.stringify(again)).toContain('Länken måste börja med https://.');
    expect(inputs(again).comment!.value).toBe('Nya *klimat*scenarier');
    expect(again.actions[0]!.data.submissionKey).toBe(form.actions[0]!.data.submissionKey);

    const before = (await tips()).length;
    const valid = { ...data, url: 'https://www.smhi.se/klimat' };
    const receipt = await execute('tip.submit', valid);
    await execute('tip.submit', valid);
    expect(JSON.stringify(receipt)).toContain('Tack för tipset!');
    // People's text is escaped in the receipt.
    expect(JSON.stringify(receipt)).toContain('Nya \\\\*klimat\\\\*scenarier');
    const stored = await tips();
    expect(stored).toHaveLength(before + 1);
    expect(stored[0]).toMatchObject({ url: 'https://www.smhi.se/klimat', comment: 'Nya *klimat*scenarier', source: 'bot', status: 'new' });
  });

  it('lists "tipsa" on the help card', async () => {
    const sent = await run({ ...base(), type: ActivityTypes.Message, text: 'hjälp' });
    expect(JSON.stringify(sent[0]!.attachments![0]!.content)).toContain('**tipsa**');
  });

  const message = {
    id: '1700000000000',
    body: {
      contentType: 'html',
      content:
        '<p>Läs <b>rapporten</b> &amp; säg vad ni tycker: <a href="https://www.naturvardsverket.se/r">https://www.naturvardsverket.se/r</a></p><p>**inte fet** [länk](https://evil.example)</p>',
    },
  };

  it('Föreslå som punkt: a task module with the message as the description, and the proposal stored on submit', async () => {
    const card = taskCard(
      await extension('composeExtension/fetchTask', { commandId: 'foreslaPunkt', commandContext: 'message', messagePayload: message }),
    );
    const fields = inputs(card);
    expect(fields.description!.value).toBe(
      'Läs rapporten & säg vad ni tycker: https://www.naturvardsverket.se/r **inte fet** [länk](https://evil.example)',
    );
    expect(card.actions).toEqual([
      expect.objectContaining({ type: 'Action.Submit', data: expect.objectContaining({ commandId: 'foreslaPunkt', groupId }) }),
    ]);

    const before = (await proposals()).length;
    const data = {
      ...card.actions[0]!.data,
      title: 'Naturvårdsverkets rapport',
      description: fields.description!.value,
      kind: 'omvarldsbevakning',
      organisationId: '',
      goalIds: '',
      minutesNeeded: '15',
      meetingId: (fields.meetingId as { value: string }).value,
    };
    const invalid = taskCard(
      await extension('composeExtension/submitAction', {
        commandId: 'foreslaPunkt',
        commandContext: 'message',
        data: { ...data, title: '' },
      }),
    );
    expect(JSON.stringify(invalid)).toContain('Förslaget är inte skickat. Rätta det som är markerat');
    const answer = taskMessage(
      await extension('composeExtension/submitAction', { commandId: 'foreslaPunkt', commandContext: 'message', data }),
    );
    expect(answer).toBe('Tack! Förslaget ”Naturvårdsverkets rapport” är inskickat.');
    const after = await proposals();
    expect(after).toHaveLength(before + 1);
    expect(after.find((p) => p.title === 'Naturvårdsverkets rapport')).toMatchObject({
      kind: 'omvarldsbevakning',
      description: data.description,
    });
  });

  it('Tipsa gruppen: the message quoted (escaped) and its link filled in; the tip stored with the quote', async () => {
    const card = taskCard(
      await extension('composeExtension/fetchTask', { commandId: 'tipsaGruppen', commandContext: 'message', messagePayload: message }),
    );
    const text = JSON.stringify(card.body.filter((e) => e.type === 'TextBlock').map((e) => e.text));
    expect(text).toContain('\\\\*\\\\*inte fet\\\\*\\\\* \\\\[länk\\\\](https://evil.example)');
    expect(inputs(card).url!.value).toBe('https://www.naturvardsverket.se/r');
    const data = { ...card.actions[0]!.data, url: inputs(card).url!.value, comment: 'Värt en punkt?' };
    expect(data).toMatchObject({ commandId: 'tipsaGruppen', groupId });

    const answer = taskMessage(await extension('composeExtension/submitAction', { commandId: 'tipsaGruppen', data }));
    expect(answer).toBe('Tack! Tipset är skickat till Hållbarhetsgruppen.');
    expect((await tips())[0]).toMatchObject({
      source: 'message-extension',
      url: 'https://www.naturvardsverket.se/r',
      comment: 'Värt en punkt?',
      quote: expect.stringContaining('Läs rapporten & säg vad ni tycker'),
    });
  });

  it('answers payloads it cannot read, and strangers, in words in the task module and stores nothing', async () => {
    const before = [(await tips()).length, (await proposals()).length];
    const unreadable = 'Det gick inte att läsa det som skickades, så inget har sparats. Försök igen från meddelandet.';
    for (const value of [
      null,
      'text',
      [],
      {},
      { commandId: 'raderaAllt' },
      { commandId: 'tipsaGruppen', messagePayload: { body: { content: 42 } } },
    ])
      expect(taskMessage(await extension('composeExtension/fetchTask', value))).toBe(unreadable);
    for (const value of [
      null,
      { commandId: 'tipsaGruppen' },
      { commandId: 'tipsaGruppen', data: 'x' },
      { commandId: 'tipsaGruppen', data: { groupId, submissionKey: 'k1', comment: 'a\u0000b' } },
      { commandId: 'tipsaGruppen', data: { groupId: '../x', submissionKey: 'k2', comment: 'Hej' } },
      { commandId: 'foreslaPunkt', data: { groupId, submissionKey: 'k3', proposalId: 'someone-elses', title: 'x' } },
      { commandId: 'tipsaGruppen', botMessagePreviewAction: 'send', data: {} },
    ])
      expect(taskMessage(await extension('composeExtension/submitAction', value))).toBe(unreadable);
    // Another group's id: answered as not a member, as is someone Arbetsrum does not know.
    const notMember = 'Du finns inte med i någon arbetsgrupp i Arbetsrum, så du kan inte föreslå punkter eller skicka tips.';
    expect(
      taskMessage(
        await extension('composeExtension/submitAction', {
          commandId: 'tipsaGruppen',
          data: { groupId: 'other-group', submissionKey: 'k4', comment: 'Hej' },
        }),
      ),
    ).toBe(notMember);
    expect(
      taskMessage(await extension('composeExtension/fetchTask', { commandId: 'tipsaGruppen', messagePayload: message }, STRANGER)),
    ).toBe(notMember);
    expect([(await tips()).length, (await proposals()).length]).toEqual(before);
  });
});
