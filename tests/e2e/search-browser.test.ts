/**
 * *Sök* in a real Chromium against the real service (local mode): a delegate types in the header's
 * search box on the overview, presses Enter and gets the demo group's proposal, agenda item,
 * decision, notes and action grouped by kind, the matched words in <mark> and markup in a title
 * shown as text; Enter on a result opens it. Too short a query stays put with a hint; no hits and
 * no query say so in Swedish. Axe-clean in the three themes, and it fits 320 px. Screenshots at
 * 1280 and 320 px go to SCREENS_DIR when it is set.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { migrate } from '../../bot/src/adapters/storage/migrate';
import { openPgliteDatabase } from '../../bot/src/adapters/storage/pglite-database';
import { readGroupSeed } from '../../bot/src/adapters/storage/seed-file';
import { createSqlStorage } from '../../bot/src/adapters/storage/sql-storage';
import { seedDemoGroup } from '../../bot/src/app/seed-demo-group';
import { readConfig } from '../../bot/src/config';
import { startService, type RunningService } from '../../bot/src/main';
import { describeWithChromium, launchChromium } from '../support/chromium';
import { newDataDir } from '../support/data-dir';
import { DEMO_SEED_FILE } from '../support/demo-group';
import { DevApi } from '../support/dev-api';
import { silentLogger as silent } from '../support/silent-logger';
import { axeViolations } from '../support/axe';
import { screenshot } from '../support/screenshot';

const NOW = new Date('2026-03-01T10:00:00Z');
const PROPOSAL_TITLE = 'Klimatanpassning av skolgårdar <b>nu</b>';
let proposalId = '';

/** The demo group with one of each kind about climate adaptation, February's minutes still a draft. */
async function arrange(dataDir: string): Promise<void> {
  const db = await openPgliteDatabase(path.join(dataDir, 'pglite'));
  try {
    await migrate(db);
    const storage = createSqlStorage(db);
    const seed = await readGroupSeed(DEMO_SEED_FILE);
    const tenantId = seed.tenant.id;
    const start = new Date('2026-01-07T08:00:00Z');
    const { groupId } = await seedDemoGroup({ unitOfWork: storage.unitOfWork, clock: { now: () => start }, ids: randomUUID }, seed, [2026]);
    const repos = storage.repositories;
    const karin = (await repos.people.listByGroup(tenantId, groupId)).find((p) => p.name === 'Karin Berg')!;
    const feb = (await repos.meetings.listByGroup(tenantId, groupId)).find((m) => m.startsAt.getUTCMonth() === 1)!;
    proposalId = randomUUID();
    await repos.proposals.save({
      id: proposalId,
      tenantId,
      groupId,
      title: PROPOSAL_TITLE,
      description: 'Fler träd och mindre asfalt: <img src=x onerror=alert(1)> så blir klimatanpassningar en del av varje ombyggnad.',
      kind: 'diskussion',
      organisationId: karin.organisationId,
      proposerPersonId: karin.id,
      meetingId: null,
      requestedMeetingId: null,
      late: false,
      minutesNeeded: 15,
      goalIds: [],
      status: 'submitted',
      decisionNote: null,
      submissionKey: null,
      createdAt: start,
      updatedAt: start,
    });
    const itemId = randomUUID();
    const itemTitle = 'Klimatanpassningen i detaljplaner';
    await repos.agendaItems.replaceForMeeting(tenantId, feb.id, [
      {
        id: itemId,
        tenantId,
        groupId,
        meetingId: feb.id,
        position: 1,
        title: itemTitle,
        durationMinutes: 30,
        presenterPersonId: null,
        proposalId: null,
        standing: false,
      },
    ]);
    await repos.minutes.insert({
      tenantId,
      groupId,
      meetingId: feb.id,
      version: 1,
      status: 'draft',
      revision: 1,
      body: {
        items: [
          {
            agendaItemId: itemId,
            title: itemTitle,
            notes: 'Samhällsbyggnad visade hur klimatanpassning av dagvattnet skrivs in i planerna.',
            decision: 'Gruppen ställer sig bakom en gemensam checklista för klimatanpassning.',
          },
        ],
        record: null,
      },
      publishedAt: null,
      publishedByPersonId: null,
      createdAt: start,
      updatedAt: start,
      updatedByPersonId: null,
    });
    await repos.actionItems.replaceForMeeting(tenantId, feb.id, [
      {
        id: randomUUID(),
        tenantId,
        groupId,
        meetingId: feb.id,
        agendaItemId: itemId,
        position: 1,
        title: 'Kartlägg klimatanpassningsbehov per förvaltning',
        ownerPersonId: karin.id,
        organisationId: karin.organisationId,
        dueDate: '2026-04-30',
        status: 'open',
        createdAt: start,
        updatedAt: start,
      },
    ]);
  } finally {
    await db.close();
  }
}

/** English words the Swedish view must not show. */
const ENGLISH = /\b(the|and|search|results?|proposals?|decisions?|actions?|minutes|agenda|draft|no results)\b/i;

