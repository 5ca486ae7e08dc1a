/**
 * The Delgrupper view in a real Chromium against the real service (local mode, the demo group): a
 * strategist sees two sub-groups started over the API — members by organisation, convenor,
 * deadline, the meeting their report-back is on, or none planned, and the one-organisation
 * warning — starts a third with the keyboard-reachable form, and the view is axe-clean and fits a
 * 320 px side panel. A delegate reads the list without the form. Screenshots at 1280 and 320 px go to SCREENS_DIR when it is set.
 */
import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { readConfig } from '../../bot/src/config';
import { startService, type RunningService } from '../../bot/src/main';
import { describeWithChromium, launchChromium } from '../support/chromium';
import { newDataDir } from '../support/data-dir';
import { DevApi } from '../support/dev-api';
import { silentLogger as silent } from '../support/silent-logger';
import { axeViolations } from '../support/axe';
import { screenshot } from '../support/screenshot';

const NOW = new Date('2026-03-01T10:00:00Z');

const ENGLISH = /\b(the|and|of|members|mandate|deadline|convenor|report-back|meeting|start|sub-groups?|none|warning)\b/i;

describeWithChromium('the Delgrupper view in a browser', () => {
  let dataDir: string;
  let service: RunningService;
  let browser: Browser;
  const dev = new DevApi(() => service.url);
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dataDir = await newDataDir('arbetsrum-subgroups-');
    service = await startService({ ...readConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1' }), port: 0, graphStandInPort: 0 }, silent, {
      now: () => NOW,
    });
    browser = await launchChromium();

    const me = await dev.call<{ groups: { id: string }[] }>('Anna Lindqvist', '/me');
    const groupId = me.body.groups[0]!.id;
    const overview = await dev.call<{ nextMeeting: { id: string } }>('Anna Lindqvist', `/groups/${groupId}/overview`);
    const agenda = await dev.call<{ items: { id: string; title: string }[] }>(
      'Anna Lindqvist',
      `/meetings/${overview.body.nextMeeting.id}/agenda`,
    );
    const people = await dev.call<{ people: { id: string; name: string }[] }>('Anna Lindqvist', `/groups/${groupId}/sub-groups`);
    const id = (name: string) => people.body.people.find((p) => p.name === name)!.id;
    const item = agenda.body.items.find((i) => i.title.startsWith('Runda'))!.id;
    for (const body of [
      {
        name: 'Matsvinn i skolor och äldreboenden',
        mandate: 'Kartlägg matsvinnet och föreslå gemensamma åtgärder före budgetarbetet.',
        deadline: '2026-03-31',
        memberPersonIds: [id('Karin Berg'), id('Sara Nilsson'), id('Johan Ek')],
        convenorPersonId: id('Karin Berg'),
      },
      {
        name: 'Klimatbudget',
        mandate: 'Ta fram ett förslag till klimatbudget.',
        deadline: '2028-06-30',
        memberPersonIds: [id('Anna Lindqvist'), id('Per Andersson')],
        convenorPersonId: id('Per Andersson'),
      },
    ]) {
      const started = await dev.call('Anna Lindqvist', `/groups/${groupId}/agenda-items/${item}/sub-groups`, { method: 'POST', body });
      expect(started.status).toBe(201);
    }
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await service?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function openAs(name: string, width: number, hash = '#/subgroups'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'sv-SE', reducedMotion: 'reduce', bypassCSP: true });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.setDefaultTimeout(15_000);
    await page.clock.setFixedTime(NOW);
    await page.addInitScript(`sessionStorage.setItem('arbetsrum.token', ${JSON.stringify(await dev.token(name))})`);
    await page.goto(`${service.url}/tab/?inTeams=0&theme=default${hash}`);
    await page.getByRole('heading', { level: 2, name: 'Delgrupper' }).waitFor();
    return page;
  }

  const cards = (page: Page) => page.getByRole('list', { name: 'Delgrupper' }).locator(':scope > li');
  const mainText = (page: Page) => page.getByRole('main').innerText();
  /** How far the page is wider than the viewport, and what sticks out (to say why when it fails). */
  const overflow = async (page: Page) => {
    const wider = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    if (wider <= 0) return wider;
    const culprits = await page.evaluate<string[]>(`[...document.querySelectorAll('main *')]
    .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .slice(0, 5).map((el) => el.tagName + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right))`);
    throw new Error(`${wider} px wider than the viewport: ${culprits.join('; ')}`);
  };

  it('shows a strategist each sub-group with its report-back meeting, and starts one from the keyboard', async () => {
    const page = await openAs('Anna Lindqvist', 1280);
    await cards(page).first().waitFor();
    expect(await cards(page).count()).toBe(2);
    const first = await cards(page).first().innerText();
    expect(first).toContain('Matsvinn i skolor och äldreboenden');
    expect(first).toMatch(/Återrapportering\s+Möte 3, onsdag 8 april 2026/);
    expect(first).toMatch(/Sammankallande\s+Karin Berg/);
    expect(first).toContain('Arbetsmarknads- och socialförvaltningen: Karin Berg');
    expect(first).not.toContain('samma organisation');
    const second = await cards(page).nth(1).innerText();
    expect(second).toContain('Inget möte planerat efter klart senast');
    expect(second).toContain('Alla medlemmar kommer från samma organisation.');
    expect(await mainText(page)).not.toMatch(ENGLISH);
    await screenshot(page, 'subgroups-1280.png', { fullPage: true });

    // The form opens from the keyboard, and is axe-clean open.
    const open = page.getByRole('button', { name: 'Starta en delgrupp' });
    await open.focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Namn').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Punkt på dagordningen').selectOption({ label: 'Övriga frågor' });
    await page.getByLabel('Namn').fill('Dagvatten');
    await page.getByLabel('Uppdrag').fill('Ta fram ett gemensamt underlag om dagvatten.');
    // Its label reads "Klart senast *" (required); the cards' own date fields say "Nytt datum för klart senast".
    await page.getByLabel(/^Klart senast/).fill('2026-04-30');
    await page.getByLabel('Mohammed Haddad (Samhällsbyggnadsförvaltningen)').check();
    await page.getByLabel('Leila Karimi (Omsorgsförvaltningen)').check();
    await page.getByLabel('Sammankallande').selectOption({ label: 'Leila Karimi' });
    await screenshot(page, 'subgroups-form-1280.png', { fullPage: true });
    await page.getByRole('button', { name: 'Starta delgruppen' }).click();
    await page.getByRole('status').filter({ hasText: 'Delgruppen Dagvatten är startad.' }).waitFor({ state: 'attached' });
    await cards(page).nth(2).waitFor();
    const dagvatten = cards(page).filter({ hasText: 'Dagvatten' });
    expect(await dagvatten.innerText()).toMatch(/Återrapportering\s+Möte 4, onsdag 13 maj 2026/);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('fits a 320 px side panel, list and form, axe-clean', async () => {
    const page = await openAs('Anna Lindqvist', 320);
    await cards(page).first().waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'subgroups-320.png', { fullPage: true });
    await page.getByRole('button', { name: 'Starta en delgrupp' }).click();
    await page.getByLabel('Namn').waitFor();
    await screenshot(page, 'subgroups-form-320.png', { fullPage: true });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows a delegate the list without the form or the buttons', async () => {
    const page = await openAs('Karin Berg', 1280);
    await cards(page).first().waitFor();
    expect(await page.getByRole('button', { name: 'Starta en delgrupp' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Avsluta' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('logged no errors in the browser', () => {
    expect(pageErrors).toEqual([]);
  });
});
