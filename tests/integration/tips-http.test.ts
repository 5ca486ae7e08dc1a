/**
 * Omvärldsbevakning over HTTP, with the real use cases on an embedded database and the demo
 * group: a delegate adds a tip and sees it listed newest first; the strategist sets one aside and
 * the delegate makes a proposal of another; refusals are the API's `{ code, message }` — a bad
 * link names its field, a delegate cannot dismiss, another group answers as not a member.
 */
import { randomBytes } from 'node:crypto';
import { devTokenAuthenticator } from '../../bot/src/adapters/http/authenticator';
import { DevTokens } from '../../bot/src/adapters/http/dev-token';
import { close, createHttpServer, listen } from '../../bot/src/adapters/http/server';
import { createUseCases } from '../../bot/src/app/use-cases';
import { openDemoGroup, type DemoGroup } from '../support/demo-group';
import { fakePorts } from '../support/fake-messenger';
import { fixedClock, sequentialIds } from '../support/group-seed-mother';
import { silentLogger } from '../support/silent-logger';

interface TipBody {
  id: string;
  url: string | null;
  comment: string;
  status: string;
  source: string;
  sender: { personId: string; name: string | null };
  proposal: { id: string; title: string } | null;
  createdAt: string;
}

describe('omvärldsbevakning over HTTP', () => {
  const clock = fixedClock('2026-02-20T09:00:00Z');
  const tokens = new DevTokens(() => clock.now());
  let demo: DemoGroup;
  let server: ReturnType<typeof createHttpServer>;
  let url = '';

  beforeAll(async () => {
    demo = await openDemoGroup(clock);
    const useCases = createUseCases({
      repositories: demo.migrated.storage.repositories,
      unitOfWork: demo.migrated.storage.unitOfWork,
      clock,
      ids: sequentialIds('uc'),
      ...fakePorts(clock),
    });
    server = createHttpServer({
      mode: 'local',
      logger: silentLogger,
      handleBotRequest: async () => undefined,
      health: async () => ({ database: 'up' }),
      tabDir: '/nonexistent',
      authenticator: devTokenAuthenticator(tokens),
      tabApi: useCases,
    });
    await listen(server, 0, '127.0.0.1');
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  }, 60_000);
  afterAll(async () => {
    if (server) await close(server);
    await demo?.migrated.db.close();
  });

  const token = (name: string) => tokens.issue(demo.as(name));
  const call = async (method: string, route: string, who: string | null, body?: unknown) => {
    const res = await fetch(`${url}/api/groups/${demo.groupId}${route}`, {
      method,
      headers: { ...(who ? { Authorization: `Bearer ${token(who)}` } : {}), 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const key = () => `k-${randomBytes(6).toString('hex')}`;
  const addTip = (who: string, comment: string, link = 'https://www.naturvardsverket.se/') =>
    call('POST', '/tips', who, { submissionKey: key(), url: link, comment });

  it('stores a tip from the tab and lists the newest first, with who sent it', async () => {
    const first = await addTip('Sara Nilsson', 'Ny vägledning om klimatanpassning');
    expect(first.status).toBe(201);
    clock.set('2026-02-20T10:00:00Z');
    expect((await addTip('Anna Lindqvist', 'Rapport om dagvatten')).status).toBe(201);
    const list = await call('GET', '/tips', 'Sara Nilsson');
    expect(list.status).toBe(200);
    const listed = list.body.tips as TipBody[];
    expect(listed.map((t) => t.comment)).toEqual(['Rapport om dagvatten', 'Ny vägledning om klimatanpassning']);
    expect(listed[1]).toMatchObject({
      source: 'tab',
      status: 'new',
      sender: { name: 'Sara Nilsson' },
      url: 'https://www.naturvardsverket.se/',
    });
    expect(list.body.mayDismiss).toBe(false);
    expect((await call('GET', '/tips', 'Anna Lindqvist')).body.mayDismiss).toBe(true);
  });

  it('refuses a link that is not https by its field, and bodies out of shape as 400', async () => {
    const bad = await addTip('Sara Nilsson', 'Kolla', 'javascript:alert(1)');
    expect(bad).toEqual({ status: 400, body: { code: 'invalid_tip', message: expect.any(String), errors: { url: 'not-https' } } });
    const extra = await call('POST', '/tips', 'Sara Nilsson', { submissionKey: key(), url: '', comment: 'x', admin: true });
    expect(extra).toMatchObject({ status: 400, body: { code: 'invalid-input' } });
    expect(await call('GET', '/tips', null)).toMatchObject({ status: 401 });
  });

  it('lets the strategist dismiss a tip, not the delegate; and a delegate make a proposal of another', async () => {
    const [newest, older] = (await call('GET', '/tips', 'Anna Lindqvist')).body.tips as TipBody[];
    expect(await call('POST', `/tips/${newest!.id}/dismiss`, 'Sara Nilsson', {})).toMatchObject({
      status: 403,
      body: { code: 'forbidden' },
    });
    expect(await call('POST', `/tips/${newest!.id}/dismiss`, 'Anna Lindqvist', {})).toMatchObject({
      status: 200,
      body: { tip: { id: newest!.id, status: 'dismissed' } },
    });
    expect(await call('POST', `/tips/${newest!.id}/dismiss`, 'Anna Lindqvist', {})).toMatchObject({ status: 409 });

    const draft = { submissionKey: key(), title: 'Klimatanpassning i planarbetet', description: 'Från tipset', minutesNeeded: 20 };
    const made = await call('POST', `/tips/${older!.id}/proposal`, 'Sara Nilsson', draft);
    expect(made).toMatchObject({ status: 201, body: { proposal: { title: 'Klimatanpassning i planarbetet', kind: 'omvarldsbevakning' } } });
    expect(await call('POST', `/tips/${older!.id}/proposal`, 'Sara Nilsson', draft)).toMatchObject({ status: 200 });
    expect(await call('POST', `/tips/${older!.id}/proposal`, 'Anna Lindqvist', { ...draft, submissionKey: key() })).toMatchObject({
      status: 409,
    });
    expect(await call('POST', `/tips/${newest!.id}/proposal`, 'Sara Nilsson', { ...draft, submissionKey: key(), title: '' })).toMatchObject(
      {
        status: 400,
        body: { code: 'invalid_proposal', errors: { title: 'required' } },
      },
    );
    const listed = (await call('GET', '/tips', 'Sara Nilsson')).body.tips as TipBody[];
    expect(listed.find((t) => t.id === older!.id)).toMatchObject({
      status: 'proposed',
      proposal: { title: 'Klimatanpassning i planarbetet' },
    });
  });

  it('answers a made-up tip as it answers a tip of no group of the caller: not a member', async () => {
    const ghost = await call('POST', '/tips/made-up-tip/dismiss', 'Anna Lindqvist', {});
    expect(ghost).toEqual({ status: 403, body: { code: 'forbidden', message: 'Not a member of this group' } });
  });
});
