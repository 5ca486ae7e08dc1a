/**
 * Issue 6's two-instance test: two service processes on one PostgreSQL, behind no balancer. The
 * call for proposals comes due as a pg-boss job (one of them takes it) while a strategist, on
 * the other instance, presses *Skicka inbjudan* for the same meeting: two fan-outs to the same
 * 200 delegates at the same time. Each delegate gets the call once, through a Bot Connector
 * stand-in that holds the bot to Teams' limits. Needs TEST_DATABASE_URL (CI sets it).
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { PgBossScheduler } from '../../bot/src/adapters/jobs/pg-boss-scheduler';
import { migrate } from '../../bot/src/adapters/storage/migrate';
import { openPostgresDatabase } from '../../bot/src/adapters/storage/postgres-database';
import { readGroupSeed } from '../../bot/src/adapters/storage/seed-file';
import { createSqlStorage } from '../../bot/src/adapters/storage/sql-storage';
import { seedDemoGroup } from '../../bot/src/app/seed-demo-group';
import { addCrowd, recordCallForProposalsRun } from '../support/crowd';
import { adminQuery, withSearchPath } from '../support/database';
import { DEMO_SEED_FILE } from '../support/demo-group';
import { startServiceProcess, stopped, waitFor } from '../support/service-process';
import { silentLogger } from '../support/silent-logger';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/teams-connector-stand-in';

const url = process.env.TEST_DATABASE_URL;
const CROWD = 200;

const admin = (sql: string): Promise<void> => adminQuery(url!, sql);

(url ? describe : describe.skip)('timed work on two instances sharing one PostgreSQL', () => {
  // Made only of [a-z0-9_]: safe in DDL.
  const suffix = randomBytes(5).toString('hex');
  const schema = `test_${suffix}`;
  const jobsSchema = `jobs_${suffix}`;
  const databaseUrl = withSearchPath(url ?? 'postgres://unused', schema);
  let connector: ConnectorStandIn;
  let crowd: string[] = [];
  let tenantId = '';
  let groupId = '';
  let meetingId = '';
  const running: ChildProcess[] = [];

  beforeAll(async () => {
    connector = await startConnectorStandIn();
    await admin(`CREATE SCHEMA ${schema}`);
    const db = openPostgresDatabase(databaseUrl);
    try {
      await migrate(db);
      const storage = createSqlStorage(db);
      const now = new Date();
      const seed = await readGroupSeed(DEMO_SEED_FILE);
      tenantId = seed.tenant.id;
      ({ groupId } = await seedDemoGroup({ unitOfWork: storage.unitOfWork, clock: { now: () => now }, ids: randomUUID }, seed, [
        now.getFullYear(),
        now.getFullYear() + 1,
      ]));
      const repos = storage.repositories;
      meetingId = (await repos.meetings.listByGroup(tenantId, groupId)).find(
        (m) => m.startsAt.getTime() > now.getTime() + 10 * 86_400_000,
      )!.id;
      // One transaction: 1 500 rows, one commit.
      crowd = await storage.unitOfWork.transaction((tx) => addCrowd(tx, { tenantId, groupId, serviceUrl: connector.url, n: CROWD, now }));
      await db.query('UPDATE timed_plan SET planned_at = wanted_at');
      await db.query('UPDATE meeting_calendar SET synced_at = wanted_at');
    } finally {
      await db.close();
    }
  }, 120_000);

  afterAll(async () => {
    for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(running.map(stopped));
    await connector?.close();
    await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin(`DROP SCHEMA IF EXISTS ${jobsSchema} CASCADE`);
  });

  it('sends the call once to each delegate when a job and a strategist send it at once', async () => {
    const env = {
      ARBETSRUM_MODE: 'local',
      DATABASE_URL: databaseUrl,
      JOBS_SCHEMA: jobsSchema,
      JOBS_POLL_SECONDS: '0.5',
      JOBS_RETRY_DELAY_SECONDS: '1',
      DELIVERY_LEASE_MS: '5000',
    };
    // Both at once, as a scale-out would start them.
    const [a, b] = await Promise.all([startServiceProcess(env), startServiceProcess(env)]);
    running.push(a.child, b.child);

    // The job, as the planner would have scheduled it, due now: one of the two takes it.
    const db = openPostgresDatabase(databaseUrl);
    try {
      const key = await recordCallForProposalsRun(createSqlStorage(db).repositories, { tenantId, groupId, meetingId, runAt: new Date() });
      // A job keeps the retry delay of the queue it was sent to: the instances' one (JOBS_RETRY_DELAY_SECONDS),
      // not the default 30 s the run waited out when the strategist's fan-out still held some deliveries.
      const scheduler = new PgBossScheduler({ kind: 'postgres', connectionString: url! }, silentLogger, {
        schema: jobsSchema,
        retryDelaySeconds: Number(env.JOBS_RETRY_DELAY_SECONDS),
      });
      await scheduler.start();
      await scheduler.schedule({ key, runAt: new Date(), payload: { tenantId, key } });
      await scheduler.stop();

      // Meanwhile a strategist sends the same call from the tab, through the other instance.
      await waitFor(
        async () => connector.accepted.length > 20,
        60_000,
        () => a.output() + b.output(),
      );
      const { people } = (await (await fetch(`${b.url}/api/dev/people`)).json()) as { people: { id: string; name: string }[] };
      const signIn = await fetch(`${b.url}/api/dev/sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ personId: people.find((p) => p.name === 'Anna Lindqvist')!.id }),
      });
      const { token } = (await signIn.json()) as { token: string };
      const pressed = await fetch(`${b.url}/api/meetings/${meetingId}/call-for-proposals`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(pressed.status).toBe(200);

      // Done in the database, and said in the log: the line comes a moment after the commit.
      await waitFor(
        async () =>
          (await db.query<{ state: string }>('SELECT state FROM timed_run WHERE key = $1', [key]))[0]?.state === 'done' &&
          [a, b].some((instance) => /timed work done/.test(instance.output())),
        120_000,
        () => a.output() + b.output(),
      );
      const ran = [a, b].filter((instance) => /timed work done/.test(instance.output()));
      expect(ran).toHaveLength(1); // pg-boss gave the job to one instance
    } finally {
      await db.close();
    }

    const counts = connector.countsByConversation();
    expect(crowd.filter((c) => counts.get(c) !== 1)).toEqual([]);
  }, 300_000);
});
