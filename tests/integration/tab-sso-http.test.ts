/**
 * The whole service in production mode over real HTTP, signing in to the tab API with Teams SSO
 * tokens from a local OpenID issuer (standing in for Entra ID): the demo group and a second group
 * seeded first; tokens that are missing or meant for another app or tenant refused (401); a
 * delegate sees their groups but is refused a strategist's work (403, nothing changed in the
 * database); a member of another group is refused this group; a strategist passes. On PGlite, and
 * on PostgreSQL too when TEST_DATABASE_URL is set.
 */
import { pgliteServiceTarget, postgresServiceTarget, type ServiceDatabaseTarget } from '../support/service-database-targets';
import { migrate } from '../../bot/src/adapters/storage/migrate';
import type { SqlDatabase } from '../../bot/src/adapters/storage/sql-database';
import { createSqlStorage } from '../../bot/src/adapters/storage/sql-storage';
import { readGroupSeed } from '../../bot/src/adapters/storage/seed-file';
import { seedDemoGroup } from '../../bot/src/app/seed-demo-group';
import { readConfig } from '../../bot/src/config';
import { startService, type RunningService } from '../../bot/src/main';
import { DEMO_SEED_FILE } from '../support/demo-group';
import { entraClaims, entraIssuerV2 } from '../support/entra-claims';
import { aGroupSeed, sequentialIds } from '../support/group-seed-mother';
import { startLocalOpenIdIssuer, type LocalOpenIdIssuer } from '../support/local-openid-issuer';
import { silentLogger as silent } from '../support/silent-logger';

const APP_ID = '11111111-1111-4111-8111-111111111111';
const APP_ID_URI = `api://arbetsrum.example.se/${APP_ID}`;
const OTHER_TENANT = '99999999-9999-4999-8999-999999999999';
const ANNA = '00000000-0000-4000-8000-000000000001'; // strategist
const SARA = '00000000-0000-4000-8000-000000000003'; // delegate
const KARIN_NEW_OID = 'aaaaaaaa-0000-4000-8000-000000000005'; // Karin Berg, seeded without an object id
const LENA = 'bbbbbbbb-0000-4000-8000-000000000001'; // strategist of the other group only
const clock = { now: () => new Date('2026-03-01T10:00:00Z') };

const targets: [string, () => Promise<ServiceDatabaseTarget>][] = [['PGlite', () => pgliteServiceTarget('sso')]];
if (process.env.TEST_DATABASE_URL) targets.push(['PostgreSQL', () => postgresServiceTarget(process.env.TEST_DATABASE_URL!, 'sso')]);

