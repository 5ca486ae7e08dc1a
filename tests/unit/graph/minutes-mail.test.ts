import { minutesMail } from '../../../bot/src/adapters/graph/minutes-mail';
import type { MinutesDocumentView } from '../../../bot/src/app/minutes-document-view';

const HOSTILE = '<script>alert(1)</script> & "x" **markdown** ${x}';
const HOSTILE_HTML = '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; **markdown** ${x}';
const LIBRARY = 'https://kommun.sharepoint.com/sites/miljo/Delade%20dokument/Minnesanteckningar/2026-03-11.docx';
const links = { documentUrl: LIBRARY, documentName: 'Minnesanteckningar 2026-03-11 Möte 2.docx' };

function minutes(overrides: Partial<MinutesDocumentView> = {}): MinutesDocumentView {
  return {
    groupName: 'Ekologiska hållbarhetsgruppen',
    meeting: {
      id: 'm1',
      title: 'Möte 2',
      startsAt: new Date('2026-03-11T12:00:00Z'),
      durationMinutes: 120,
      place: 'Stadshuset',
      onlineUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
      status: 'minutes_published',
      chair: { id: 'c', name: 'Anna Lindqvist' },
    },
    version: 1,
    correctionOf: null,
    publishedAt: new Date('2026-03-12T09:30:00Z'),
    publishedBy: { id: 'c', name: 'Anna Lindqvist' },
    items: [
      { position: 1, title: 'Mötet öppnas', notes: 'Välkomna.', decision: '', actions: [] },
      {
        position: 2,
        title: 'Klimatanpassning',
        notes: 'Genomgång.',
        decision: 'Gruppen ställer sig bakom förslaget.\nUnderlaget skickas ut.',
        actions: [
          {
            id: 'x1',
            agendaItemId: 'a2',
            title: 'Ta fram underlag om dagvatten',
            owner: { id: 'k', name: 'Karin Berg' },
            organisationName: 'Samhällsbyggnadsförvaltningen',
            dueDate: '2026-04-15',
            status: 'in_progress',
          },
        ],
      },
      {
        position: 3,
        title: HOSTILE,
        notes: '',
        decision: HOSTILE,
        actions: [{ id: 'x2', agendaItemId: 'a3', title: HOSTILE, owner: null, organisationName: null, dueDate: null, status: 'open' }],
      },
    ],
    otherActions: [],
    attendance: [],
    nextMeeting: null,
    ...overrides,
  };
}

