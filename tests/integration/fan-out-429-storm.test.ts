/**
 * Pacing against Teams' real limits: the fan-out, with the real Bot Framework client, sends 120
 * cards through the Bot Connector stand-in (Teams' limits, 429 with Retry-After beyond them).
 * Paced, it never runs into a 429; in a three-second storm of 429s it waits as told and reaches
 * everyone once, dropping no one.
 */
import { createCloudAdapter } from '../../bot/src/adapters/teams/bot-endpoint';
import { TeamsMessenger } from '../../bot/src/adapters/teams/teams-messenger';
import { fanOut, Pacer, type Recipient } from '../../bot/src/app/fan-out';
import type { MinutesPublishedNotice, Waiter } from '../../bot/src/app/ports/messenger';
import { seedDemoGroup } from '../../bot/src/app/seed-demo-group';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../support/database';
import { aGroupSeed, sequentialIds, TENANT } from '../support/group-seed-mother';
import { silentLogger } from '../support/silent-logger';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/teams-connector-stand-in';

const notice: MinutesPublishedNotice = {
  kind: 'minutes-published',
  audience: 'person',
  groupName: 'Ekologiska hållbarhetsgruppen',
  meeting: {
    id: 'm1',
    title: 'Möte 1',
    startsAt: new Date('2026-02-11T12:00:00Z'),
    durationMinutes: 120,
    place: 'Stadshuset',
    onlineUrl: null,
    status: 'minutes_published',
    chair: null,
  },
  version: 1,
  correctionOf: null,
  documentUrl: null,
  canReport: true,
  reportedAt: null,
};

const realWaiter: Waiter = { wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), random: Math.random };

describe('fan-out against a connector that enforces Teams’ limits', () => {
  let migrated: MigratedStorage;
  let connector: ConnectorStandIn;
  let groupId = '';
  const clock = { now: () => new Date() };
  const messenger = new TeamsMessenger(
    createCloudAdapter({ appId: '', appPassword: '', appType: '', appTenantId: '' }, silentLogger),
    '',
    'sv',
  );

  beforeAll(async () => {
    migrated = await openMigratedStorage(databaseTargets()[0]!);
    groupId = (await seedDemoGroup({ unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds('seed') }, aGroupSeed(), [2026]))
      .groupId;
    connector = await startConnectorStandIn();
  });
  afterAll(async () => {
    await connector.close();
    await migrated.db.close();
  });

  const recipients = (prefix: string, count: number): Recipient[] =>
    Array.from({ length: count }, (_, i) => ({
      target: `person:${prefix}${i}`,
      name: `Person ${i}`,
      conversation: {
        tenantId: TENANT,
        conversationId: `a:${prefix}${i}`,
        kind: 'personal',
        personId: `${prefix}${i}`,
        groupId: null,
        reference: {
          serviceUrl: connector.url,
          channelId: 'msteams',
          conversation: { id: `a:${prefix}${i}`, conversationType: 'personal', tenantId: TENANT },
          bot: { id: '28:arbetsrum' },
          user: { id: `29:${prefix}${i}` },
        },
        updatedAt: clock.now(),
      },
    }));

  const deps = (run: string) => ({
    repositories: migrated.storage.repositories,
    clock,
    ids: sequentialIds(run),
    messenger,
    waiter: realWaiter,
  });

  it('stays under the limits on its own: 120 cards, no 429', async () => {
    const report = await fanOut(deps('calm'), new Pacer(), {
      tenantId: TENANT,
      groupId,
      kind: 'storm-test',
      subjectId: 'calm',
      notice,
      recipients: recipients('calm', 120),
    });
    expect(report).toMatchObject({ sent: 120, notReached: [] });
    expect(connector.throttled).toEqual([]);
    const counts = connector.countsByConversation();
    expect([...counts.entries()].filter(([id, n]) => id.startsWith('a:calm') && n !== 1)).toEqual([]);
  }, 60_000);

  it('rides out a three-second storm of 429s and reaches everyone once', async () => {
    connector.storm(3_000);
    const report = await fanOut(deps('storm'), new Pacer(), {
      tenantId: TENANT,
      groupId,
      kind: 'storm-test',
      subjectId: 'storm',
      notice,
      recipients: recipients('storm', 60),
    });
    expect(connector.throttled.length).toBeGreaterThan(0); // the storm did hit
    expect(report).toMatchObject({ sent: 60, notReached: [] });
    const counts = connector.countsByConversation();
    const storm = [...counts.entries()].filter(([id]) => id.startsWith('a:storm'));
    expect(storm).toHaveLength(60);
    expect(storm.filter(([, n]) => n !== 1)).toEqual([]);
  }, 120_000);
});
