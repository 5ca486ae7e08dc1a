/**
 * The whole service in local mode over real HTTP: health, the dev sign-in, the tab API with its
 * access rules and error shapes, the security headers, and the bot endpoint answering through a
 * (recording) Bot Connector.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { readConfig } from '../../bot/src/config';
import { startService, type RunningService } from '../../bot/src/main';
import { startRecordingConnector } from '../support/recording-connector';
import { silentLogger as silent } from '../support/silent-logger';
import { newDataDir } from '../support/data-dir';

const DEMO_TENANT = '8b5d2c1e-4f3a-4e7b-9c21-6a0d3f5e7b90';
const SARA = {
  id: '29:sara',
  aadObjectId: '00000000-0000-4000-8000-000000000003',
  email: 'sara.nilsson@trollhattan.example',
  name: 'Sara Nilsson',
};

describe('the service over HTTP (local mode)', () => {
  let dataDir: string;
  let service: RunningService;
  const clock = { now: () => new Date('2026-03-01T10:00:00Z') };

  beforeAll(async () => {
    dataDir = await newDataDir('arbetsrum-http-');
    const config = { ...readConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1' }), port: 0, graphStandInPort: 0 };
    service = await startService(config, silent, clock);
  });
  afterAll(async () => {
    await service.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const api = (route: string, init: RequestInit = {}) => fetch(`${service.url}${route}`, init);
  async function signIn(name: string): Promise<string> {
    const { people } = (await (await api('/api/dev/people')).json()) as { people: { id: string; name: string }[] };
    const person = people.find((p) => p.name === name);
    const res = await api('/api/dev/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ personId: person?.id }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { token: string }).token;
  }

  it('is healthy, with its database up', async () => {
    const res = await api('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('sends the security headers and no X-Powered-By', async () => {
    const res = await api('/api/session');
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    // No inline or eval'd script, and nothing framed from elsewhere than Teams and Microsoft 365.
    const scriptSrc = /script-src ([^;]*)/.exec(res.headers.get('content-security-policy') ?? '')?.[1] ?? '';
    expect(scriptSrc.trim()).toBe("'self'");
    const ancestors =
      /frame-ancestors ([^;]*)/
        .exec(res.headers.get('content-security-policy') ?? '')?.[1]
        ?.trim()
        .split(/\s+/) ?? [];
    for (const host of ancestors)
      expect(host).toMatch(
        /^('self'|https:\/\/(\*\.)?(teams\.microsoft\.com|teams\.cloud\.microsoft|cloud\.microsoft|office\.com|microsoft365\.com|outlook\.office\.com|skype\.com))$/,
      );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(await res.json()).toEqual({ mode: 'local', devSignIn: true });
  });

  it('lists the seeded demo group for the dev sign-in, strategists first', async () => {
    const { people } = (await (await api('/api/dev/people')).json()) as { people: { name: string; role: string; groupName: string }[] };
    expect(people.slice(0, 2).map((p) => p.role)).toEqual(['strategist', 'strategist']);
    expect(people.filter((p) => p.role === 'delegate')).toHaveLength(6);
    expect(new Set(people.map((p) => p.groupName))).toEqual(new Set(['Ekologiska hållbarhetsgruppen']));
  });

  it('shows a strategist the group, the next meeting with its chair and the year plan', async () => {
    const token = await signIn('Anna Lindqvist');
    const me = (await (await api('/api/me', { headers: { Authorization: `Bearer ${token}` } })).json()) as {
      groups: { id: string; role: string }[];
    };
    expect(me.groups).toEqual([expect.objectContaining({ role: 'strategist' })]);
    const groupId = me.groups[0]!.id;
    const res = await api(`/api/groups/${groupId}/overview?year=2026`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const overview = (await res.json()) as {
      group: { name: string };
      nextMeeting: { startsAt: string; chair: { name: string } };
      yearPlan: { chair: { name: string } }[];
    };
    expect(overview.group.name).toBe('Ekologiska hållbarhetsgruppen');
    expect(overview.nextMeeting.startsAt).toBe('2026-03-11T12:00:00.000Z');
    expect(overview.yearPlan).toHaveLength(8);
    const chairs = overview.yearPlan.map((m) => m.chair.name);
    expect(new Set(chairs)).toEqual(new Set(['Anna Lindqvist', 'Erik Johansson']));
    chairs.slice(1).forEach((chair, i) => expect(chair).not.toBe(chairs[i]));
    expect(overview.nextMeeting.chair.name).toBe(chairs[1]);
  });

  it('refuses callers without a valid session, and groups they are not in', async () => {
    expect((await api('/api/me')).status).toBe(401);
    const forged = await api('/api/me', { headers: { Authorization: 'Bearer eyJ0IjoieCJ9.forged' } });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ code: 'unauthenticated' });
    const token = await signIn('Sara Nilsson');
    const other = await api('/api/groups/00000000-0000-0000-0000-000000000000/overview', { headers: { Authorization: `Bearer ${token}` } });
    expect(other.status).toBe(403);
  });

  it('answers bad input with a 4xx that says what is wrong', async () => {
    const token = await signIn('Sara Nilsson');
    const badYear = await api('/api/groups/abc/overview?year=nineteen', { headers: { Authorization: `Bearer ${token}` } });
    expect(badYear.status).toBe(400);
    expect(await badYear.json()).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('year') });
    const unknown = await api('/api/dev/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ personId: 'nobody' }),
    });
    expect(unknown.status).toBe(404);
    const extra = await api('/api/dev/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ personId: 'x', admin: true }),
    });
    expect(extra.status).toBe(400);
    const broken = await api('/api/dev/sign-in', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"personId":' });
    expect(broken.status).toBe(400);
    const huge = await api('/api/dev/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ personId: 'x'.repeat(300 * 1024) }),
    });
    expect(huge.status).toBe(413);
    const missing = await api('/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  });

  it('welcomes a delegate who opens the bot, recognised by the mail in the roster', async () => {
    const connector = await startRecordingConnector({ [SARA.id]: SARA });
    try {
      const res = await api('/api/messages', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          type: 'conversationUpdate',
          id: 'activity-1',
          channelId: 'msteams',
          serviceUrl: connector.url,
          locale: 'sv-SE',
          from: { id: SARA.id, name: SARA.name },
          recipient: { id: '28:arbetsrum', name: 'Arbetsrum' },
          conversation: { id: 'a:sara-personal', conversationType: 'personal', tenantId: DEMO_TENANT },
          channelData: { tenant: { id: DEMO_TENANT } },
          membersAdded: [{ id: '28:arbetsrum', name: 'Arbetsrum' }],
        }),
      });
      expect(res.status).toBeLessThan(300);
      expect(connector.sent).toHaveLength(1);
      expect(connector.sent[0]!.conversationId).toBe('a:sara-personal');
      const card = JSON.stringify(connector.sent[0]!.body.attachments?.[0]?.content);
      expect(card).toContain('Hej Sara Nilsson!');
      expect(card).toContain('Du är delegat i Ekologiska hållbarhetsgruppen.');
      expect(card).toContain('onsdag 11 mars 2026');
    } finally {
      await connector.close();
    }
  });

  it('keeps the data of the first start at the second', async () => {
    const config = { ...readConfig({ DATA_DIR: path.join(dataDir, 'second'), HOST: '127.0.0.1' }), port: 0, graphStandInPort: 0 };
    const first = await startService(config, silent, clock);
    const before = (await (await fetch(`${first.url}/api/dev/people`)).json()) as { people: { id: string }[] };
    await first.close();
    const second = await startService(config, silent, clock);
    try {
      const after = (await (await fetch(`${second.url}/api/dev/people`)).json()) as { people: { id: string }[] };
      expect(after.people.map((p) => p.id)).toEqual(before.people.map((p) => p.id));
    } finally {
      await second.close();
    }
  });
});
