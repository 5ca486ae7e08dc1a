/**
 * Exactly once, as people see it: the service publishes minutes, Graph (the stand-in) has
 * written the mail but not yet answered, and the process is killed with SIGKILL. Restarted on the
 * same data folder, with Graph now throttling every third request, it finishes the job: one
 * document, one mail with every recipient once, one announcement.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { migrate } from '../../bot/src/adapters/storage/migrate';
import { openPgliteDatabase } from '../../bot/src/adapters/storage/pglite-database';
import { readGroupSeed } from '../../bot/src/adapters/storage/seed-file';
import { createSqlStorage } from '../../bot/src/adapters/storage/sql-storage';
import { seedDemoGroup } from '../../bot/src/app/seed-demo-group';
import { DEMO_SEED_FILE } from '../support/demo-group';
import { stockholmDay } from '../../bot/src/domain/publication';
import { startServiceProcess, stopped, waitFor } from '../support/service-process';
import { newDataDir } from '../support/data-dir';

/** The service on `dataDir`, the outbox looking often and a killed run's hold short. */
const startService = (dataDir: string, extraEnv: Record<string, string>) =>
  startServiceProcess({
    DATA_DIR: dataDir,
    OUTBOX_INTERVAL_MS: '200',
    // The killed run's hold runs out quickly, so the restart takes the work up within the test.
    OUTBOX_LEASE_MS: '2000',
    ...extraEnv,
  });

