/**
 * The Åtgärder view in a real Chromium against the real service (local mode): February's minutes
 * are published with four actions before the service starts, two of them overdue on 25 March. A
 * strategist sees the åtgärdslista overdue first (said in words), filters it, opens an action,
 * gives it a new date and owner and sees the change in its history; a delegate in a 320 px side
 * panel opens their own action with the keyboard and marks it done — the only field they may
 * change. Axe-clean, no English, nothing wider than the panel. Screenshots at 1280 and 320 px go to SCREENS_DIR when it is set.
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
import type { ActionItem } from '../../bot/src/domain/minutes';
import { startService, type RunningService } from '../../bot/src/main';
import { describeWithChromium, launchChromium } from '../support/chromium';
import { newDataDir } from '../support/data-dir';
import { DEMO_SEED_FILE } from '../support/demo-group';
import { DevApi } from '../support/dev-api';
import { silentLogger as silent } from '../support/silent-logger';
import { axeViolations } from '../support/axe';
import { screenshot } from '../support/screenshot';

const NOW = new Date('2026-03-25T09:00:00Z');

/** The demo group with February's minutes published and four actions from them. */
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
    const people = new Map((await repos.people.listByGroup(tenantId, groupId)).map((p) => [p.name, p]));
    const meetings = (await repos.meetings.listByGroup(tenantId, groupId)).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    const [feb, mar, apr] = meetings as [(typeof meetings)[0], (typeof meetings)[0], (typeof meetings)[0]];
    const action = (id: string, title: string, owner: string, status: ActionItem['status'], dueDate: string): ActionItem => ({
      id,
      tenantId,
      groupId,
      meetingId: feb.id,
      agendaItemId: null,
      position: 1,
      title,
      ownerPersonId: people.get(owner)!.id,
      organisationId: people.get(owner)!.organisationId,
      dueDate,
      status,
      createdAt: feb.startsAt,
      updatedAt: feb.startsAt,
    });
    await repos.actionItems.replaceForMeeting(tenantId, feb.id, [
      action('a-laddplatser', 'Kartlägga laddplatser vid förskolor', 'Sara Nilsson', 'open', '2026-03-01'),
      action('a-solceller', 'Inventera solceller på skoltak', 'Mohammed Haddad', 'blocked', '2026-03-20'),
      action('a-dagvatten', 'Ta fram underlag om dagvatten', 'Karin Berg', 'in_progress', '2026-04-30'),
      action('a-upphandling', 'Se över upphandlingskrav för fordon', 'Johan Ek', 'done', '2026-03-10'),
    ]);
    await repos.meetings.save({ ...feb, status: 'minutes_published' });
    await repos.meetings.save({ ...mar, status: 'held' });
    await repos.actionStatus.save({
      tenantId,
      actionId: 'a-solceller',
      forMeetingId: apr.id,
      personId: people.get('Mohammed Haddad')!.id,
      status: 'blocked',
      comment: 'Väntar på fastighetsbolagets underlag',
      answeredAt: new Date('2026-03-24T07:30:00Z'),
    });
  } finally {
    await db.close();
  }
}

/** English the Swedish view must not show. */
const ENGLISH = /\b(the|and|of|Actions?|Owner|Due|Overdue|Not started|In progress|Blocked|Done|History|Change|Save|Close|Decided)\b/;