describeWithChromium('the search box and Sök view in a browser', () => {
  let dataDir: string;
  let service: RunningService;
  let browser: Browser;
  const dev = new DevApi(() => service.url);
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dataDir = await newDataDir('arbetsrum-search-');
    await arrange(dataDir);
    service = await startService({ ...readConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1' }), port: 0, graphStandInPort: 0 }, silent, {
      now: () => NOW,
    });
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await service?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function openAs(name: string, width: number, theme = 'default', hash = ''): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'sv-SE', reducedMotion: 'reduce', bypassCSP: true });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('dialog', (dialog) => pageErrors.push(`a dialog opened: ${dialog.message()}`));
    page.setDefaultTimeout(15_000);
    await page.clock.setFixedTime(NOW);
    await page.addInitScript(`sessionStorage.setItem('arbetsrum.token', ${JSON.stringify(await dev.token(name))})`);
    await page.goto(`${service.url}/tab/?inTeams=0&theme=${theme}${hash}`);
    await page.getByRole('heading', { level: 1, name: 'Ekologiska hållbarhetsgruppen' }).waitFor();
    return page;
  }

  const box = (page: Page) => page.getByRole('search', { name: 'Sök i gruppen' }).getByRole('searchbox', { name: 'Sök i gruppen' });
  const mainText = (page: Page) => page.getByRole('main').innerText();
  /**
   * How far the header (with the search box) and the view reach past the window's right edge. The
   * navigation bar is left out: its layout for many views is being reworked (it scrolls sideways).
   */
  const overflow = (page: Page) =>
    page.evaluate<number>(
      `Math.max(0, ...[...document.querySelectorAll('header, header *, main, main *')].map((e) => e.getBoundingClientRect().right)) - document.documentElement.clientWidth`,
    );

  async function searchFor(page: Page, query: string): Promise<void> {
    await box(page).fill(query);
    await box(page).press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Sök' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `”${query}”` })
      .waitFor();
  }

  it('finds every kind from the header, marks the words, shows markup as text, and opens a result with Enter', async () => {
    const page = await openAs('Karin Berg', 1280);
    // Too short: a hint, and the overview stays.
    await box(page).fill('k');
    await box(page).press('Enter');
    await page.getByText('Skriv minst två tecken.').waitFor();
    expect(page.url()).not.toContain('#/search');

    await searchFor(page, 'klimatanpassning');
    expect(await page.getByRole('status').filter({ hasText: '”klimatanpassning”' }).innerText()).toBe('5 träffar för ”klimatanpassning”');
    const headings = await page.getByRole('main').getByRole('heading', { level: 3 }).allInnerTexts();
    expect(headings).toEqual(['Förslag (1)', 'Punkter på dagordningen (1)', 'Beslut (1)', 'Minnesanteckningar (1)', 'Åtgärder (1)']);
    const marks = await page.getByRole('main').locator('mark').allInnerTexts();
    expect(marks).toEqual(
      expect.arrayContaining([
        'Klimatanpassning',
        'klimatanpassningar',
        'Klimatanpassningen',
        'klimatanpassning',
        'klimatanpassningsbehov',
      ]),
    );
    // The title's markup is text, the description's is left out, and neither became an element.
    const main = page.getByRole('main');
    expect(await main.getByRole('link', { name: PROPOSAL_TITLE }).count()).toBe(1);
    expect(await main.locator('b, img').count()).toBe(0);
    expect(await main.getByText('Utkast').count()).toBe(2);
    expect(await main.getByText('Inget möte valt ännu').count()).toBe(1);
    expect(await mainText(page)).toContain('11 februari 2026');
    expect(await mainText(page)).not.toMatch(ENGLISH);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'search-1280.png', { fullPage: true });

    // Keyboard: the result is a link; Enter opens where it lives.
    await main.getByRole('link', { name: PROPOSAL_TITLE }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**#/proposals/${proposalId}`);
    await page.getByRole('heading', { level: 2, name: 'Förslag' }).first().waitFor();
    // The box still holds the query, on every view.
    expect(await box(page).inputValue()).toBe('klimatanpassning');
    await page.close();
  }, 60_000);

  it('says when nothing matched and when nothing was asked, in Swedish', async () => {
    const page = await openAs('Karin Berg', 1280, 'default', '#/search');
    await page.getByRole('heading', { level: 2, name: 'Sök' }).waitFor();
    await page.getByText('Skriv det du letar efter i sökrutan').waitFor();
    await searchFor(page, 'cykelbanor');
    await page.getByText('Inga träffar för ”cykelbanor”. Pröva ett annat ord, eller bara början av ordet.').waitFor();
    expect(await mainText(page)).not.toMatch(ENGLISH);
    await page.close();
  }, 60_000);

  it.each(['dark', 'contrast'])(
    'fits a 320 px side panel and is axe-clean in the %s theme',
    async (theme) => {
      const page = await openAs('Karin Berg', 320, theme);
      await searchFor(page, 'klimat');
      await page.getByRole('main').locator('mark').first().waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `search-320-${theme}.png`, { fullPage: true });
      await page.close();
    },
    60_000,
  );

  it('logged no errors in the browser', () => {
    expect(pageErrors).toEqual([]);
  });
});
