/**
 * The Mål view in a real Chromium against the real service (local mode): the demo group gets a
 * proposal with goals, its agenda item, a decision in published minutes and an action before the
 * service starts. A strategist reads the counts per goal, opens a goal's lists, links an item to a
 * goal with the goal picker and adds a local goal; a delegate reads without the editing parts. The
 * view is axe-clean and fits a 320 px side panel. Screenshots at 1280 and 320 px go to
 * SCREENS_DIR when it is set.
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
import type { AgendaItem } from '../../bot/src/domain/agenda-item';
import { emptyMinutes, publishMinutes } from '../../bot/src/domain/minutes-review';
import { readConfig } from '../../bot/src/config';
import { startService, type RunningService } from '../../bot/src/main';
import { describeWithChromium, launchChromium } from '../support/chromium';
import { newDataDir } from '../support/data-dir';
import { DEMO_SEED_FILE } from '../support/demo-group';
import { DevApi } from '../support/dev-api';
import { silentLogger as silent } from '../support/silent-logger';
import { axeViolations } from '../support/axe';
import { screenshot } from '../support/screenshot';

const NOW = new Date('2026-04-01T10:00:00Z');

/** March's meeting held: a proposal on SDG 13 and miljömål 1, its item, a decision and an action. */
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
    const march = (await repos.meetings.listByGroup(tenantId, groupId)).find((m) => m.startsAt.getUTCMonth() === 2)!;
    const goals = await repos.goals.listForGroup(tenantId, groupId);
    const goal = (framework: string, number: number) => goals.find((g) => g.framework === framework && g.number === number)!.id;
    const proposalId = randomUUID();
    await repos.proposals.save({
      id: proposalId,
      tenantId,
      groupId,
      title: 'Solceller på skolornas tak',
      description: '',
      kind: 'beslut',
      organisationId: karin.organisationId,
      proposerPersonId: karin.id,
      meetingId: march.id,
      requestedMeetingId: march.id,
      late: false,
      minutesNeeded: 15,
      goalIds: [goal('sdg', 13), goal('miljomal', 1)],
      status: 'accepted',
      decisionNote: null,
      submissionKey: null,
      createdAt: start,
      updatedAt: start,
    });
    const item = (position: number, title: string, fromProposal: string | null): AgendaItem => ({
      id: randomUUID(),
      tenantId,
      groupId,
      meetingId: march.id,
      position,
      title,
      durationMinutes: 15,
      presenterPersonId: null,
      proposalId: fromProposal,
      standing: fromProposal === null,
    });
    const solar = item(1, 'Solceller på skolornas tak', proposalId);
    const round = item(2, 'Runda: aktuellt från förvaltningar och bolag', null);
    await repos.agendaItems.replaceForMeeting(tenantId, march.id, [solar, round]);
    const at = new Date('2026-03-12T09:00:00Z');
    await repos.actionItems.replaceForMeeting(tenantId, march.id, [
      {
        id: randomUUID(),
        tenantId,
        groupId,
        meetingId: march.id,
        agendaItemId: solar.id,
        position: 1,
        title: 'Räkna på taken i Lextorp',
        ownerPersonId: karin.id,
        organisationId: karin.organisationId,
        dueDate: '2026-05-01',
        status: 'open',
        createdAt: at,
        updatedAt: at,
      },
    ]);
    const draft = {
      ...emptyMinutes(march, at),
      revision: 1,
      body: {
        items: [{ agendaItemId: solar.id, title: solar.title, notes: '', decision: 'Gruppen ställer sig bakom en förstudie.' }],
        record: null,
      },
      updatedAt: at,
      updatedByPersonId: karin.id,
    };
    await repos.minutes.insert(draft);
    await repos.minutes.saveIfUnchanged(
      publishMinutes(draft, { agenda: [solar, round], record: { attendance: [], actions: [] }, personId: karin.id, now: at }),
      1,
    );
    await repos.meetings.save({ ...march, status: 'minutes_published' });
  } finally {
    await db.close();
  }
}

/** English the Swedish view must not show. */
const ENGLISH = /\b(the|and|of|goals?|proposals?|items?|decisions?|actions?|save|cancel|choose|show|period|from|to)\b/i;