describeWithChromium('the Åtgärder view in a browser', () => {
  let dataDir: string;
  let service: RunningService;
  let browser: Browser;
  const dev = new DevApi(() => service.url);
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dataDir = await newDataDir('arbetsrum-actions-');
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
    await page.goto(`${service.url}/tab/?inTeams=0&theme=default#/actions`);
    await page.getByRole('heading', { level: 2, name: 'Åtgärder' }).waitFor();
    return page;
  }

  const table = (page: Page) => page.getByRole('table', { name: 'Åtgärder' });
  const rows = (page: Page) => table(page).getByRole('rowgroup').nth(1).getByRole('row');
  const rowTexts = async (page: Page) => (await rows(page).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  const mainText = (page: Page) => page.getByRole('main').innerText();
  /**
   * How far the view (the main region, and its dialog) reaches past the window's right edge. The
   * shell's navigation is not this view's; visually hidden text (clipped to nothing) takes no room.
   */
  const overflow = (page: Page) =>
    page.evaluate<number>(`(() => {
      const clipped = (e) => {
        for (let n = e; n; n = n.parentElement) if (getComputedStyle(n).clip.startsWith('rect(0')) return true;
        return false;
      };
      const shown = [...document.querySelectorAll('main, main *, [role=dialog], [role=dialog] *')].filter((e) => !clipped(e));
      return Math.max(0, ...shown.map((e) => e.getBoundingClientRect().right)) - document.documentElement.clientWidth;
    })()`);

  it('shows a strategist the åtgärdslista overdue first, filters it, and changes an action with its history', async () => {
    const page = await openAs('Anna Lindqvist', 1280);
    await rows(page).first().waitFor();
    // "Ej klara" is the first filter: the done action waits behind "Alla".
    const shown = await rowTexts(page);
    expect(shown).toHaveLength(3);
    expect(shown[0]).toMatch(
      /^Kartlägga laddplatser vid förskolor .*Sara Nilsson Utbildningsförvaltningen 2026-03-01 Försenad Ej påbörjad$/,
    );
    expect(shown[1]).toMatch(/^Inventera solceller på skoltak .*Mohammed Haddad Samhällsbyggnadsförvaltningen 2026-03-20 Försenad Hinder$/);
    expect(shown[2]).not.toContain('Försenad');
    await page.getByText('3 åtgärder visas. 2 försenade.').waitFor();
    await page.getByLabel('Status').selectOption({ label: 'Alla' });
    await page.getByText('4 åtgärder visas. 2 försenade.').waitFor();
    await page.getByRole('checkbox', { name: 'Bara försenade' }).check();
    await page.getByText('2 åtgärder visas. 2 försenade.').waitFor();
    await page.getByLabel('Ansvarig').selectOption({ label: 'Mohammed Haddad' });
    await page.getByText('1 åtgärd visas. 1 försenad.').waitFor();
    expect(await mainText(page)).not.toMatch(ENGLISH);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Visa alla åtgärder' }).click();
    await page.getByText('4 åtgärder visas. 2 försenade.').waitFor();
    await screenshot(page, 'actions-1280.png', { fullPage: true });

    await table(page).getByRole('button', { name: 'Inventera solceller på skoltak' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Beslutades på 11 februari 2026.').waitFor();
    await dialog.getByText('Mohammed Haddad svarade hinder inför 8 april 2026.').waitFor();
    await dialog.getByText('”Väntar på fastighetsbolagets underlag”', { exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await table(page).getByRole('button', { name: 'Kartlägga laddplatser vid förskolor' }).click();
    await dialog.getByText('Beslutades på 11 februari 2026.').waitFor();
    await dialog.getByLabel('Klart senast').fill('2026-04-15');
    await dialog.getByLabel('Ansvarig').selectOption({ label: 'Johan Ek (Kultur- och fritidsförvaltningen)' });
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.getByText('Ändringen är sparad.').waitFor();
    await dialog
      .getByText('Anna Lindqvist ändrade klart senast från 2026-03-01 till 2026-04-15, ansvarig från Sara Nilsson till Johan Ek.')
      .waitFor();
    expect(await dialog.innerText()).not.toMatch(ENGLISH);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'actions-1280-dialog.png');
    await dialog.getByRole('button', { name: 'Stäng' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The list is read again: one overdue action left, the changed one with its new owner.
    await page.getByText('4 åtgärder visas. 1 försenad.').waitFor();
    // The rows may render a moment after the count: wait for the changed one before reading them.
    await rows(page).filter({ hasText: 'Kartlägga laddplatser' }).filter({ hasText: 'Johan Ek' }).waitFor();
    expect((await rowTexts(page)).find((t) => t.startsWith('Kartlägga laddplatser'))).toMatch(
      /Johan Ek Kultur- och fritidsförvaltningen 2026-04-15 Ej påbörjad$/,
    );
    await page.close();
  }, 90_000);

  it('lets a delegate in a 320 px panel open their own action with the keyboard and mark it done', async () => {
    const page = await openAs('Karin Berg', 320);
    await rows(page).first().waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await mainText(page)).not.toMatch(ENGLISH);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'actions-320.png', { fullPage: true });

    const own = table(page).getByRole('button', { name: 'Ta fram underlag om dagvatten' });
    await own.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Beslutades på 11 februari 2026.').waitFor();
    // The owner changes the status only.
    expect(await dialog.getByLabel('Klart senast').count()).toBe(0);
    expect(await dialog.getByLabel('Ansvarig').count()).toBe(0);
    await dialog.getByLabel('Status').selectOption({ label: 'Klar' });
    await dialog.getByRole('button', { name: 'Spara' }).focus();
    await page.keyboard.press('Enter');
    await dialog.getByText('Karin Berg ändrade status från pågår till klar.').waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'actions-320-dialog.png');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Not her action: no form.
    await page.getByLabel('Status').selectOption({ label: 'Alla' });
    await table(page).getByRole('button', { name: 'Se över upphandlingskrav för fordon' }).click();
    await dialog.getByText('Beslutades på 11 februari 2026.').waitFor();
    expect(await dialog.getByRole('button', { name: 'Spara' }).count()).toBe(0);
    await page.close();
  }, 90_000);

  it('logged no errors in the browser', () => {
    expect(pageErrors).toEqual([]);
  });
});
