/**
 * What a newcomer does: `npm start` (scripts/start.ts, as npm runs it) brings up the service and
 * the Microsoft 365 Agents Playground; the personal chat shows the welcome card for the seeded
 * delegate; `hjälp` brings it back; Ctrl-C stops both. Real processes, real ports.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../support/free-port';
import { connectPlayground } from '../support/playground-client';

const root = path.resolve(__dirname, '..', '..');

/** Whether `url` answers 200 right now (within a second). */
async function answersNow(url: string): Promise<boolean> {
  return fetch(url, { signal: AbortSignal.timeout(1000) }).then(
    (res) => res.ok,
    () => false,
  );
}

/**
 * Whether `url` answers 200 within a few seconds, as a newcomer's browser would wait: just after
 * start-up the background worker's first rounds (calendar, timed work) share the embedded database.
 */
async function answers(url: string): Promise<boolean> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const ok = await answersNow(url);
    if (ok || Date.now() > deadline) return ok;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function waitForLine(output: () => string, pattern: RegExp, ms: number): Promise<RegExpExecArray> {
  const deadline = Date.now() + ms;
  for (;;) {
    const match = pattern.exec(output());
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`no line matching ${pattern} within ${ms} ms; output:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('npm start in local mode', () => {
  let dataDir: string;
  let start: ChildProcess;
  let output = '';
  let appUrl = '';
  let playgroundUrl = '';
  /** The meeting the delegate proposed for: the first still open for proposals, whatever today is. */
  let openMeetingId = '';

  let graphPort = 0;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'arbetsrum-start-'));
    const [port, playgroundPort] = [await freePort(), await freePort()];
    graphPort = await freePort();
    // As `npm start` runs it; in a process group of its own, so the cleanup can stop all of it.
    start = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      detached: true,
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        GRAPH_STAND_IN_PORT: String(graphPort),
        PLAYGROUND_PORT: String(playgroundPort),
        DATA_DIR: dataDir,
        BROWSER: 'none',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    start.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    start.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    await waitForLine(() => output, /Press Ctrl-C to stop both/, 90_000);
    appUrl = (await waitForLine(() => output, /Tab \(sign in as a strategist\):\s+(http:\/\/\S+)\/tab\//, 1000))[1]!;
    playgroundUrl = (await waitForLine(() => output, /Bot in the Agents Playground:\s+(http:\/\/\S+)/, 1000))[1]!;
  }, 120_000);

  afterAll(async () => {
    if (start.exitCode === null && start.pid) process.kill(-start.pid, 'SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  async function signInAs(name: string): Promise<{ Authorization: string }> {
    const { people } = (await (await fetch(`${appUrl}/api/dev/people`)).json()) as { people: { id: string; name: string }[] };
    const signIn = await fetch(`${appUrl}/api/dev/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ personId: people.find((p) => p.name === name)!.id }),
    });
    return { Authorization: `Bearer ${((await signIn.json()) as { token: string }).token}` };
  }

  it('prints both URLs, and both answer', async () => {
    expect(await answers(`${appUrl}/healthz`)).toBe(true);
    expect(await answers(`${appUrl}/tab/`)).toBe(true);
    expect(await (await fetch(`${playgroundUrl}/_debug/ping`)).text()).toBe('pong');
  });

  it('shows the seeded delegate the welcome card in the personal chat, and again on `hjälp`', async () => {
    const playground = await connectPlayground(playgroundUrl);
    try {
      expect(playground.user.name).toBe('Sara Nilsson');
      await playground.openPersonalChat();
      const [welcome] = await playground.waitForReplies(1);
      expect(welcome!.conversationId).toBe(playground.chatId);
      const card = JSON.stringify(welcome!.attachments[0]?.content);
      expect(welcome!.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(card).toContain('Hej Sara Nilsson!');
      expect(card).toContain('Du är delegat i Ekologiska hållbarhetsgruppen.');
      expect(card).toContain('Nästa möte');

      await playground.say('hjälp');
      const [, help] = await playground.waitForReplies(2);
      expect(JSON.stringify(help!.attachments[0]?.content)).toContain('Skriv till mig');
    } finally {
      playground.close();
    }
  });

  it('lets the delegate propose an item from the chat; a strategist accepts it and the receipt shows it', async () => {
    const playground = await connectPlayground(playgroundUrl);
    try {
      await playground.say('föreslå');
      const [form] = await playground.waitForReplies(1);
      const card = form!.attachments[0]?.content as {
        actions: { data: Record<string, unknown> }[];
        body: { id?: string; value?: unknown }[];
      };
      const meetingId = card.body.find((e) => e.id === 'meetingId')?.value as string;
      openMeetingId = meetingId;
      const submitted = await playground.execute(form!.messageId, 'proposal.submit', {
        ...card.actions[0]!.data,
        title: 'Återbruk av kontorsmöbler',
        kind: 'samarbete',
        minutesNeeded: 15,
        meetingId,
      });
      expect(JSON.stringify(submitted)).toContain('Tack! Ditt förslag är inskickat');

      // The strategist's view, through the tab's API as the tab uses it.
      const auth = await signInAs('Anna Lindqvist');
      const me = (await (await fetch(`${appUrl}/api/me`, { headers: auth })).json()) as { groups: { id: string }[] };
      const list = (await (await fetch(`${appUrl}/api/groups/${me.groups[0]!.id}/proposals`, { headers: auth })).json()) as {
        proposals: { id: string; title: string; proposerName: string; meeting: { id: string } }[];
      };
      const stored = list.proposals.find((p) => p.title === 'Återbruk av kontorsmöbler');
      expect(stored).toMatchObject({ proposerName: 'Sara Nilsson', meeting: { id: meetingId } });

      const decided = await fetch(`${appUrl}/api/proposals/${stored!.id}/decision`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ decision: 'accept' }),
      });
      expect(decided.status).toBe(200);
      // Sara is told in her chat…
      const [, told] = await playground.waitForReplies(2);
      expect(JSON.stringify(told!.attachments[0]?.content)).toContain('Ditt förslag är antaget');
      // …and her receipt shows it when it refreshes.
      const refreshed = await playground.execute(form!.messageId, 'proposal.refresh', { proposalId: stored!.id });
      expect(JSON.stringify(refreshed)).toContain('Ditt förslag är antaget');
    } finally {
      playground.close();
    }
  });

  it("delivers a strategist's call for proposals to the delegate's chat, once", async () => {
    const playground = await connectPlayground(playgroundUrl);
    try {
      const auth = await signInAs('Anna Lindqvist');
      // The app is added to the team: the bot greets the channel and can read the team's roster.
      await playground.installInTeam();
      await playground.waitForReplies(1);
      const send = () => fetch(`${appUrl}/api/meetings/${openMeetingId}/call-for-proposals`, { method: 'POST', headers: auth });
      const first = (await (await send()).json()) as {
        report: { sent: number; mailed: { name: string; reason: string }[]; notReached: { name: string; reason: string }[] };
      };
      // Sara opened the bot; Mohammed, Karin and Johan are in the team and get a chat from the
      // roster; Leila and Per are in neither, so the call goes to them by mail.
      expect(first.report.mailed.map((n) => [n.name, n.reason]).sort()).toEqual([
        ['Leila Karimi', 'no-conversation'],
        ['Per Andersson', 'no-conversation'],
      ]);
      expect(first.report.notReached).toEqual([]);
      expect(first.report.sent).toBe(5); // four delegates and the channel
      // The Playground shows its current user (Sara) her chat and the channel; the chats it created
      // for the others are accepted by its connector but not shown to Sara.
      await playground.waitForReplies(1 + 2);
      const call = playground.replies.find(
        (r) => r.conversationId === playground.chatId && JSON.stringify(r.attachments).includes('Dags att föreslå'),
      );
      expect(call).toBeDefined();
      expect(JSON.stringify(call!.attachments[0]?.content)).toContain('Dags att föreslå punkter till');
      const again = (await (await send()).json()) as { report: { sent: number; alreadySent: number } };
      expect(again.report).toMatchObject({ sent: 0, alreadySent: 5 });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const calls = playground.replies.filter(
        (r) => r.conversationId === playground.chatId && JSON.stringify(r.attachments).includes('Dags att föreslå'),
      );
      expect(calls).toHaveLength(1); // once in Sara's chat, though the call was sent twice
      const nothing = await playground.execute(call!.messageId, 'call.nothing', { meetingId: openMeetingId });
      expect(JSON.stringify(nothing)).toContain('Noterat: du har inget att föreslå');
    } finally {
      playground.close();
    }
  });

  it("sends the chair's kallelse to every member, and stores the delegate's answer from the card", async () => {
    const playground = await connectPlayground(playgroundUrl);
    try {
      const auth = await signInAs('Anna Lindqvist');
      const sent = (await (await fetch(`${appUrl}/api/meetings/${openMeetingId}/kallelse`, { method: 'POST', headers: auth })).json()) as {
        report: { sent: number; mailed: { name: string }[]; notReached: { name: string }[] };
      };
      // All in the Playground's team (Sara, Anna, Erik, Mohammed, Karin, Johan) and the channel;
      // Leila and Per by mail, which the Graph stand-in writes to the outbox.
      expect(sent.report.mailed.map((n) => n.name).sort()).toEqual(['Leila Karimi', 'Per Andersson']);
      expect(sent.report.notReached).toEqual([]);
      expect((await readdir(path.join(dataDir, 'outbox'))).length).toBe(4); // two calls, two kallelser
      expect(sent.report.sent).toBe(7);
      await playground.waitForReplies(2); // Sara's card and the channel post
      const kallelse = playground.replies.find(
        (r) => r.conversationId === playground.chatId && JSON.stringify(r.attachments).includes('Kallelse:'),
      );
      expect(JSON.stringify(kallelse!.attachments[0]?.content)).toContain('Återbruk av kontorsmöbler'); // accepted earlier
      const answered = await playground.execute(kallelse!.messageId, 'rsvp.answer', { meetingId: openMeetingId, answer: 'yes' });
      expect(JSON.stringify(answered)).toContain('Ditt svar: **Kommer**');
      const attendance = (await (await fetch(`${appUrl}/api/meetings/${openMeetingId}/attendance`, { headers: auth })).json()) as {
        answers: { name: string; rsvp: string | null }[];
      };
      expect(attendance.answers.find((a) => a.name === 'Sara Nilsson')?.rsvp).toBe('yes');
    } finally {
      playground.close();
    }
  });

  it("announces published minutes in the delegate's chat and records *Jag har återrapporterat*; the stand-in's page lists the mail", async () => {
    const playground = await connectPlayground(playgroundUrl);
    try {
      const sara = await signInAs('Sara Nilsson');
      const me = (await (await fetch(`${appUrl}/api/me`, { headers: sara })).json()) as { groups: { id: string }[] };
      const { meetings } = (await (await fetch(`${appUrl}/api/groups/${me.groups[0]!.id}/minutes`, { headers: sara })).json()) as {
        meetings: { id: string; startsAt: string; chair: { name: string } }[];
      };
      // The latest meeting that has taken place (the demo is seeded for this year and the next).
      const held = meetings.filter((m) => new Date(m.startsAt).getTime() < Date.now()).at(-1);
      if (!held) {
        console.warn('No demo meeting has taken place yet this year (January): publishing is not exercised here.');
        return;
      }
      const chair = await signInAs(held.chair.name);
      const other = await signInAs(held.chair.name === 'Anna Lindqvist' ? 'Erik Johansson' : 'Anna Lindqvist');
      const route = `${appUrl}/api/meetings/${held.id}/minutes`;
      const json = { 'Content-Type': 'application/json' };
      const view = (await (await fetch(route, { headers: chair })).json()) as { minutes: { items: { agendaItemId: string }[] } };
      const agendaItemId = view.minutes.items[0]!.agendaItemId;
      const draft = {
        revision: 0,
        items: [{ agendaItemId, notes: 'Välkomna.', decision: 'Dagordningen fastställdes.' }],
        attendance: [],
        actions: [],
      };
      expect((await fetch(route, { method: 'PUT', headers: { ...chair, ...json }, body: JSON.stringify(draft) })).status).toBe(200);
      for (const who of [chair, other]) {
        const approved = await fetch(`${route}/approve`, {
          method: 'POST',
          headers: { ...who, ...json },
          body: JSON.stringify({ revision: 1 }),
        });
        expect(approved.status).toBe(200);
      }
      const published = await fetch(`${route}/publish`, {
        method: 'POST',
        headers: { ...chair, ...json },
        body: JSON.stringify({ revision: 1 }),
      });
      expect(published.status).toBe(200);

      const before = playground.replies.length;
      await playground.waitForReplies(before + 1, 30_000);
      const card = playground.replies.find(
        (r) => r.conversationId === playground.chatId && JSON.stringify(r.attachments).includes('Minnesanteckningar publicerade'),
      );
      expect(card).toBeDefined();
      const reported = await playground.execute(card!.messageId, 'minutes.report', { meetingId: held.id });
      expect(JSON.stringify(reported)).toContain('Du återrapporterade');

      const page = await (await fetch(`http://127.0.0.1:${graphPort}/`)).text();
      expect(page).toContain('Minnesanteckningar/');
      expect(page).toContain('Minnesanteckningar: ');
    } finally {
      playground.close();
    }
  });

  it('stops the service and the Playground together on Ctrl-C', async () => {
    const exited = new Promise<number | null>((resolve) => start.once('exit', (code) => resolve(code)));
    start.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(await answersNow(`${appUrl}/healthz`)).toBe(false);
    expect(await answersNow(`${playgroundUrl}/_debug/ping`)).toBe(false);
  }, 30_000);
});