describeWithChromium('the Mål view in a browser', () => {
  let dataDir: string;
  let service: RunningService;
  let browser: Browser;
  const dev = new DevApi(() => service.url);
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dataDir = await newDataDir('arbetsrum-goals-');
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

  async function openAs(name: string, width: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'sv-SE', reducedMotion: 'reduce', bypassCSP: true });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.setDefaultTimeout(15_000);
    await page.clock.setFixedTime(NOW);
    await page.addInitScript(`sessionStorage.setItem('arbetsrum.token', ${JSON.stringify(await dev.token(name))})`);
    await page.goto(`${service.url}/tab/?inTeams=0&theme=default#/goals`);
    await page.getByRole('heading', { level: 2, name: 'Mål' }).waitFor();
    await page.getByRole('table', { name: 'Globala målen' }).waitFor();
    return page;
  }

  const rowOf = (page: Page, table: string, name: RegExp) =>
    page
      .getByRole('table', { name: table })
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name }) });
  /**
   * How far the view sticks out of its 320 px: the main region's scroll width over its width (the
   * navigation bar above it is the shell's, not this view's).
   */
  const overflowing = (page: Page) =>
    page.evaluate<number>(`(() => { const main = document.querySelector('main'); return main.scrollWidth - main.clientWidth; })()`);

  it('shows a strategist the counts per goal, a goal’s lists, and lets them link an item to a goal', async () => {
    const page = await openAs('Anna Lindqvist', 1280);
    const climate = rowOf(page, 'Globala målen', /13\. Bekämpa klimatförändringarna/);
    expect((await climate.getByRole('cell').allInnerTexts()).map((t) => t.trim())).toEqual(['1', '1', '1', '1']);
    expect(
      (
        await rowOf(page, 'Miljökvalitetsmål', /1\. Begränsad klimatpåverkan/)
          .getByRole('cell')
          .allInnerTexts()
      ).map((t) => t.trim()),
    ).toEqual(['1', '1', '1', '1']);
    expect(await page.getByRole('main').innerText()).not.toMatch(ENGLISH);
    await screenshot(page, 'goals-1280.png', { fullPage: true });

    await climate.getByRole('button').click();
    const dialog = page.getByRole('dialog', { name: /Globalt mål 13: Bekämpa klimatförändringarna/ });
    await dialog.getByRole('heading', { name: 'Beslut (1)' }).waitFor();
    const text = await dialog.innerText();
    expect(text).toContain('Gruppen ställer sig bakom en förstudie.');
    expect(text).toContain('Räkna på taken i Lextorp');
    expect(text).toMatch(/Möte 2, 2026-03-11/);
    expect(text).not.toMatch(ENGLISH);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'goals-detail-1280.png');
    await dialog.getByRole('button', { name: 'Stäng' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The round table carries no goal; the strategist links it to SDG 11 with the keyboard.
    await page.getByRole('button', { name: 'Välj mål för ”Runda: aktuellt från förvaltningar och bolag”' }).click();
    const picker = page.getByRole('dialog', { name: /Välj mål för/ });
    await picker.getByRole('checkbox', { name: '11. Hållbara städer och samhällen' }).check();
    expect(await axeViolations(page)).toEqual([]);
    await picker.getByRole('button', { name: 'Spara' }).click();
    await picker.waitFor({ state: 'detached' });
    await page
      .getByRole('status')
      .filter({ hasText: 'Målen för ”Runda: aktuellt från förvaltningar och bolag” är sparade.' })
      .waitFor({ state: 'attached' });
    await rowOf(page, 'Globala målen', /11\. Hållbara städer och samhällen/)
      .getByRole('cell')
      .nth(1)
      .filter({ hasText: '1' })
      .waitFor();

    // A local goal of the group's own.
    await page.getByRole('textbox', { name: 'Nytt lokalt mål' }).fill('Fossilfria transporter');
    await page.getByRole('button', { name: 'Lägg till' }).click();
    await rowOf(page, 'Lokala mål', /Fossilfria transporter/).waitFor();
    expect(await page.getByRole('main').innerText()).not.toMatch(ENGLISH);
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 90_000);

  it('lets a delegate read without the editing parts, and fits a 320 px side panel, axe-clean', async () => {
    const page = await openAs('Karin Berg', 320);
    expect(await page.getByRole('heading', { name: 'Koppla punkter och åtgärder till mål' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Gruppens lokala mål' }).count()).toBe(0);
    await page.getByRole('checkbox', { name: 'Visa bara mål med något kopplat' }).check();
    expect(await page.getByRole('table', { name: 'Globala målen' }).getByRole('row').count()).toBeLessThanOrEqual(4);
    await screenshot(page, 'goals-320.png', { fullPage: true });
    expect(await overflowing(page)).toBeLessThanOrEqual(0);
    expect(await page.getByRole('main').innerText()).not.toMatch(ENGLISH);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();

    const strategist = await openAs('Erik Johansson', 320);
    await screenshot(strategist, 'goals-320-strategist.png', { fullPage: true });
    await strategist.getByRole('heading', { name: 'Koppla punkter och åtgärder till mål' }).scrollIntoViewIfNeeded();
    await screenshot(strategist, 'goals-320-tagging.png');
    await strategist.getByRole('heading', { name: 'Gruppens lokala mål' }).scrollIntoViewIfNeeded();
    await screenshot(strategist, 'goals-320-local.png');
    expect(await overflowing(strategist)).toBeLessThanOrEqual(0);
    expect(await axeViolations(strategist)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await strategist.close();
  }, 90_000);
});
