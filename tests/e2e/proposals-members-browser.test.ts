/**
 * The Förslag and Medlemmar views in a real Chromium against the real service (local mode): a
 * strategist filters the proposals by status and organisation and sees the warnings about
 * förvaltningar; a delegate reads the same lists without the strategists' links. The demo seed
 * gets one more förvaltning with no delegate, and the database is arranged before the service
 * starts (proposals, answers to two past kallelser). Screenshots at 1280 and 320 px go to
 * /tmp/team/screens (or SCREENS_DIR).
 */
import { randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { migrate } from '../../bot/src/adapters/storage/migrate';
import { openPgliteDatabase } from '../../bot/src/adapters/storage/pglite-database';
import { readGroupSeed } from '../../bot/src/adapters/storage/seed-file';
import { createSqlStorage } from '../../bot/src/adapters/storage/sql-storage';
import { seedDemoGroup } from '../../bot/src/app/seed-demo-group';
import type { Proposal } from '../../bot/src/domain/proposal';
import { readConfig } from '../../bot/src/config';
import { startService, type RunningService } from '../../bot/src/main';
import { describeWithChromium, launchChromium } from '../support/chromium';
import { DEMO_SEED_FILE } from '../support/demo-group';
import { silentLogger as silent } from '../support/silent-logger';
import { newDataDir } from '../support/data-dir';
import { screenshot } from '../support/screenshot';

const NOW = new Date('2026-04-20T08:00:00Z');

/** The demo seed plus a förvaltning nobody represents, stored with proposals and two meetings' answers. */
async function arrange(dataDir: string): Promise<string> {
  const seedFile = path.join(dataDir, 'seed.json');
  const seed = JSON.parse(await readFile(DEMO_SEED_FILE, 'utf8')) as { organisations: { key: string; name: string; kind: string }[] };
  seed.organisations.push({ key: 'mf', name: 'Miljöförvaltningen', kind: 'forvaltning' });
  await writeFile(seedFile, JSON.stringify(seed));

  const db = await openPgliteDatabase(path.join(dataDir, 'pglite'));
  try {
    await migrate(db);
    const storage = createSqlStorage(db);
    const groupSeed = await readGroupSeed(seedFile);
    const tenantId = groupSeed.tenant.id;
    const { groupId } = await seedDemoGroup(
      { unitOfWork: storage.unitOfWork, clock: { now: () => NOW }, ids: randomUUID },
      groupSeed,
      [2026, 2027],
    );
    const repos = storage.repositories;
    const people = new Map((await repos.people.listByGroup(tenantId, groupId)).map((p) => [p.name, p]));
    const goals = await repos.goals.listForGroup(tenantId, groupId);
    const goal = (framework: string, number: number) => goals.find((g) => g.framework === framework && g.number === number)!.id;
    const meetings = new Map(
      (await repos.meetings.listByGroup(tenantId, groupId)).map((m) => [m.startsAt.toISOString().slice(0, 7), m.id]),
    );

    let minute = 0;
    const propose = async (
      name: string,
      fields: Pick<Proposal, 'title' | 'description' | 'kind' | 'status' | 'minutesNeeded' | 'goalIds'> & {
        month: string;
        decisionNote?: string;
      },
    ) => {
      const person = people.get(name)!;
      const createdAt = new Date(Date.UTC(2026, 1, 20, 9, (minute += 7)));
      await repos.proposals.save({
        id: randomUUID(),
        tenantId,
        groupId,
        title: fields.title,
        description: fields.description,
        kind: fields.kind,
        organisationId: person.organisationId,
        proposerPersonId: person.id,
        meetingId: meetings.get(fields.month)!,
        requestedMeetingId: meetings.get(fields.month)!,
        late: false,
        minutesNeeded: fields.minutesNeeded,
        goalIds: fields.goalIds,
        status: fields.status,
        decisionNote: fields.decisionNote ?? null,
        submissionKey: null,
        createdAt,
        updatedAt: createdAt,
      });
    };
    await propose('Sara Nilsson', {
      title: 'Cykelvänlig skolväg',
      description:
        'Hur får vi fler elever att cykla till skolan? Utbildningsförvaltningen vill stämma av med Samhällsbyggnad om trygga cykelvägar.\n\nBakgrund: resvaneundersökningen 2025.',
      kind: 'diskussion',
      status: 'submitted',
      minutesNeeded: 20,
      goalIds: [goal('sdg', 11), goal('local', 1)],
      month: '2026-05',
    });
    await propose('Mohammed Haddad', {
      title: 'Solceller på förskolor',
      description: 'Läget i utbyggnaden av solceller på kommunens förskolor.',
      kind: 'information',
      status: 'accepted',
      minutesNeeded: 15,
      goalIds: [goal('sdg', 7)],
      month: '2026-05',
    });
    await propose('Sara Nilsson', {
      title: 'Matsvinn i skolköken',
      description: '',
      kind: 'beslut',
      status: 'declined',
      minutesNeeded: 10,
      goalIds: [goal('sdg', 12)],
      month: '2026-05',
      decisionNote: 'Tas upp i kostgruppen i stället.',
    });
    await propose('Mohammed Haddad', {
      title: 'Klimatanpassning av parker',
      description: 'Skyfallskartering och grönytor: vad betyder den för förvaltningarnas planer?',
      kind: 'samarbete',
      status: 'deferred',
      minutesNeeded: 30,
      goalIds: [goal('sdg', 13), goal('miljomal', 1)],
      month: '2026-06',
    });
    await propose('Karin Berg', {
      title: 'Studiebesök på reningsverket',
      description: 'Förslag på ett studiebesök i höst.',
      kind: 'kompetensutveckling',
      status: 'submitted',
      minutesNeeded: 5,
      goalIds: [],
      month: '2026-06',
    });

    // March and April are held: everyone came but Leila (Omsorgsförvaltningen), who said no to both.
    for (const month of ['2026-03', '2026-04']) {
      for (const person of people.values()) {
        await repos.attendance.save({
          tenantId,
          groupId,
          meetingId: meetings.get(month)!,
          personId: person.id,
          rsvp: person.name === 'Leila Karimi' ? 'no' : 'yes',
          substituteName: null,
          updatedAt: NOW,
        });
      }
    }
  } finally {
    await db.close();
  }
  return seedFile;
}

describeWithChromium('the Förslag and Medlemmar views in a browser', () => {
  let dataDir: string;
  let service: RunningService;
  let browser: Browser;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    dataDir = await newDataDir('arbetsrum-views-');
    const seedFile = await arrange(dataDir);
    service = await startService(
      { ...readConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1', SEED_FILE: seedFile }), port: 0, graphStandInPort: 0 },
      silent,
      { now: () => NOW },
    );
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await service?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function openAs(name: string, width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'sv-SE' });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    // Fail with the step that did not happen, well inside jest's timeout.
    page.setDefaultTimeout(10_000);
    await page.clock.setFixedTime(NOW);
    await page.goto(`${service.url}/tab/`);
    await page.getByRole('button', { name: new RegExp(name) }).click();
    await page.getByRole('heading', { name: 'Ekologiska hållbarhetsgruppen' }).waitFor();
    return page;
  }

  async function openView(page: Page, label: 'Förslag' | 'Medlemmar'): Promise<void> {
    await page.getByRole('tab', { name: label }).click();
    await page.getByRole('heading', { level: 2, name: label }).waitFor();
  }

  const titles = (page: Page) => page.getByRole('article').getByRole('heading', { level: 3 }).allTextContents();

  async function choose(page: Page, filter: string, option: string): Promise<void> {
    await page.getByRole('combobox', { name: filter }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  async function noSidewaysScroll(page: Page): Promise<void> {
    // A string, evaluated in the page: this file is type-checked without the DOM library.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(
      0,
    );
  }

  it('lets a strategist filter the proposals by status and organisation', async () => {
    const page = await openAs('Anna Lindqvist');
    await openView(page, 'Förslag');
    await page.getByRole('article').first().waitFor();
    expect(await titles(page)).toEqual([
      'Studiebesök på reningsverket',
      'Klimatanpassning av parker',
      'Matsvinn i skolköken',
      'Solceller på förskolor',
      'Cykelvänlig skolväg',
    ]);
    const first = page.getByRole('article').filter({ hasText: 'Cykelvänlig skolväg' });
    expect(await first.textContent()).toContain('onsdag 13 maj 2026, 13:00');
    expect(await first.textContent()).toContain('Globala målen 11: Hållbara städer och samhällen');
    expect(await first.textContent()).toContain('Utbildningsförvaltningen');
    expect(await first.textContent()).toContain('20 min');

    await choose(page, 'Status', 'Inskickat');
    expect(await titles(page)).toEqual(['Studiebesök på reningsverket', 'Cykelvänlig skolväg']);
    await page.getByText('Visar 2 av 5 förslag').waitFor();
    await choose(page, 'Organisation', 'Utbildningsförvaltningen');
    expect(await titles(page)).toEqual(['Cykelvänlig skolväg']);

    // The description opens on demand.
    const toggle = first.getByRole('button', { name: 'Visa beskrivning' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    await first.getByText(/resvaneundersökningen 2025/).waitFor({ state: 'visible' });
    expect(await first.getByRole('button', { name: 'Dölj beskrivning' }).getAttribute('aria-expanded')).toBe('true');
    await screenshot(page, 'proposals-1280-filtered.png', { fullPage: true });

    await choose(page, 'Status', 'Antaget');
    await page.getByText('Inga förslag matchar filtren').waitFor();
    expect(await page.getByRole('article').count()).toBe(0);
    await page.getByRole('button', { name: 'Rensa filter' }).click();
    expect(await titles(page)).toHaveLength(5);
    await screenshot(page, 'proposals-1280.png', { fullPage: true });

    // A strategist goes from a proposal to its meeting's Möte view.
    await first.getByRole('link', { name: /Öppna mötet/ }).click();
    await page.waitForURL(/#\/meeting\/[A-Za-z0-9-]+$/);
    await page.close();
  });

  it('shows a strategist the people by organisation, and warns of the förvaltningar that are missing', async () => {
    const page = await openAs('Anna Lindqvist');
    await openView(page, 'Medlemmar');
    const warnings = page.getByRole('list', { name: 'Varningar' }).getByRole('listitem');
    await warnings.first().waitFor();
    expect(await warnings.allTextContents()).toEqual([
      expect.stringContaining('Miljöförvaltningen saknar delegat'),
      expect.stringContaining('Miljöförvaltningen var inte representerad vid de två senaste mötena'),
      expect.stringContaining('Omsorgsförvaltningen var inte representerad vid de två senaste mötena'),
    ]);
    expect(await warnings.nth(2).textContent()).toContain('onsdag 8 april 2026 och onsdag 11 mars 2026');
    const utb = page.getByRole('table', { name: 'Utbildningsförvaltningen' });
    expect(await utb.getByRole('row').filter({ hasText: 'Sara Nilsson' }).textContent()).toContain('sara.nilsson@trollhattan.example');
    expect(await utb.getByRole('row').filter({ hasText: 'Sara Nilsson' }).textContent()).toContain('Delegat');
    const ksf = page.getByRole('table', { name: 'Kommunstyrelsens förvaltning' });
    expect(await ksf.getByRole('row').count()).toBe(4); // header + two strategists + Per
    await page.getByRole('region', { name: 'Miljöförvaltningen' }).getByText('Ingen medlem från den här organisationen.').waitFor();
    await screenshot(page, 'members-1280.png', { fullPage: true });
    await page.close();
  });

  it('fits a 320 px side panel, and a delegate reads both views without the strategists’ links', async () => {
    const page = await openAs('Sara Nilsson', 320);
    await openView(page, 'Förslag');
    await page.getByRole('article').first().waitFor();
    expect(await page.getByRole('link', { name: /Öppna mötet/ }).count()).toBe(0);
    await noSidewaysScroll(page);
    await screenshot(page, 'proposals-320.png', { fullPage: true });
    await screenshot(page, 'proposals-320-top.png');

    await openView(page, 'Medlemmar');
    await page.getByText('Miljöförvaltningen saknar delegat').waitFor();
    await noSidewaysScroll(page);
    await screenshot(page, 'members-320.png', { fullPage: true });
    await screenshot(page, 'members-320-top.png');
    await page.close();
  });

  it('logged no errors in the browser console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
