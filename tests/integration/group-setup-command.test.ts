/**
 * `npm run group-setup -- <file>`: how a municipality puts its real group in — the strategists
 * named — in production mode, on PostgreSQL (docs/deploy.md). Run as the operator runs it: the
 * service's own entry point in a process of its own. Runs where TEST_DATABASE_URL is set.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { adminQuery, withSearchPath } from '../support/database';

const url = process.env.TEST_DATABASE_URL;
const describeWithPostgres = url ? describe : describe.skip;
const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const TENANT = '33333333-3333-4333-8333-333333333333';

const group = {
  tenant: { id: TENANT, name: 'Vänersborgs kommun' },
  group: {
    name: 'Klimatgruppen',
    description: 'Samordnar kommunens klimatarbete.',
    teamId: '19:klimatgruppen@thread.tacv2',
    settings: {
      proposalDeadlineDays: 7,
      callForProposalsDays: 21,
      meetingMinutes: 90,
      committeeName: 'Kommunstyrelsen',
      standingItems: [],
    },
  },
  organisations: [{ key: 'ks', name: 'Kommunstyrelseförvaltningen', kind: 'forvaltning' }],
  people: [
    { name: 'Maja Strateg', email: 'maja@vanersborg.example', aadObjectId: null, organisation: 'ks', role: 'strategist' },
    { name: 'Olle Strateg', email: 'olle@vanersborg.example', aadObjectId: null, organisation: 'ks', role: 'strategist' },
  ],
  goals: [{ framework: 'sdg', number: 13, name: 'Bekämpa klimatförändringarna' }],
  meetings: {
    pattern: { count: 4, weekday: 2, occurrence: 1, startTime: '09:00', months: [2, 4, 9, 11] },
    place: 'Kommunhuset',
    onlineUrl: null,
    titlePrefix: 'Klimatgruppen',
  },
};

describeWithPostgres('group-setup in production mode', () => {
  const schema = `test_setup_${randomBytes(5).toString('hex')}`;
  let dir = '';
  const env = () => ({
    ...process.env,
    MicrosoftAppId: '11111111-1111-4111-8111-111111111111',
    MicrosoftAppType: 'UserAssignedMSI',
    MicrosoftAppTenantId: TENANT,
    DATABASE_URL: withSearchPath(url!, schema),
    JOBS_SCHEMA: schema,
    GRAPH_AUTH: 'managed-identity',
    LOG_LEVEL: 'info',
  });
  const setUp = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'bot/src/main.ts', 'group-setup', ...args], { cwd: root, env: env() }).then(
      ({ stdout, stderr }) => ({ code: 0, out: stdout + stderr }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({
        code: error.code ?? 1,
        out: `${error.stdout ?? ''}${error.stderr ?? ''}`,
      }),
    );
  const rows = async (sql: string) => {
    const client = new Client({ connectionString: withSearchPath(url!, schema) });
    await client.connect();
    try {
      return (await client.query(sql)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    await adminQuery(url!, `CREATE SCHEMA ${schema}`);
    dir = await mkdtemp(path.join(tmpdir(), 'arbetsrum-group-setup-'));
  });
  afterAll(async () => {
    await adminQuery(url!, `DROP SCHEMA ${schema} CASCADE`);
    await rm(dir, { recursive: true, force: true });
  });

  it('puts the group in with its strategists, and changes nothing the second time', async () => {
    const file = path.join(dir, 'klimatgruppen.json');
    await writeFile(file, JSON.stringify(group));
    const first = await setUp(file);
    expect(first).toMatchObject({ code: 0, out: expect.stringContaining('group set up') });
    // The dates for the operator, Stockholm time (on its own line; the log line may come before or after).
    expect(first.out).toMatch(/^planned: \d{4}-\d\d-\d\d 09:00/m);
    const strategists = await rows(
      `SELECT p.name, p.email FROM membership m JOIN person p ON p.tenant_id = m.tenant_id AND p.id = m.person_id
       WHERE m.tenant_id = '${TENANT}' AND m.role = 'strategist' ORDER BY p.name`,
    );
    expect(strategists).toEqual([
      { name: 'Maja Strateg', email: 'maja@vanersborg.example' },
      { name: 'Olle Strateg', email: 'olle@vanersborg.example' },
    ]);
    expect(await rows(`SELECT name, team_id FROM work_group WHERE tenant_id = '${TENANT}'`)).toEqual([
      { name: 'Klimatgruppen', team_id: '19:klimatgruppen@thread.tacv2' },
    ]);
    const meetings = await rows(`SELECT count(*)::int AS n FROM meeting WHERE tenant_id = '${TENANT}'`);
    // Four a year, this year's from today on and all of next year's: none that has already happened.
    expect(meetings[0]?.n).toBeGreaterThanOrEqual(4);
    expect(meetings[0]?.n).toBeLessThanOrEqual(8);
    expect(await rows(`SELECT count(*)::int AS n FROM meeting WHERE tenant_id = '${TENANT}' AND starts_at < now()`)).toEqual([{ n: 0 }]);

    const second = await setUp(file);
    expect(second).toMatchObject({ code: 0, out: expect.stringContaining('nothing changed') });
    expect(await rows(`SELECT count(*)::int AS n FROM meeting WHERE tenant_id = '${TENANT}'`)).toEqual(meetings);

    // Renamed in the file, the group is still the team's: found, and the new name reported, not applied.
    await writeFile(file, JSON.stringify({ ...group, group: { ...group.group, name: 'Klimatrådet' } }));
    expect(await setUp(file)).toMatchObject({ code: 0, out: expect.stringContaining('not changed: the group name stays "Klimatgruppen"') });

    // The file is how members come in: a delegate added to it joins the group on the next run.
    const delegate = { name: 'Dana Delegat', email: 'dana@vanersborg.example', aadObjectId: null, organisation: 'ks', role: 'delegate' };
    await writeFile(file, JSON.stringify({ ...group, people: [...group.people, delegate] }));
    const third = await setUp(file);
    expect(third).toMatchObject({ code: 0, out: expect.stringContaining('added: Dana Delegat') });
    expect(third.out).toContain('"added":1');
    expect(third.out).not.toMatch(/"msg":"[^"]*Dana/); // the log keeps counts, not names
    expect(
      await rows(
        `SELECT m.role FROM membership m JOIN person p ON p.tenant_id = m.tenant_id AND p.id = m.person_id WHERE p.email = 'dana@vanersborg.example'`,
      ),
    ).toEqual([{ role: 'delegate' }]);
    expect(await rows(`SELECT count(*)::int AS n FROM meeting WHERE tenant_id = '${TENANT}'`)).toEqual(meetings);
  }, 90_000);

  it('says what is wrong with a file, and writes nothing', async () => {
    const file = path.join(dir, 'broken.json');
    await writeFile(
      file,
      JSON.stringify({ ...group, tenant: { id: 'other-tenant', name: 'X' }, people: [{ name: 'Utan mejl', role: 'strategist' }] }),
    );
    const broken = await setUp(file);
    expect(broken.code).toBe(2);
    expect(broken.out).toMatch(/group-setup: Invalid group file: people\.0\.email/);
    expect(broken.out).not.toMatch(/\n\s+at /); // no stack trace for the operator
    expect(await rows(`SELECT count(*)::int AS n FROM tenant WHERE id = 'other-tenant'`)).toEqual([{ n: 0 }]);
    const missing = await setUp();
    expect(missing).toMatchObject({ code: 2, out: expect.stringContaining('group-setup needs a file') });

    // Two easy mistakes that would leave a group nobody finds: another tenant, a team id left URL-encoded.
    await writeFile(file, JSON.stringify({ ...group, tenant: { id: '44444444-4444-4444-8444-444444444444', name: 'Fel' } }));
    expect(await setUp(file)).toMatchObject({ code: 2, out: expect.stringContaining("is not this service's tenant") });
    await writeFile(file, JSON.stringify({ ...group, group: { ...group.group, teamId: '19%3aklimatgruppen%40thread.tacv2' } }));
    expect(await setUp(file)).toMatchObject({ code: 2, out: expect.stringMatching(/group\.teamId: a team id as Teams gives it/) });
    expect(
      await rows(
        `SELECT count(*)::int AS n FROM work_group WHERE tenant_id = '44444444-4444-4444-8444-444444444444' OR team_id LIKE '19%%3a%'`,
      ),
    ).toEqual([{ n: 0 }]);
  }, 60_000);
});