describe('publishing survives kill -9 and a throttling Graph', () => {
  let dataDir: string;
  const running: ChildProcess[] = [];

  beforeAll(async () => {
    dataDir = await newDataDir('arbetsrum-kill-');
    // The demo group with last year's meetings too, so a held meeting exists whatever the date.
    const db = await openPgliteDatabase(path.join(dataDir, 'pglite'));
    try {
      await migrate(db);
      const year = new Date().getFullYear();
      const seed = await readGroupSeed(DEMO_SEED_FILE);
      await seedDemoGroup({ unitOfWork: createSqlStorage(db).unitOfWork, clock: { now: () => new Date() }, ids: randomUUID }, seed, [
        year - 1,
        year,
        year + 1,
      ]);
    } finally {
      await db.close();
    }
  });
  afterAll(async () => {
    for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(running.map(stopped));
    await rm(dataDir, { recursive: true, force: true });
  });

  it('sends one mail to each recipient and stores one document after a restart', async () => {
    // Graph writes each mail and upload, then waits 8 s before answering: time to kill in between.
    const first = await startService(dataDir, { GRAPH_STAND_IN_AFTER_WRITE_DELAY_MS: '8000' });
    running.push(first.child);
    const api = (route: string, init: RequestInit = {}) => fetch(`${first.url}${route}`, init);
    const { people } = (await (await api('/api/dev/people')).json()) as { people: { id: string; name: string }[] };
    const tokenOf = async (name: string) => {
      const res = await api('/api/dev/sign-in', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ personId: people.find((p) => p.name === name)!.id }),
      });
      return ((await res.json()) as { token: string }).token;
    };
    const call = async (name: string, method: string, route: string, body?: unknown) =>
      api(route, {
        method,
        headers: { Authorization: `Bearer ${await tokenOf(name)}`, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const me = (await (await call('Sara Nilsson', 'GET', '/api/me')).json()) as { groups: { id: string }[] };
    const { meetings } = (await (await call('Sara Nilsson', 'GET', `/api/groups/${me.groups[0]!.id}/minutes`)).json()) as {
      meetings: { id: string; startsAt: string; title: string; chair: { name: string } }[];
    };
    // The latest meeting that has taken place.
    const meeting = meetings.filter((m) => new Date(m.startsAt).getTime() < Date.now()).at(-1)!;
    const chair = meeting.chair.name;
    const other = chair === 'Anna Lindqvist' ? 'Erik Johansson' : 'Anna Lindqvist';
    const route = `/api/meetings/${meeting.id}/minutes`;
    const start = ((await (await call(chair, 'GET', route)).json()) as { minutes: { items: { agendaItemId: string }[] } }).minutes;
    const saved = await call(chair, 'PUT', route, {
      revision: 0,
      items: [{ agendaItemId: start.items[0]!.agendaItemId, notes: 'Välkomna.', decision: 'Dagordningen fastställdes.' }],
      attendance: [],
      actions: [
        {
          id: randomUUID(),
          agendaItemId: start.items[0]!.agendaItemId,
          title: 'Skicka ut bilderna',
          ownerPersonId: null,
          dueDate: null,
          status: 'open',
        },
      ],
    });
    expect(saved.status).toBe(200);
    expect((await call(chair, 'POST', `${route}/approve`, { revision: 1 })).status).toBe(200);
    expect((await call(other, 'POST', `${route}/approve`, { revision: 1 })).status).toBe(200);
    expect((await call(chair, 'POST', `${route}/publish`, { revision: 1 })).status).toBe(200);

    // The mail exists at Graph, the answer has not come: kill.
    const outbox = path.join(dataDir, 'outbox');
    const emls = async () => (await readdir(outbox).catch(() => [] as string[])).filter((f) => f.endsWith('.eml'));
    // Both files: the stand-in writes the .eml a moment before its Sent Items record, and a kill in
    // between is the other case (the publisher then waits out Sent Items' lag, five minutes).
    const sentRecords = async () =>
      (await readdir(path.join(dataDir, 'sent-items')).catch(() => [] as string[])).filter((f) => f.endsWith('.json'));
    await waitFor(async () => (await emls()).length > 0 && (await sentRecords()).length > 0, 60_000, first.output);
    first.child.kill('SIGKILL');
    await stopped(first.child);

    // Restart on the same folder; Graph now answers every third request with 429.
    const second = await startService(dataDir, { GRAPH_STAND_IN_FAULTS: '429:3:1' });
    running.push(second.child);
    await waitFor(async () => /minutes publication completed/.test(second.output()), 60_000, second.output);
    second.child.kill('SIGTERM');
    await stopped(second.child);

    expect(await emls()).toHaveLength(1);
    const sentItems = path.join(dataDir, 'sent-items');
    const records = (await readdir(sentItems)).filter((f) => f.endsWith('.json'));
    expect(records).toHaveLength(1);
    const sidecar = JSON.parse(await readFile(path.join(sentItems, records[0]!), 'utf8')) as {
      bccRecipients: { emailAddress: { address: string } }[];
    };
    const addresses = sidecar.bccRecipients.map((r) => r.emailAddress.address.toLowerCase());
    expect(new Set(addresses).size).toBe(addresses.length);
    expect(addresses.length).toBeGreaterThan(5);

    const library = path.join(dataDir, 'sharepoint');
    const groups = await readdir(library);
    expect(groups).toHaveLength(1);
    const day = stockholmDay(new Date(meeting.startsAt));
    const folder = path.join(library, groups[0]!, 'Minnesanteckningar', day.slice(0, 4));
    expect((await readdir(folder)).filter((f) => f.endsWith('.docx'))).toEqual([`${day} ${meeting.title}.docx`]);

    // The record: one publication, completed; one announcement in the audit trail.
    const db = await openPgliteDatabase(path.join(dataDir, 'pglite'));
    try {
      await migrate(db);
      const rows = await db.query<{ completed_at: Date | null; attempts: number }>('SELECT completed_at, attempts FROM publication');
      expect(rows).toHaveLength(1);
      expect(rows[0]!.completed_at).not.toBeNull();
      const announced = await db.query<{ n: number }>("SELECT count(*) AS n FROM audit_event WHERE action = 'minutes.announced'");
      expect(Number(announced[0]!.n)).toBe(1);
      const batches = await db.query<{ state: string }>('SELECT state FROM publication_mail');
      expect(batches.map((b) => b.state)).toEqual(['sent']);
    } finally {
      await db.close();
    }
  }, 180_000);
});
