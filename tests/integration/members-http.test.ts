/**
 * `GET /api/groups/:groupId/members` over real HTTP, with the real use cases on an embedded
 * database: members of the group read it; members of another group or tenant, and ids that are
 * not theirs, are refused alike.
 */
import { devTokenAuthenticator } from '../../bot/src/adapters/http/authenticator';
import { DevTokens } from '../../bot/src/adapters/http/dev-token';
import { close, createHttpServer, listen } from '../../bot/src/adapters/http/server';
import { seedDemoGroup } from '../../bot/src/app/seed-demo-group';
import { createUseCases } from '../../bot/src/app/use-cases';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../support/database';
import { fakePorts } from '../support/fake-messenger';
import { aGroupSeed, fixedClock, sequentialIds } from '../support/group-seed-mother';
import { silentLogger } from '../support/silent-logger';

describe('the members API over HTTP', () => {
  const clock = fixedClock('2026-03-01T10:00:00Z');
  const tokens = new DevTokens(() => clock.now());
  let migrated: MigratedStorage;
  let server: ReturnType<typeof createHttpServer>;
  let url = '';
  /** Per group: its id and its people by name. */
  const groups: Record<'a' | 'b' | 'c', { tenantId: string; groupId: string; people: Map<string, string> }> = {} as never;

  beforeAll(async () => {
    migrated = await openMigratedStorage(databaseTargets()[0]!);
    const seedGroup = async (key: 'a' | 'b' | 'c', tenantId: string, name: string, mailPrefix: string) => {
      const base = aGroupSeed({ tenant: { id: tenantId, name: tenantId } });
      const { groupId } = await seedDemoGroup(
        { unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds(key) },
        {
          ...base,
          group: { ...base.group, name, teamId: null },
          people: base.people.map((p, i) => ({
            ...p,
            email: `${mailPrefix}-${p.email}`,
            aadObjectId: `00000000-0000-4000-8000-${mailPrefix}${String(i).padStart(11, '0')}`,
          })),
        },
        [2026],
      );
      const people = new Map((await migrated.storage.repositories.people.listByGroup(tenantId, groupId)).map((p) => [p.name, p.id]));
      groups[key] = { tenantId, groupId, people };
    };
    await seedGroup('a', 'tenant-1', 'Grupp A', '1');
    await seedGroup('b', 'tenant-1', 'Grupp B', '2');
    await seedGroup('c', 'tenant-2', 'Grupp A', '3');

    const useCases = createUseCases({
      repositories: migrated.storage.repositories,
      unitOfWork: migrated.storage.unitOfWork,
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
  });
  afterAll(async () => {
    await close(server);
    await migrated.db.close();
  });

  const tokenFor = (key: 'a' | 'b' | 'c', name: string) =>
    tokens.issue({ tenantId: groups[key].tenantId, personId: groups[key].people.get(name)! });
  const get = (groupId: string, token?: string) =>
    fetch(`${url}/api/groups/${groupId}/members`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});

  it('answers a delegate of the group with the people, the organisations and the warnings', async () => {
    const res = await get(groups.a.groupId, tokenFor('a', 'Sara Delegat'));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as {
      group: { id: string };
      people: { name: string; email: string; organisationName: string | null; role: string }[];
      organisations: { name: string; kind: string }[];
      warnings: { kind: string; organisationName: string }[];
    };
    expect(body.group.id).toBe(groups.a.groupId);
    expect(body.people).toEqual([
      expect.objectContaining({ name: 'Anna Strateg', email: '1-anna@test.example', role: 'strategist' }),
      expect.objectContaining({ name: 'Erik Strateg', role: 'strategist' }),
      expect.objectContaining({ name: 'Sara Delegat', organisationName: 'Utbildningsförvaltningen', role: 'delegate' }),
    ]);
    expect(body.organisations).toEqual([
      expect.objectContaining({ name: 'Kommunstyrelsens förvaltning', kind: 'forvaltning' }),
      expect.objectContaining({ name: 'Utbildningsförvaltningen', kind: 'forvaltning' }),
    ]);
    expect(body.warnings).toEqual([expect.objectContaining({ kind: 'no-delegate', organisationName: 'Kommunstyrelsens förvaltning' })]);
  });

  it('answers a strategist of the group too', async () => {
    expect((await get(groups.a.groupId, tokenFor('a', 'Anna Strateg'))).status).toBe(200);
  });

  it('refuses a member of another group in the same tenant, and of another tenant, with 403', async () => {
    for (const [key, name] of [
      ['b', 'Sara Delegat'],
      ['b', 'Anna Strateg'],
      ['c', 'Anna Strateg'],
    ] as const) {
      const res = await get(groups.a.groupId, tokenFor(key, name));
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ code: 'forbidden', message: expect.any(String) });
    }
    // Another tenant's group id with a token of this tenant: the same answer.
    expect((await get(groups.c.groupId, tokenFor('a', 'Anna Strateg'))).status).toBe(403);
    // A person id of tenant 2 in a token for tenant 1 is nobody.
    const mixed = tokens.issue({ tenantId: 'tenant-1', personId: groups.c.people.get('Anna Strateg')! });
    expect((await get(groups.a.groupId, mixed)).status).toBe(403);
  });

  it('answers an id that is not a group of the caller with 403, and a malformed one with 400', async () => {
    const token = tokenFor('a', 'Sara Delegat');
    expect((await get('00000000-0000-4000-8000-000000000000', token)).status).toBe(403);
    const malformed = await get('not%20an%20id', token);
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ code: 'invalid-input', message: expect.any(String) });
    expect((await get('x'.repeat(65), token)).status).toBe(400);
  });

  it('refuses a caller without a session with 401', async () => {
    expect((await get(groups.a.groupId)).status).toBe(401);
    expect((await get(groups.a.groupId, 'forged.token')).status).toBe(401);
  });
});