describe('the minutes mail', () => {
  it('has a one-line subject with the meeting and its date, and "Rättelse" for a correction', () => {
    expect(minutesMail(minutes(), links, 'sv').subject).toBe('Minnesanteckningar: Möte 2 2026-03-11');
    expect(minutesMail(minutes({ version: 2, correctionOf: 1 }), links, 'sv').subject).toBe(
      'Rättelse: Minnesanteckningar: Möte 2 2026-03-11',
    );
    expect(minutesMail(minutes({ version: 2, correctionOf: 1 }), links, 'en').subject).toBe('Correction: Minutes: Möte 2 2026-03-11');
    const meeting = { ...minutes().meeting, title: 'Möte\r\n2' };
    expect(minutesMail(minutes({ meeting }), links, 'sv').subject).toBe('Minnesanteckningar: Möte 2 2026-03-11');
  });

  it('says in the body which version it corrects', () => {
    const mail = minutesMail(minutes({ version: 2, correctionOf: 1 }), links, 'sv');
    expect(mail.html).toContain('Rättelse: Denna version ersätter version 1.');
    expect(mail.text).toContain('Rättelse: Denna version ersätter version 1.');
    expect(mail.text).toContain('version 2');
  });

  it('escapes everything people wrote in the HTML', () => {
    const { html } = minutesMail(minutes(), links, 'sv');
    expect(html).not.toContain('<script');
    expect(html).toContain(`<h3 style="font-size:14px;margin-bottom:2px">3. ${HOSTILE_HTML}</h3>`);
    expect(html).toContain(`<p style="margin:4px 0">${HOSTILE_HTML}</p>`);
    expect(html).toContain(`<td style="border:1px solid #8a8a8a;padding:4px 8px;text-align:left;vertical-align:top">${HOSTILE_HTML}</td>`);
    const group = minutesMail(minutes({ groupName: HOSTILE }), links, 'sv');
    expect(group.html).toContain(HOSTILE_HTML);
    expect(group.html).not.toContain('<script');
  });

  it('is a Swedish HTML page with the meeting, the decisions and the action list as a table with column headers', () => {
    const { html } = minutesMail(minutes(), links, 'sv');
    expect(html).toMatch(/^<!doctype html><html lang="sv">/);
    expect(html).toContain('<h1 style="font-size:20px">Minnesanteckningar: Möte 2</h1>');
    expect(html).toContain('onsdag 11 mars 2026');
    expect(html).toContain('13:00–15:00');
    expect(html).toContain('Gruppen ställer sig bakom förslaget.<br>Underlaget skickas ut.');
    for (const header of ['Åtgärd', 'Ansvarig', 'Klart senast', 'Status']) {
      expect(html).toMatch(new RegExp(`<th scope="col"[^>]*>${header}</th>`));
    }
    expect(html).toContain('>Karin Berg (Samhällsbyggnadsförvaltningen)</td>');
    expect(html).toContain('>2026-04-15</td>');
    expect(html).toContain('>Pågår</td>');
    expect(html).not.toContain('Mötet öppnas'); // no decision, so not among the decisions
    expect(html).toContain('Minnesanteckningarna finns också som bifogat Word-dokument: Minnesanteckningar 2026-03-11 Möte 2.docx');
    expect(html).toContain('Publicerad torsdag 12 mars 2026 10:30 av Anna Lindqvist, version 1');
    expect(html).not.toMatch(/<(?:script|style|link|img)\b/);
  });

  it('links to the document and the online meeting only when they are web addresses', () => {
    const good = minutesMail(minutes(), links, 'sv').html;
    expect(good).toContain(`<a href="${LIBRARY}">Öppna minnesanteckningarna i gruppens gemensamma arbetsrum</a>`);
    expect(good).toContain('<a href="https://teams.microsoft.com/l/meetup-join/abc">');

    const meeting = { ...minutes().meeting, onlineUrl: 'javascript:alert(1)' };
    for (const documentUrl of ['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'not a url']) {
      const bad = minutesMail(minutes({ meeting }), { ...links, documentUrl }, 'sv').html;
      expect(bad).not.toContain('href=');
      expect(bad).not.toContain('<script');
      expect(bad).toContain('javascript:alert(1)'); // shown as text, so a reader sees what was given
    }

    const none = minutesMail(minutes(), { ...links, documentUrl: null }, 'sv');
    expect(none.html).not.toContain('dokumentbibliotek');
    expect(none.text).not.toContain('dokumentbibliotek');
    expect(none.html).toContain('bifogat Word-dokument');
  });

  it('has a plain-text body with the same content', () => {
    const { text } = minutesMail(minutes(), links, 'sv');
    expect(text.split('\n')).toEqual(
      expect.arrayContaining([
        'Minnesanteckningar: Möte 2',
        'Minnesanteckningarna från mötet i Ekologiska hållbarhetsgruppen är publicerade.',
        'Datum: onsdag 11 mars 2026',
        'Tid: 13:00–15:00',
        'Plats: Stadshuset',
        'Ordförande: Anna Lindqvist',
        `Öppna minnesanteckningarna i gruppens gemensamma arbetsrum: ${LIBRARY}`,
        '2. Klimatanpassning',
        'Gruppen ställer sig bakom förslaget.',
        '- Ta fram underlag om dagvatten – Karin Berg (Samhällsbyggnadsförvaltningen), klart senast 2026-04-15 – Pågår',
        `- ${HOSTILE} – Ingen ansvarig – Ej påbörjad`,
        'Publicerad torsdag 12 mars 2026 10:30 av Anna Lindqvist, version 1',
      ]),
    );
    expect(text).not.toContain('&lt;');
  });

  it('says so when nothing was decided and there are no actions, and lists other actions apart', () => {
    const other = {
      id: 'x9',
      agendaItemId: null,
      title: 'Kemikalieplanen',
      owner: null,
      organisationName: null,
      dueDate: null,
      status: 'done' as const,
    };
    const quiet = minutes({
      items: [{ position: 1, title: 'Runda', notes: 'Alla berättade.', decision: '', actions: [] }],
      otherActions: [other],
    });
    const mail = minutesMail(quiet, links, 'en');
    expect(mail.html).toMatch(/^<!doctype html><html lang="en">/);
    expect(mail.html).toContain('No decisions were noted.');
    expect(mail.html).toContain('No action items.');
    expect(mail.html).toContain('Other action items</h2>');
    expect(mail.text).toContain('- Kemikalieplanen – No one responsible – Done');
  });
});
