/**
 * A kallelse reaching a group of twenty over real HTTP: the service in local mode with a seed of
 * 22 people (data, not code), each delegate opening the bot through /api/messages, the chair
 * sending the kallelse through the tab's API, twenty cards arriving at a Bot Connector on
 * loopback, and every answer clicked on its card stored. (The Agents Playground knows only six
 * users, so twenty go through this connector instead.)
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readConfig } from '../../bot/src/config';
import { startService, type RunningService } from '../../bot/src/main';
import { startRecordingConnector } from '../support/recording-connector';
import { silentLogger } from '../support/silent-logger';
import { newDataDir } from '../support/data-dir';

const TENANT = '9c0ffee0-0000-4000-8000-000000000020';
const delegates = Array.from({ length: 20 }, (_, i) => ({
  name: `Delegat ${i + 1}`,
  email: `delegat${i + 1}@kommun.example`,
  aadObjectId: `00000000-0000-4000-8000-${String(100 + i).padStart(12, '0')}`,
  teamsId: `29:delegat-${i + 1}`,
}));

describe('a kallelse to twenty members over HTTP', () => {
  let dir = '';
  let service: RunningService;
  let connector: Awaited<ReturnType<typeof startRecordingConnector>>;
  const clock = { now: () => new Date('2026-03-01T10:00:00Z') };

  beforeAll(async () => {
    // The seed file sits beside the service's data in the same folder.
    dir = await newDataDir('arbetsrum-twenty-');
    const demo = JSON.parse(await readFile(path.resolve(__dirname, '../../bot/seed/ekologiska-hallbarhetsgruppen.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const seed = {
      ...demo,
      tenant: { id: TENANT, name: 'Tjugokommunen' },
      group: { ...(demo.group as object), name: 'Tjugogruppen', teamId: null },
      organisations: [{ key: 'ks', name: 'Kommunstyrelsens förvaltning', kind: 'forvaltning' }],
      people: [
        {
          name: 'Strateg Ett',
          email: 'strateg1@kommun.example',
          aadObjectId: '00000000-0000-4000-8000-000000000001',
          organisation: 'ks',
          role: 'strategist',
        },
        {
          name: 'Strateg Två',
          email: 'strateg2@kommun.example',
          aadObjectId: '00000000-0000-4000-8000-000000000002',
          organisation: 'ks',
          role: 'strategist',
        },
        ...delegates.map((d) => ({ name: d.name, email: d.email, aadObjectId: d.aadObjectId, organisation: 'ks', role: 'delegate' })),
      ],
    };
    await writeFile(path.join(dir, 'seed.json'), JSON.stringify(seed));
    service = await startService(
      { ...readConfig({ DATA_DIR: dir, SEED_FILE: path.join(dir, 'seed.json') }), port: 0, graphStandInPort: 0 },
      silentLogger,
      clock,
    );
    connector = await startRecordingConnector({});
  }, 60_000);
  afterAll(async () => {
    await connector?.close();
    await service?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const activity = (d: (typeof delegates)[number], extra: Record<string, unknown>) => ({
    channelId: 'msteams',
    serviceUrl: connector.url,
    locale: 'sv-SE',
    from: { id: d.teamsId, name: d.name, aadObjectId: d.aadObjectId },
    recipient: { id: '28:arbetsrum', name: 'Arbetsrum' },
    conversation: { id: `a:${d.teamsId}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    ...extra,
  });
  const post = (body: unknown) =>
    fetch(`${service.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  it('reaches all twenty and stores every answer', async () => {
    for (const d of delegates)
      expect((await post(activity(d, { type: 'message', id: `m-${d.teamsId}`, text: 'hej' }))).status).toBeLessThan(300);

    const { people } = (await (await fetch(`${service.url}/api/dev/people`)).json()) as { people: { id: string; name: string }[] };
    const signIn = await fetch(`${service.url}/api/dev/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ personId: people.find((p) => p.name === 'Strateg Ett')!.id }),
    });
    const auth = { Authorization: `Bearer ${((await signIn.json()) as { token: string }).token}` };
    const me = (await (await fetch(`${service.url}/api/me`, { headers: auth })).json()) as { groups: { id: string }[] };
    const overview = (await (await fetch(`${service.url}/api/groups/${me.groups[0]!.id}/overview`, { headers: auth })).json()) as {
      nextMeeting: { id: string };
    };
    const meetingId = overview.nextMeeting.id;

    const before = connector.sent.length;
    const report = (await (await fetch(`${service.url}/api/meetings/${meetingId}/kallelse`, { method: 'POST', headers: auth })).json()) as {
      report: { sent: number; mailed: { name: string }[]; notReached: { name: string }[] };
    };
    expect(report.report.sent).toBe(20);
    // The strategists never opened the bot: they get the kallelse by mail (the Graph stand-in's
    // outbox); the group has no team channel, so that post reaches no one.
    expect(report.report.mailed.map((n) => n.name).sort()).toEqual(['Strateg Ett', 'Strateg Två']);
    expect(report.report.notReached.map((n) => n.name)).toEqual(['Tjugogruppen']);
    const outbox = await readdir(path.join(dir, 'outbox'));
    expect(outbox).toHaveLength(2);
    const kallelser = connector.sent.slice(before).filter((s) => JSON.stringify(s.body.attachments).includes('Kallelse:'));
    expect(new Set(kallelser.map((k) => k.conversationId))).toEqual(new Set(delegates.map((d) => `a:${d.teamsId}`)));

    const answers = ['yes', 'no', 'substitute'] as const;
    for (const [i, d] of delegates.entries()) {
      const answer = answers[i % 3]!;
      const res = await post(
        activity(d, {
          type: 'invoke',
          id: `i-${d.teamsId}`,
          name: 'adaptiveCard/action',
          value: {
            action: {
              type: 'Action.Execute',
              verb: 'rsvp.answer',
              data: { meetingId, answer, ...(answer === 'substitute' ? { substituteName: `Ersättare ${i + 1}` } : {}) },
            },
          },
        }),
      );
      expect(res.status).toBe(200);
      expect(JSON.stringify(await res.json())).toContain('Ditt svar:');
    }
    const attendance = (await (await fetch(`${service.url}/api/meetings/${meetingId}/attendance`, { headers: auth })).json()) as {
      answers: { name: string; rsvp: string | null; substituteName: string | null }[];
    };
    const byName = new Map(attendance.answers.map((a) => [a.name, a]));
    for (const [i, d] of delegates.entries()) expect(byName.get(d.name)?.rsvp).toBe(answers[i % 3]);
    expect(byName.get('Delegat 3')?.substituteName).toBe('Ersättare 3');
  }, 60_000);
});
