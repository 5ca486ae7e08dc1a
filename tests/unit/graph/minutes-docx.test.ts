import { strFromU8, unzipSync } from 'fflate';
import { renderMinutesDocx } from '../../../bot/src/adapters/graph/documents/minutes-docx';
import type { MinutesDocumentView } from '../../../bot/src/app/minutes-document-view';
import type { AttendancePersonView, MinutesActionView } from '../../../bot/src/app/minutes-view';
import { MINUTES_LIMITS } from '../../../bot/src/domain/minutes';

const HOSTILE = '<script>alert(1)</script> & **markdown** ${x}';
const HOSTILE_XML = '&lt;script&gt;alert(1)&lt;/script&gt; &amp; **markdown** ${x}';

function action(id: string, title: string, extra: Partial<MinutesActionView> = {}): MinutesActionView {
  return { id, agendaItemId: 'a1', title, owner: null, organisationName: null, dueDate: null, status: 'open', ...extra };
}

function person(name: string, extra: Partial<AttendancePersonView> = {}): AttendancePersonView {
  return {
    personId: name,
    name,
    role: 'delegate',
    rsvp: null,
    substituteName: null,
    presence: null,
    substituteForPersonId: null,
    substituteForName: null,
    ...extra,
  };
}

function minutes(): MinutesDocumentView {
  return {
    groupName: 'Ekologiska hållbarhetsgruppen',
    meeting: {
      id: 'm1',
      title: 'Möte 2',
      startsAt: new Date('2026-03-11T12:00:00Z'),
      durationMinutes: 120,
      place: 'Stadshuset, rum Älven',
      onlineUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
      status: 'minutes_published',
      chair: { id: 'c', name: 'Anna Lindqvist' },
    },
    version: 2,
    correctionOf: 1,
    publishedAt: new Date('2026-03-12T09:30:00Z'),
    publishedBy: { id: 'c', name: 'Anna Lindqvist' },
    items: [
      {
        position: 1,
        title: 'Mötet öppnas',
        notes: 'Ordföranden hälsade alla välkomna.\n\nEn ny delegat presenterade sig.',
        decision: '',
        actions: [],
      },
      {
        position: 2,
        title: 'Klimatanpassning',
        notes: 'Genomgång av skyfallskartan.\nFrågor om dagvatten.',
        decision: 'Gruppen ställer sig bakom förslaget.',
        actions: [
          action('x1', 'Ta fram underlag om dagvatten', {
            owner: { id: 'k', name: 'Karin Berg' },
            organisationName: 'Samhällsbyggnadsförvaltningen',
            dueDate: '2026-04-15',
            status: 'in_progress',
          }),
          action('x2', 'Boka studiebesök', { owner: { id: 'o', name: 'Olle Holm' }, dueDate: '2026-05-01', status: 'blocked' }),
        ],
      },
      { position: 3, title: HOSTILE, notes: HOSTILE, decision: `Beslut: ${HOSTILE}`, actions: [action('x3', `Åtgärd ${HOSTILE}`)] },
      { position: null, title: 'Gammal punkt', notes: 'Kvar för att den har text.', decision: '', actions: [] },
    ],
    otherActions: [action('x4', 'Uppföljning av kemikalieplanen', { agendaItemId: null, status: 'done', dueDate: '2026-02-01' })],
    attendance: [
      {
        organisation: { id: 'o1', name: 'Kommunstyrelsens förvaltning', kind: 'forvaltning' },
        people: [
          person('Anna Lindqvist', { presence: 'present', rsvp: 'yes' }),
          person('Per Nilsson', { presence: 'absent', rsvp: 'no' }),
          person('Sara Ek', { presence: 'substitute', substituteForPersonId: 'Per Nilsson', substituteForName: 'Per Nilsson' }),
        ],
      },
      { organisation: null, people: [person('Lisa Utan')] },
    ],
    nextMeeting: {
      id: 'm3',
      title: 'Möte 3',
      startsAt: new Date('2026-04-22T07:00:00Z'),
      durationMinutes: 90,
      place: 'Kulturhuset',
      onlineUrl: null,
      status: 'planned',
      chair: null,
    },
  };
}