describe.each(targets)('the tab API with Teams SSO in production mode (%s)', (_name, makeTarget) => {
  let target: ServiceDatabaseTarget;
  let issuer: LocalOpenIdIssuer;
  let service: RunningService | undefined;
  let tenantId: string;
  let demoGroupId: string;
  let otherGroupId: string;
  /** The audit trail as seeding left it: the refused requests must add nothing. */
  let auditAfterSeeding: string[];

  beforeAll(async () => {
    target = await makeTarget();
    const demo = await readGroupSeed(DEMO_SEED_FILE);
    tenantId = demo.tenant.id;
    issuer = await startLocalOpenIdIssuer({ issuer: entraIssuerV2(tenantId) });

    const db = await target.open();
    try {
      await migrate(db);
      const storage = createSqlStorage(db);
      const deps = { unitOfWork: storage.unitOfWork, clock, ids: sequentialIds('sso') };
      demoGroupId = (await seedDemoGroup(deps, demo, [2026])).groupId;
      otherGroupId = (
        await seedDemoGroup(
          deps,
          aGroupSeed({
            tenant: demo.tenant,
            group: { ...aGroupSeed().group, name: 'Sociala hållbarhetsgruppen', teamId: '19:other@thread.tacv2' },
            people: [
              { name: 'Lena Ström', email: 'lena.strom@trollhattan.example', aadObjectId: LENA, organisation: 'ks', role: 'strategist' },
              { name: 'Olof Lund', email: 'olof.lund@trollhattan.example', aadObjectId: null, organisation: 'ks', role: 'strategist' },
            ],
          }),
          [2026],
        )
      ).groupId;
      // Karin has not signed in yet: she is known by her work mail only.
      const people = await storage.repositories.people.listByGroup(tenantId, demoGroupId);
      const karin = people.find((p) => p.name === 'Karin Berg')!;
      await storage.repositories.people.save({ ...karin, aadObjectId: null });
      auditAfterSeeding = await auditActions(db, tenantId);
    } finally {
      await db.close();
    }

    const base = readConfig({
      MicrosoftAppId: APP_ID,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: tenantId,
      MicrosoftAppPassword: 'not-a-real-secret',
      DATABASE_URL: 'postgres://replaced.invalid/by-the-target',
      HOST: '127.0.0.1',
      TAB_APP_ID_URI: APP_ID_URI,
      ENTRA_OPENID_METADATA_URL: issuer.metadataUrl,
      // Graph is not called in these tests: a managed identity needs nothing more to start.
      GRAPH_AUTH: 'managed-identity',
    });
    service = await startService({ ...target.config(base), port: 0 }, silent, clock);
    // A new database, two seeded groups and a service: over 30 s on a loaded 2-core machine.
  }, 90_000);

  afterAll(async () => {
    await service?.close();
    await issuer?.close();
    await target?.cleanUp();
  });

  const token = (oid: string, overrides: Record<string, unknown> = {}, email?: string) =>
    issuer.mint(entraClaims({ tenantId, appId: APP_ID, oid, now: clock.now(), ...(email ? { preferredUsername: email } : {}) }, overrides));
  const api = (route: string, bearer?: string, init: RequestInit = {}) =>
    fetch(`${service!.url}${route}`, {
      ...init,
      headers: { ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}), ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
    });
  const post = (route: string, bearer: string) => api(route, bearer, { method: 'POST', body: '{}' });
  async function meetings(): Promise<{ id: string; startsAt: string }[]> {
    const res = await api(`/api/groups/${demoGroupId}/overview?year=2026`, token(ANNA));
    expect(res.status).toBe(200);
    return ((await res.json()) as { yearPlan: { id: string; startsAt: string }[] }).yearPlan;
  }

  it('says production mode without a dev sign-in', async () => {
    expect(await (await api('/api/session')).json()).toEqual({ mode: 'production', devSignIn: false });
    expect((await api('/api/dev/people')).status).toBe(404);
  });

  it('refuses no token, a garbage token, a wrong audience, a wrong tenant and a forged signature with 401', async () => {
    const refused = [
      await api('/api/me'),
      await api('/api/me', 'not.a.token'),
      await api('/api/me', token(SARA, { aud: 'api://someone-else.example/22222222-2222-4222-8222-222222222222' })),
      await api('/api/me', token(SARA, { tid: OTHER_TENANT, iss: entraIssuerV2(OTHER_TENANT) })),
      await api('/api/me', token(SARA, { tid: OTHER_TENANT })),
      await api('/api/me', issuer.mint(entraClaims({ tenantId, appId: APP_ID, oid: SARA, now: clock.now() }), { key: issuer.forgeryKey })),
      await api('/api/me', token(SARA, { exp: Math.floor(clock.now().getTime() / 1000) - 600 })),
      await api(`/api/groups/${demoGroupId}/overview`, token(SARA, { scp: 'User.Read' })),
    ];
    for (const res of refused) {
      expect(res.status).toBe(401);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toMatchObject({ code: 'unauthenticated' });
    }
  });

  it('shows a delegate with a valid token their group', async () => {
    const res = await api('/api/me', token(SARA));
    expect(res.status).toBe(200);
    const me = (await res.json()) as { groups: { id: string; role: string }[] };
    expect(me.groups).toEqual([expect.objectContaining({ id: demoGroupId, role: 'delegate' })]);
    expect((await api(`/api/groups/${demoGroupId}/overview`, token(SARA))).status).toBe(200);
  });

  it('accepts the v1 form of the token (sts.windows.net issuer, the app id URI as audience)', async () => {
    const v1 = token(SARA, { iss: `https://sts.windows.net/${tenantId}/`, aud: APP_ID_URI, ver: '1.0' });
    expect((await api('/api/me', v1)).status).toBe(200);
  });

  it("refuses a delegate a strategist's work with 403 and a reason", async () => {
    const next = (await meetings()).find((m) => new Date(m.startsAt) > clock.now())!;
    for (const res of [
      await post(`/api/meetings/${next.id}/kallelse`, token(SARA)),
      await post(`/api/meetings/${next.id}/call-for-proposals`, token(SARA)),
      await api(`/api/meetings/${next.id}/attendance`, token(SARA)),
      await api(`/api/groups/${demoGroupId}/not-reached`, token(SARA)),
    ]) {
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ code: 'forbidden', message: expect.stringMatching(/\S/) });
    }
  });

  it("refuses a member of another group this group's overview and meetings with 403", async () => {
    const lena = token(LENA, {}, 'lena.strom@trollhattan.example');
    expect((await api(`/api/groups/${otherGroupId}/overview`, lena)).status).toBe(200);
    const next = (await meetings()).find((m) => new Date(m.startsAt) > clock.now())!;
    for (const res of [
      await api(`/api/groups/${demoGroupId}/overview`, lena),
      await api(`/api/groups/${demoGroupId}/proposals`, lena),
      await api(`/api/meetings/${next.id}/attendance`, lena),
      await post(`/api/meetings/${next.id}/kallelse`, lena),
    ]) {
      expect(res.status).toBe(403);
    }
  });

  it('lets a strategist with a valid token do a strategist’s work', async () => {
    const anna = token(ANNA);
    const plan = await meetings();
    const next = plan.find((m) => new Date(m.startsAt) > clock.now())!;
    const attendance = await api(`/api/meetings/${next.id}/attendance`, anna);
    expect(attendance.status).toBe(200);
    expect((await api(`/api/groups/${demoGroupId}/not-reached`, anna)).status).toBe(200);
    // Past the role check: February's meeting has been, so the kallelse is refused for that, not for who asks.
    const past = plan.find((m) => new Date(m.startsAt) < clock.now())!;
    const late = await post(`/api/meetings/${past.id}/kallelse`, anna);
    expect(late.status).toBe(409);
  });

  it('answers 403 not_a_member (Swedish first) to a valid token of someone not in Arbetsrum', async () => {
    const res = await api('/api/me', token('cccccccc-0000-4000-8000-000000000009', {}, 'ny.person@trollhattan.example'));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ code: 'not_a_member', message: expect.stringMatching(/^Du finns inte i Arbetsrum/) });
  });

  it('recognises someone known by mail only, and remembers their object id', async () => {
    const res = await api('/api/me', token(KARIN_NEW_OID, {}, 'Karin.Berg@trollhattan.example'));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { groups: unknown[] }).groups).toHaveLength(1);
    // Once remembered, the object id alone is enough (no mail in the token).
    expect((await api('/api/me', token(KARIN_NEW_OID, { preferred_username: undefined }))).status).toBe(200);
  });

  it('changed nothing for the refused requests (checked in the database after stopping the service)', async () => {
    await service!.close();
    service = undefined;
    const db = await target.open();
    try {
      const statuses = await db.query<{ status: string; n: string }>(
        'SELECT status, count(*) AS n FROM meeting WHERE tenant_id = $1 AND group_id = $2 GROUP BY status',
        [tenantId, demoGroupId],
      );
      expect(statuses.map((r) => [r.status, Number(r.n)])).toEqual([['planned', 8]]);
      expect(auditAfterSeeding).toContain('group.seeded');
      expect(await auditActions(db, tenantId)).toEqual(auditAfterSeeding);
      expect(await db.query('SELECT 1 FROM delivery WHERE tenant_id = $1', [tenantId])).toEqual([]);
      const karin = await db.query<{ aad_object_id: string | null }>(
        'SELECT aad_object_id FROM person WHERE tenant_id = $1 AND email = $2',
        [tenantId, 'karin.berg@trollhattan.example'],
      );
      expect(karin).toEqual([{ aad_object_id: KARIN_NEW_OID }]);
    } finally {
      await db.close();
    }
  });
});

async function auditActions(db: SqlDatabase, tenantId: string): Promise<string[]> {
  const rows = await db.query<{ action: string }>('SELECT action FROM audit_event WHERE tenant_id = $1 ORDER BY id', [tenantId]);
  return rows.map((r) => r.action);
}
