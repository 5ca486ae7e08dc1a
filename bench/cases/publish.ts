/**
 * Issue 9, case 3 — publishing minutes through Graph (the local stand-in), with the real Graph
 * adapters and the publishing job on PGlite.
 *
 * Arbetsrum: minutes with 20 items (notes, decisions, 20 actions) published to 40 recipients,
 * then to 500: the job renders the .docx, stores it, mails it and announces it, recording each
 * step. Baseline: the same document rendered and the same two Graph calls (upload, sendMail) made
 * directly, with no outbox, no records and no database — the floor of what publishing must do.
 *
 * Measures: Graph requests per publish (target ≤ 4, for 40 and for 500 recipients) and the median
 * wall time of one publish against the baseline's.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DocxRenderer } from '../../bot/src/adapters/graph/documents/docx-renderer';
import { GraphGroupCalendar } from '../../bot/src/adapters/graph/graph-calendar';
import { GraphDocumentStore } from '../../bot/src/adapters/graph/graph-document-store';
import { GraphMinutesMailer } from '../../bot/src/adapters/graph/graph-minutes-mailer';
import { startGraphStandIn } from '../../bot/src/adapters/graph/graph-stand-in';
import { migrate } from '../../bot/src/adapters/storage/migrate';
import { openPgliteDatabase } from '../../bot/src/adapters/storage/pglite-database';
import { createSqlStorage } from '../../bot/src/adapters/storage/sql-storage';
import { buildMinutesDocument } from '../../bot/src/app/build-minutes-document';
import type { Logger } from '../../bot/src/app/ports/logger';
import { seedDemoGroup, type GroupSeed } from '../../bot/src/app/seed-demo-group';
import { createUseCases } from '../../bot/src/app/use-cases';
import { DEFAULT_GROUP_SETTINGS } from '../../bot/src/domain/group';
import { median, round } from '../report';
import type { BenchCase, BenchContext, CaseResult, Measure } from '../types';

const SENDER = 'arbetsrum@kommun.example';
const M365_GROUP = '5e0c1a7d-2b4f-4c8e-9d3a-7f1b6e2c4a90';
const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function seedWith(recipients: number): GroupSeed {
  return {
    tenant: { id: 'bench-tenant', name: 'Benchkommun' },
    group: {
      name: `Bench ${recipients}`,
      description: '',
      teamId: null,
      m365GroupId: M365_GROUP,
      settings: {
        ...DEFAULT_GROUP_SETTINGS,
        // 20 items on the agenda: the standing items are the agenda of a meeting with no proposals.
        standingItems: Array.from({ length: 20 }, (_, i) => ({ title: `Punkt ${i + 1}`, minutes: 5, placement: 'opening' as const })),
      },
    },
    organisations: [{ key: 'ks', name: 'Kommunstyrelsens förvaltning', kind: 'forvaltning' }],
    people: Array.from({ length: recipients }, (_, i) => ({
      name: `Person ${i + 1}`,
      email: `person${i + 1}@kommun.example`,
      aadObjectId: null,
      organisation: 'ks',
      role: i < 2 ? ('strategist' as const) : ('delegate' as const),
    })),
    goals: [],
    meetings: {
      pattern: { count: 2, weekday: 3, occurrence: 2, startTime: '13:00', months: [2, 5] },
      place: 'Stadshuset',
      onlineUrl: null,
      titlePrefix: 'Möte',
    },
  };
}

async function measureFor(recipients: number, runs: number, log: (m: string) => void) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'arbetsrum-bench-publish-'));
  const standIn = await startGraphStandIn({ port: 0, dataDir });
  const db = await openPgliteDatabase();
  try {
    await migrate(db);
    const storage = createSqlStorage(db);
    const clock = { now: () => new Date() };
    const year = new Date().getFullYear() - 1; // last year's meetings have all been held
    const { groupId } = await seedDemoGroup({ unitOfWork: storage.unitOfWork, clock, ids: randomUUID }, seedWith(recipients), [year]);
    const graph = { baseUrl: standIn.url, accessToken: async () => 'bench' };
    const publishing = {
      documents: new GraphDocumentStore(graph, quiet),
      renderer: new DocxRenderer('sv'),
      minutesMailer: new GraphMinutesMailer(graph, SENDER, 'sv'),
      calendar: new GraphGroupCalendar(graph, SENDER, 'sv'),
    };
    const noTeams = {
      messenger: { send: async () => ({ outcome: 'sent' as const }), update: async () => ({ outcome: 'sent' as const }) },
      roster: { members: async () => [], openPersonalChat: async () => null },
      waiter: { wait: async () => undefined, random: () => 0.5 },
    };
    const useCases = createUseCases({
      repositories: storage.repositories,
      unitOfWork: storage.unitOfWork,
      clock,
      ids: randomUUID,
      logger: quiet,
      ...noTeams,
      publishing,
    });
    const repos = storage.repositories;
    const tenantId = 'bench-tenant';
    const people = await repos.people.listByGroup(tenantId, groupId);
    const [meeting] = await repos.meetings.listByGroup(tenantId, groupId);
    if (!meeting) throw new Error('no meeting seeded');
    const chair = people.find((p) => p.id === meeting.chairPersonId) ?? people[0];
    const other = people.find((p) => p.id !== chair?.id);
    if (!chair || !other) throw new Error('the seed has too few people');
    const as = (id: string) => ({ tenantId, personId: id });

    const publishOnce = async (version: number) => {
      const view =
        version === 1
          ? await useCases.getMinutes({ ...as(chair.id), meetingId: meeting.id })
          : await useCases.startMinutesCorrection({ ...as(chair.id), meetingId: meeting.id });
      const saved = await useCases.saveMinutesDraft({
        ...as(chair.id),
        meetingId: meeting.id,
        revision: view.revision,
        draft: {
          items: view.items.map((item, i) => ({
            agendaItemId: item.agendaItemId,
            notes: `Anteckningar ${i + 1} (v${version}). `.repeat(20),
            decision: `Beslut ${i + 1}.`,
          })),
          attendance: [],
          actions: view.items.map((item, i) => ({
            id: randomUUID(),
            agendaItemId: item.agendaItemId,
            title: `Åtgärd ${i + 1}`,
            ownerPersonId: other.id,
            dueDate: `${year + 1}-06-30`,
            status: 'open' as const,
          })),
        },
      });
      if (saved.kind !== 'saved') throw new Error(`draft not saved: ${saved.kind}`);
      const revision = saved.minutes.revision;
      await useCases.approveMinutes({ ...as(chair.id), meetingId: meeting.id, revision });
      await useCases.approveMinutes({ ...as(other.id), meetingId: meeting.id, revision });
      await useCases.publishMinutes({ ...as(chair.id), meetingId: meeting.id, revision });
      const before = standIn.stats().requests;
      const started = performance.now();
      if ((await useCases.runDuePublications()) !== 1) throw new Error('the publication did not run');
      const ms = performance.now() - started;
      const publication = await repos.publications.find(tenantId, meeting.id, version);
      if (!publication?.completedAt) throw new Error(`publication not completed: ${publication?.lastError ?? 'unknown'}`);
      return { ms, requests: standIn.stats().requests - before };
    };

    const baselineOnce = async (version: number) => {
      const group = await repos.groups.find(tenantId, groupId);
      const current = await repos.meetings.find(tenantId, meeting.id);
      const view = group && current ? await buildMinutesDocument(repos, group, current, version) : null;
      if (!view) throw new Error('the published minutes could not be read');
      const recipientsList = people.map((p) => ({ personId: p.id, name: p.name, email: p.email }));
      const started = performance.now();
      const content = await publishing.renderer.minutes(view);
      const stored = await publishing.documents.put(M365_GROUP, `Baseline/${version}.docx`, content);
      await publishing.minutesMailer.sendMinutes({
        view,
        recipients: recipientsList,
        documentUrl: stored.webUrl,
        document: { name: `${version}.docx`, content },
        marker: `baseline-${version}`,
      });
      return performance.now() - started;
    };

    // Calendar syncs of the seeded meetings first, so they do not run inside a timed publish.
    while ((await useCases.runDueCalendarSyncs()) > 0);
    const own: number[] = [];
    const base: number[] = [];
    const requests: number[] = [];
    for (let version = 1; version <= runs; version += 1) {
      const run = await publishOnce(version);
      own.push(run.ms);
      requests.push(run.requests);
      base.push(await baselineOnce(version));
      log(`${recipients} recipients, run ${version}/${runs}: ${round(run.ms, 1)} ms, ${run.requests} Graph requests`);
    }
    return { own, base, requests };
  } finally {
    await db.close();
    await standIn.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export const publishCase: BenchCase = {
  name: 'publish',
  title: 'publishing minutes (20 items) through the Graph stand-in, against rendering and the two Graph calls alone',
  async run(context: BenchContext): Promise<CaseResult> {
    const runs = Math.max(5, context.runs ?? 7);
    const measures: Measure[] = [];
    const details: Record<string, unknown> = {};
    for (const recipients of [40, 500]) {
      const { own, base, requests } = await measureFor(recipients, runs, context.log);
      measures.push(
        {
          measure: `Graph requests per publish, ${recipients} recipients`,
          unit: '',
          arbetsrum: Math.max(...requests),
          target: { of: 'value', op: '<=', limit: 4 },
        },
        {
          measure: `publish wall time, ${recipients} recipients (median)`,
          unit: 'ms',
          arbetsrum: round(median(own), 1),
          baseline: round(median(base), 1),
        },
      );
      details[`recipients${recipients}`] = { ms: own.map((v) => round(v, 1)), baselineMs: base.map((v) => round(v, 1)), requests };
    }
    return {
      measures,
      details,
      notes: [
        'Requests: the upload, the metadata columns and one sendMail per 500 recipients; the cards go to Teams, not Graph.',
        'Wall time includes the database records of every step and the announcement fan-out (no Teams conversations here), which the baseline does not do.',
      ],
    };
  },
};