function unpack(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const read = (path: string) => strFromU8(files[path] ?? new Uint8Array());
  const document = read('word/document.xml');
  // Each paragraph's text, still XML-escaped, line breaks as "\n": what a reader sees per paragraph.
  const paragraphs = [...document.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((p) =>
    [...(p[1] ?? '').matchAll(/<w:br\/>|<w:t(?: [^>]*)?>(.*?)<\/w:t>/g)].map((r) => (r[0] === '<w:br/>' ? '\n' : (r[1] ?? ''))).join(''),
  );
  return { files, document, paragraphs, core: read('docProps/core.xml'), styles: read('word/styles.xml') };
}

describe('minutes as a Word document', () => {
  it('holds every item, note paragraph, decision and action, under Swedish headings', async () => {
    const { paragraphs, document } = unpack(await renderMinutesDocx(minutes(), 'sv'));
    for (const text of [
      'Minnesanteckningar',
      'Ekologiska hållbarhetsgruppen',
      'Rättelse: Denna version ersätter version 1.',
      'Datum: onsdag 11 mars 2026',
      'Tid: 13:00–15:00',
      'Plats: Stadshuset, rum Älven',
      'Länk för att delta digitalt: https://teams.microsoft.com/l/meetup-join/abc',
      'Ordförande: Anna Lindqvist',
      '1. Mötet öppnas',
      'Ordföranden hälsade alla välkomna.',
      'En ny delegat presenterade sig.',
      '2. Klimatanpassning',
      'Genomgång av skyfallskartan.\nFrågor om dagvatten.',
      'Beslut:',
      'Gruppen ställer sig bakom förslaget.',
      'Åtgärder:',
      'Ta fram underlag om dagvatten – Karin Berg (Samhällsbyggnadsförvaltningen), klart senast 2026-04-15 – Pågår',
      'Gammal punkt (inte längre på dagordningen)',
      'Närvaro',
      'Kommunstyrelsens förvaltning',
      'Närvarande: Anna Lindqvist',
      'Förhinder: Per Nilsson',
      'Ersättare: Sara Ek (ersättare för Per Nilsson)',
      'Utan organisation',
      'Ej noterad: Lisa Utan',
      'Åtgärdslista',
      'Åtgärd',
      'Ansvarig',
      'Klart senast',
      'Status',
      'Boka studiebesök',
      'Olle Holm',
      '2026-05-01',
      'Hinder',
      'Övriga åtgärder',
      'Uppföljning av kemikalieplanen',
      'Klar',
      'Nästa möte',
      'Möte: Möte 3',
      'Tid: onsdag 22 april 2026, 09:00–10:30',
      'Publicerad torsdag 12 mars 2026 10:30 av Anna Lindqvist, version 2',
    ]) {
      expect(paragraphs).toContain(text);
    }
    // The notes' blank line made two paragraphs, not one with the break inside.
    expect(paragraphs).not.toContain('Ordföranden hälsade alla välkomna.\n\nEn ny delegat presenterade sig.');
    expect(document).toMatch(/<w:pStyle w:val="Heading1"\/><\/w:pPr><w:r><w:t(?: [^>]*)?>Minnesanteckningar</);
    expect(document).toMatch(/<w:pStyle w:val="Heading3"\/><\/w:pPr><w:r><w:t(?: [^>]*)?>2\. Klimatanpassning</);
    expect(document.match(/<w:tblHeader\/>/g)).toHaveLength(2); // the action list and the other actions
  });

  it('keeps hostile text as escaped text, never as markup', async () => {
    const { paragraphs, document } = unpack(await renderMinutesDocx(minutes(), 'sv'));
    expect(paragraphs).toContain(`3. ${HOSTILE_XML}`);
    expect(paragraphs).toContain(HOSTILE_XML);
    expect(paragraphs).toContain(`Beslut: ${HOSTILE_XML}`);
    expect(paragraphs).toContain(`Åtgärd ${HOSTILE_XML}`);
    expect(document).not.toContain('<script');
    expect(document).not.toMatch(/ & /);
  });

  it('dates the file by its publication, in the reader’s language, made by Arbetsrum', async () => {
    const { core, styles } = unpack(await renderMinutesDocx(minutes(), 'sv'));
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-12T09:30:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-03-12T09:30:00Z</dcterms:modified>');
    expect(core).toContain('<dc:creator>Arbetsrum</dc:creator>');
    expect(core).toContain('<dc:title>Minnesanteckningar: Möte 2 – Ekologiska hållbarhetsgruppen</dc:title>');
    expect(core).toContain('<dc:language>sv-SE</dc:language>');
    expect(styles).toContain('<w:lang w:val="sv-SE"/>');
  });

  it('says it in English for an English reader', async () => {
    const { paragraphs, core } = unpack(await renderMinutesDocx({ ...minutes(), nextMeeting: null }, 'en'));
    for (const text of [
      'Minutes',
      'Correction: This version replaces version 1.',
      'Date: Wednesday 11 March 2026',
      'Chair: Anna Lindqvist',
      'Present: Anna Lindqvist',
      'Apologies: Per Nilsson',
      'Substitutes: Sara Ek (substitute for Per Nilsson)',
      'Not noted: Lisa Utan',
      'Decision:',
      'Action list',
      'Responsible',
      'Due',
      'In progress',
      'Other action items',
      'The next meeting is not planned yet.',
      'Published Thursday 12 March 2026 10:30 by Anna Lindqvist, version 2',
    ]) {
      expect(paragraphs).toContain(text);
    }
    expect(paragraphs).not.toContain('Beslut:');
    expect(core).toContain('<dc:language>en-GB</dc:language>');
  });

  it('leaves out the correction line and the other actions when there are none', async () => {
    const view = { ...minutes(), correctionOf: null, version: 1, otherActions: [] };
    const { paragraphs, document } = unpack(await renderMinutesDocx(view, 'sv'));
    expect(paragraphs.some((p) => p.startsWith('Rättelse'))).toBe(false);
    expect(paragraphs).not.toContain('Övriga åtgärder');
    expect(document.match(/<w:tblHeader\/>/g)).toHaveLength(1);
  });

  it('renders the longest minutes the limits allow as a valid package', async () => {
    const notes = Array.from({ length: 100 }, (_, i) => `Rad ${i} ${'ö'.repeat(90)}`)
      .join('\n')
      .slice(0, MINUTES_LIMITS.notesMax);
    const actions = Array.from({ length: MINUTES_LIMITS.actionsMax }, (_, i) =>
      action(`a${i}`, `${i} ${'å'.repeat(MINUTES_LIMITS.actionTitleMax - 4)}`),
    );
    const items = Array.from({ length: MINUTES_LIMITS.itemsMax }, (_, i) => ({
      position: i + 1,
      title: `Punkt ${i + 1}`,
      notes,
      decision: 'B'.repeat(MINUTES_LIMITS.decisionMax),
      actions: actions.filter((_, a) => a % MINUTES_LIMITS.itemsMax === i),
    }));
    const people = Array.from({ length: MINUTES_LIMITS.attendanceMax }, (_, i) => person(`Person ${i}`, { presence: 'present' }));
    const view = { ...minutes(), items, attendance: [{ organisation: null, people }] };
    const bytes = await renderMinutesDocx(view, 'sv');
    const { files, paragraphs } = unpack(bytes);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'docProps/core.xml']));
    expect(paragraphs).toContain(`${MINUTES_LIMITS.itemsMax}. Punkt ${MINUTES_LIMITS.itemsMax}`);
    expect(paragraphs.filter((p) => p === notes)).toHaveLength(MINUTES_LIMITS.itemsMax);
    // Every action twice: under its item and in the action list's table.
    expect(paragraphs.filter((p) => p.startsWith(`${MINUTES_LIMITS.actionsMax - 1} å`))).toHaveLength(2);
  });
});
