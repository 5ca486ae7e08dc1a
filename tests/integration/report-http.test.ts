/**
 * Reports over real HTTP, on a seeded year (tests/support/report-year.ts) stored through the real
 * repositories: the figures for 2026 equal the figures counted by hand from the fixture's comments
 * (written here as literals, never recomputed); the Word document lands under `Rapporter/2026/` in
 * the Graph stand-in and goes out by mail; delegates, callers without a session and bad periods are
 * refused in the API's `{ code, message }` shape.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { ReportDocxRenderer } from '../../bot/src/adapters/graph/documents/report-docx';
import { GraphDocumentStore } from '../../bot/src/adapters/graph/graph-document-store';
import { GraphReportMailer } from '../../bot/src/adapters/graph/graph-report-mailer';
import { startGraphStandIn, type GraphStandIn } from '../../bot/src/adapters/graph/graph-stand-in';
import { devTokenAuthenticator } from '../../bot/src/adapters/http/authenticator';
import { DevTokens } from '../../bot/src/adapters/http/dev-token';
import { close, createHttpServer, listen } from '../../bot/src/adapters/http/server';
import type { ReportDocumentResult } from '../../bot/src/app/create-report-document';
import type { ReportView } from '../../bot/src/app/report-view';
import { createUseCases } from '../../bot/src/app/use-cases';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../support/database';
import { fakePorts } from '../support/fake-messenger';
import { fixedClock, sequentialIds } from '../support/group-seed-mother';
import { G, M365, seedReportYear, T, YEAR_NOW } from '../support/report-year';
import { silentLogger } from '../support/silent-logger';

describe('reports over HTTP on a seeded year', () => {
  const clock = fixedClock(YEAR_NOW);
  const tokens = new DevTokens(() => clock.now());
  let migrated: MigratedStorage;
  let standIn: GraphStandIn;
  let dataDir = '';
  let server: ReturnType<typeof createHttpServer>;
  let url = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'arbetsrum-report-'));
    standIn = await startGraphStandIn({ port: 0, dataDir });
    migrated = await openMigratedStorage(databaseTargets()[0]!);
    await seedReportYear(migrated.storage.repositories);
    const graph = { baseUrl: standIn.url, accessToken: async () => 'test-token' };
    const useCases = createUseCases({
      repositories: migrated.storage.repositories,
      unitOfWork: migrated.storage.unitOfWork,
      clock,
      ids: sequentialIds('uc'),
      ...fakePorts(clock),
      publishing: {
        documents: new GraphDocumentStore(graph, silentLogger),
        renderer: { minutes: async () => new Uint8Array(), kallelse: async () => new Uint8Array() },
        minutesMailer: { sendMinutes: async () => undefined, wasSent: async () => false },
        calendar: { put: async () => 'event', cancel: async () => undefined },
      },
      reports: { renderer: new ReportDocxRenderer('sv'), mailer: new GraphReportMailer(graph, 'arbetsrum@example.se', 'sv') },
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
    await standIn?.close();
    await migrated?.db.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const auth = (personId: string) => ({ authorization: `Bearer ${tokens.issue({ tenantId: T, personId })}` });
  const get = (personId: string, query: string) => fetch(`${url}/api/groups/${G}/report?${query}`, { headers: auth(personId) });
  const post = (personId: string, body: unknown) =>
    fetch(`${url}/api/groups/${G}/reports`, {
      method: 'POST',
      headers: { ...auth(personId), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('counts 2026 as counted by hand', async () => {
    const res = await get('anna', 'from=2026-01-01&to=2026-12-31&audience=sdl');
    expect(res.status).toBe(200);
    const view = (await res.json()) as ReportView;
    const f = view.figures;
    expect(view.audience).toBe('sdl');
    expect(view.committeeName).toBe('Miljöutskottet');
    expect(view.organisations.map((o) => o.id)).toEqual(['ks', 'kof', 'omf', 'sbf', 'utb', 'tea']);

    expect(f.meetings.held.map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm6', 'm7', 'm8', 'm9']);
    expect(f.meetings.cancelled).toBe(1);
    expect(f.meetings.upcoming).toBe(1);

    // Columns m1 m2 m3 m4 m6 m7 m8 m9.
    const D = 'delegate';
    const S = 'substitute';
    const A = 'absent';
    const U = 'unknown';
    expect(f.attendance).toEqual([
      { organisationId: 'ks', cells: [D, D, D, D, D, D, D, U], represented: 7, bySubstitute: 0, known: 7 },
      { organisationId: 'kof', cells: [D, S, D, D, A, D, A, U], represented: 5, bySubstitute: 1, known: 7 },
      { organisationId: 'omf', cells: [D, D, A, D, D, A, D, U], represented: 5, bySubstitute: 0, known: 7 },
      { organisationId: 'sbf', cells: [D, A, S, D, D, A, A, U], represented: 4, bySubstitute: 1, known: 7 },
      { organisationId: 'utb', cells: [D, S, D, D, A, A, D, U], represented: 5, bySubstitute: 1, known: 7 },
      { organisationId: 'tea', cells: [A, D, A, D, A, D, A, U], represented: 3, bySubstitute: 0, known: 7 },
    ]);

    expect(f.proposals).toBe(9);
    expect(f.decisions).toBe(5);
    expect(f.byOrganisation).toEqual([
      { organisationId: 'ks', proposals: 1, decisions: 0 },
      { organisationId: 'kof', proposals: 2, decisions: 2 },
      { organisationId: 'omf', proposals: 1, decisions: 1 },
      { organisationId: 'sbf', proposals: 2, decisions: 1 },
      { organisationId: 'utb', proposals: 1, decisions: 0 },
      { organisationId: 'tea', proposals: 1, decisions: 0 },
      { organisationId: null, proposals: 1, decisions: 1 },
    ]);
    expect(f.byGoal).toHaveLength(3);
    expect(f.byGoal).toEqual(
      expect.arrayContaining([
        { goalId: 'g-sdg13', proposals: 3, decisions: 2 },
        { goalId: 'g-mm1', proposals: 3, decisions: 2 },
        { goalId: 'g-local1', proposals: 2, decisions: 0 },
      ]),
    );
    expect(view.goals.map((g) => g.id).sort()).toEqual(['g-local1', 'g-mm1', 'g-sdg13']);

    expect(f.actions).toEqual({
      asOf: '2026-12-15',
      opened: 7,
      closed: 3,
      overdue: 3,
      byOrganisation: [
        { organisationId: 'ks', opened: 1, closed: 0, overdue: 0 },
        { organisationId: 'kof', opened: 1, closed: 1, overdue: 1 },
        { organisationId: 'omf', opened: 1, closed: 1, overdue: 0 },
        { organisationId: 'sbf', opened: 1, closed: 1, overdue: 1 },
        { organisationId: 'utb', opened: 1, closed: 0, overdue: 1 },
        { organisationId: 'tea', opened: 1, closed: 0, overdue: 0 },
        { organisationId: null, opened: 1, closed: 0, overdue: 0 },
      ],
    });

    expect(f.competence.activities.map((a) => a.id)).toEqual(['c1', 'c4']);
    expect(f.competence.byOrganisation).toEqual([
      { organisationId: 'ks', activities: 1 },
      { organisationId: 'kof', activities: 1 },
      { organisationId: 'omf', activities: 0 },
      { organisationId: 'sbf', activities: 1 },
      { organisationId: 'utb', activities: 1 },
      { organisationId: 'tea', activities: 0 },
    ]);

    expect(f.reReporting).toEqual({
      meetings: 6,
      confirmations: 10,
      byOrganisation: [
        { organisationId: 'ks', meetingsReported: 0 },
        { organisationId: 'kof', meetingsReported: 3 },
        { organisationId: 'omf', meetingsReported: 2 },
        { organisationId: 'sbf', meetingsReported: 1 },
        { organisationId: 'utb', meetingsReported: 3 },
        { organisationId: 'tea', meetingsReported: 1 },
      ],
    });
  });

  it('counts a shorter period on its own: the first quarter', async () => {
    const view = (await (await get('anna', 'from=2026-01-01&to=2026-03-31')).json()) as ReportView;
    expect(view.audience).toBe('utskott');
    expect(view.figures.meetings.held.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    // p1 p2 p3 p4; decisions a1 a2 (m1) and a5 (m3); actions opened x3 x4 x5 x6 x7, closed x2 x3, overdue on 31 March x1.
    expect([view.figures.proposals, view.figures.decisions]).toEqual([4, 3]);
    expect(view.figures.actions).toMatchObject({ asOf: '2026-03-31', opened: 5, closed: 2, overdue: 1 });
  });

  it('stores the document under Rapporter/2026/ and mails it to the group', async () => {
    const res = await post('anna', {
      from: '2026-01-01',
      to: '2026-12-31',
      audience: 'utskott',
      mail: { group: true, addresses: ['sekreterare@example.se'] },
    });
    expect(res.status).toBe(201);
    const result = (await res.json()) as ReportDocumentResult;
    expect(result).toMatchObject({
      path: 'Rapporter/2026/2026-01-01–2026-12-31 Rapport till Miljöutskottet.docx',
      fileName: '2026-01-01–2026-12-31 Rapport till Miljöutskottet.docx',
      mail: 'sent',
      recipients: 10,
    });
    const folder = path.join(dataDir, 'sharepoint', M365, 'Rapporter', '2026');
    expect(await readdir(folder)).toEqual([result.fileName]);
    const parts = unzipSync(new Uint8Array(await readFile(path.join(folder, result.fileName))));
    expect(Object.keys(parts).filter((p) => p.startsWith('word/media/')).length).toBeGreaterThanOrEqual(8);
    const sent = (await readdir(path.join(dataDir, 'sent-items'))).filter((f) => f.endsWith('.json'));
    expect(sent).toHaveLength(1);
    const mail = JSON.parse(await readFile(path.join(dataDir, 'sent-items', sent[0]!), 'utf8')) as {
      subject: string;
      bccRecipients: unknown[];
    };
    expect(mail.subject).toBe('Rapport till Miljöutskottet, 2026-01-01 – 2026-12-31');
    expect(mail.bccRecipients).toHaveLength(10);
  });

  it('refuses delegates, callers without a session and bad periods', async () => {
    expect((await get('dk', 'from=2026-01-01&to=2026-12-31')).status).toBe(403);
    expect((await post('dk', { from: '2026-01-01', to: '2026-12-31', audience: 'sdl' })).status).toBe(403);
    expect((await fetch(`${url}/api/groups/${G}/report?from=2026-01-01&to=2026-12-31`)).status).toBe(401);
    const backwards = await get('anna', 'from=2026-12-31&to=2026-01-01');
    // The shape is checked at the door (400); the period's rules by the use case (422).
    expect(backwards.status).toBe(422);
    expect(await backwards.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    expect((await get('anna', 'from=2020-01-01&to=2026-12-31')).status).toBe(422);
    expect((await get('anna', 'from=2026-02-30&to=2026-12-31')).status).toBe(422);
    expect((await get('anna', 'from=2026-1-1&to=2026-12-31')).status).toBe(400);
    expect((await get('anna', 'from=2026-01-01&to=2026-12-31&audience=kf')).status).toBe(400);
    expect(
      (await post('anna', { from: '2026-01-01', to: '2026-12-31', audience: 'sdl', mail: { group: false, addresses: ['not-an-address'] } }))
        .status,
    ).toBe(400);
  });
});
