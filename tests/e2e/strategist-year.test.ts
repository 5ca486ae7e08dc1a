/**
 * The strategists' year, as users would go through it in the tab, in one story against the real
 * service (local mode, embedded database, seeded demo group) and a real Chromium, with the clock
 * moved forward between the steps: plan the next year and move a meeting; accept two proposals
 * and defer one; reorder the agenda and send the kallelse; after the meeting, the chair takes
 * minutes with an action for a delegate, a member approves, the chair publishes; and the delegate
 * sees her proposals' fate, her action and the minutes on her Översikt.
 */
import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { readConfig } from '../../bot/src/config';
import { startService, type RunningService } from '../../bot/src/main';
import { describeWithChromium, launchChromium } from '../support/chromium';
import { DevApi } from '../support/dev-api';
import { silentLogger as silent } from '../support/silent-logger';
import { newDataDir } from '../support/data-dir';
import { screenshot } from '../support/screenshot';

const BEFORE_THE_MEETING = new Date('2026-03-01T10:00:00Z');
// Möte 2 is on 11 March 13:00–15:00 Stockholm time (12:00–14:00 UTC).
const DURING_THE_MEETING = new Date('2026-03-11T13:30:00Z');

describeWithChromium("the strategists' year", () => {
  let dataDir: string;
  let service: RunningService;
  let browser: Browser;
  let now = BEFORE_THE_MEETING;
  let groupId = '';
  let meeting = { id: '', chair: '' };
  const dev = new DevApi(() => service.url);
  const pageErrors: string[] = [];

  const token = (name: string): Promise<string> => dev.token(name);

  /** GET, or POST with a body. */
  const api = <T>(name: string, route: string, body?: unknown) =>
    dev.call<T>(name, route, body === undefined ? {} : { method: 'POST', body });

  async function openAs(name: string, hash: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', reducedMotion: 'reduce' });
    page.on('pageerror', (error) => pageErrors.push(`${name}: ${error.message}`));
    await page.clock.setFixedTime(now);
    // Signed in before the first script runs: no dev sign-in page in between.
    await page.addInitScript((value) => sessionStorage.setItem('arbetsrum.token', value), await token(name));
    await page.goto(`${service.url}/tab/?inTeams=0${hash}`);
    await page.getByRole('heading', { name: 'Ekologiska hållbarhetsgruppen', level: 1 }).waitFor();
    return page;
  }

  beforeAll(async () => {
    dataDir = await newDataDir('arbetsrum-year-');
    service = await startService({ ...readConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1' }), port: 0, graphStandInPort: 0 }, silent, {
      now: () => now,
    });
    browser = await launchChromium();
    groupId = (await api<{ groups: { id: string }[] }>('Anna Lindqvist', '/me')).body.groups[0]?.id ?? '';
    const overview = await api<{ nextMeeting: { id: string; chair: { name: string } } }>('Anna Lindqvist', `/groups/${groupId}/overview`);
    meeting = { id: overview.body.nextMeeting.id, chair: overview.body.nextMeeting.chair.name };
    // Delegates propose in the bot's card; here through the tab's API, which runs the same use case.
    for (const [name, title, minutes] of [
      ['Karin Berg', 'Upphandling av cyklar', 15],
      ['Sara Nilsson', 'Skolmåltider och klimat', 20],
      ['Johan Ek', 'Grönytefaktor i detaljplaner', 30],
    ] as const) {
      const stored = await api(name, `/groups/${groupId}/proposals`, {
        submissionKey: `year-${minutes}`,
        title,
        description: '',
        kind: 'diskussion',
        organisationId: null,
        goalIds: [],
        minutesNeeded: minutes,
        meetingId: meeting.id,
      });
      expect(stored.status).toBe(201);
    }
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await service?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs from the meeting plan to published minutes, and the delegate sees the outcome', async () => {
    // Mötesplan: plan next year from the pattern, and move this meeting to another room.
    const strategist = await openAs('Anna Lindqvist', '#/plan');
    await strategist.getByRole('heading', { name: 'Möten 2026' }).waitFor();
    await strategist.getByRole('button', { name: /^Åtgärder för Möte 2,/ }).click();
    await strategist.getByRole('menuitem', { name: 'Ändra tid och plats…' }).click();
    const edit = strategist.getByRole('dialog', { name: 'Ändra Möte 2' });
    await edit.getByLabel('Plats').fill('Folkets hus, sal 2');
    await edit.getByRole('button', { name: 'Spara' }).click();
    await strategist.getByText('Möte 2 är ändrat.').waitFor();

    // Möte: accept two proposals, defer the third.
    await strategist.getByRole('tab', { name: 'Möte', exact: true }).click();
    await strategist.getByRole('heading', { name: 'Förslag att besluta om' }).waitFor();
    const proposal = (title: string) => strategist.getByRole('listitem').filter({ has: strategist.getByRole('heading', { name: title }) });
    for (const title of ['Upphandling av cyklar', 'Skolmåltider och klimat']) {
      await proposal(title).getByRole('button', { name: 'Ta med' }).click();
      await proposal(title).waitFor({ state: 'detached' });
    }
    await proposal('Grönytefaktor i detaljplaner').getByRole('button', { name: 'Skjut upp' }).click();
    await strategist.getByRole('dialog').getByRole('button', { name: 'Skjut upp' }).click();
    await strategist.getByText('Inga förslag väntar på beslut.').waitFor();

    // Reorder with the keyboard on the item's handle, save, send the kallelse.
    await strategist.getByRole('button', { name: /^Flytta ”Skolmåltider och klimat”, plats 6 av 10/ }).focus();
    await strategist.keyboard.press('Alt+ArrowUp');
    await strategist.getByRole('button', { name: /^Flytta ”Skolmåltider och klimat”, plats 5 av 10/ }).waitFor();
    await strategist.getByRole('button', { name: 'Spara dagordning' }).click();
    await strategist.getByText('Dagordningen är sparad.').first().waitFor();
    await strategist.getByRole('button', { name: 'Skicka kallelse' }).click();
    await strategist.getByRole('alertdialog').getByRole('button', { name: 'Skicka kallelse' }).click();
    await strategist.getByText(/^Skickad till \d+ i Teams/).waitFor();
    await screenshot(strategist, 'year-kallelse-sent.png', { fullPage: true });
    await strategist.close();

    // The meeting is under way: the chair takes minutes, with an action for Karin.
    now = DURING_THE_MEETING;
    // Dev sign-in tokens last hours, not days: everyone signs in again.
    dev.forget();
    const chair = await openAs(meeting.chair, `#/minutes/${meeting.id}`);
    const chairMain = chair.getByRole('main');
    const item = chairMain.getByRole('region', { name: '6. Upphandling av cyklar' });
    await item.getByRole('textbox', { name: 'Anteckningar' }).fill('Karin presenterade förslaget om cykelupphandling.');
    await item.getByRole('textbox', { name: 'Beslut' }).fill('Gruppen ställer sig bakom en gemensam upphandling.');
    await item.getByRole('button', { name: 'Lägg till åtgärd' }).click();
    await chair.keyboard.type('Ta fram underlag för upphandlingen');
    await item.getByRole('combobox', { name: 'Ansvarig' }).selectOption({ label: 'Karin Berg, Arbetsmarknads- och socialförvaltningen' });
    await item.getByLabel('Klart senast').fill('2026-04-30');
    await chairMain.getByText(/^Sparat \d\d:\d\d$/).waitFor();
    await chair.getByRole('button', { name: 'Godkänn' }).click();
    await chair.getByText('Du har godkänt den här texten.').waitFor();

    // A second member approves.
    const karin = await openAs('Karin Berg', `#/minutes/${meeting.id}`);
    await karin.getByRole('main').getByText('Ta fram underlag för upphandlingen').waitFor();
    await karin.getByRole('button', { name: 'Godkänn' }).click();
    await karin.getByText('Du har godkänt den här texten.').waitFor();

    // The chair publishes: read-only from now on.
    await chair.getByRole('button', { name: 'Hämta senaste' }).click();
    await chair.getByText('Karin Berg har godkänt').waitFor();
    await chair.getByRole('button', { name: 'Publicera' }).click();
    await chair.getByRole('dialog', { name: 'Publicera minnesanteckningarna?' }).getByRole('button', { name: 'Publicera' }).click();
    await chair.getByRole('button', { name: 'Rätta (ny version)' }).waitFor();
    expect(await chair.getByRole('main').getByRole('textbox').count()).toBe(0);
    await chair.close();

    // Karin's Översikt: her proposal on the agenda, her action, the minutes.
    await karin.getByRole('tab', { name: 'Översikt' }).click();
    const mine = karin.getByRole('region', { name: 'Mitt läge' });
    await mine.getByText('Upphandling av cyklar').waitFor();
    await mine.getByText('Antaget').waitFor();
    await mine.getByText('Ta fram underlag för upphandlingen').waitFor();
    await mine.getByRole('link', { name: /^Möte 2, onsdag 11 mars 2026/ }).click();
    await karin.getByText('Gruppen ställer sig bakom en gemensam upphandling.').waitFor();
    await screenshot(karin, 'year-delegate-minutes.png', { fullPage: true });
    await karin.close();

    const status = await api<{ status: string }[]>('Anna Lindqvist', `/groups/${groupId}/overview?year=2026`);
    expect(JSON.stringify(status.body)).toContain('minutes_published');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
