import { strFromU8, unzipSync } from 'fflate';
import { renderKallelseDocx } from '../../../bot/src/adapters/graph/documents/kallelse-docx';
import type { KallelseView } from '../../../bot/src/app/kallelse-view';
import { timeAgenda } from '../../../bot/src/domain/agenda';

const HOSTILE = '<script>alert(1)</script> & **markdown** ${x}';
const HOSTILE_XML = '&lt;script&gt;alert(1)&lt;/script&gt; &amp; **markdown** ${x}';
const startsAt = new Date('2026-03-11T12:00:00Z');

function kallelse(): KallelseView {
  return {
    groupId: 'g',
    groupName: 'Ekologiska hållbarhetsgruppen',
    meeting: {
      id: 'm1',
      title: 'Möte 2',
      startsAt,
      durationMinutes: 120,
      place: 'Stadshuset, rum Älven',
      onlineUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
      status: 'called',
      chair: { id: 'c', name: 'Anna Lindqvist' },
    },
    agenda: timeAgenda(startsAt, [
      { title: 'Mötet öppnas', minutes: 5, presenterName: 'Anna Lindqvist' },
      { title: 'Runda: aktuellt från förvaltningar och bolag', minutes: 40, presenterName: null },
      { title: HOSTILE, minutes: 25, presenterName: `Karin ${HOSTILE}` },
      { title: 'Övriga frågor', minutes: 10, presenterName: 'Olle Holm' },
    ]),
    answer: null,
  };
}

async function render(view: KallelseView, locale: 'sv' | 'en') {
  const files = unzipSync(await renderKallelseDocx(view, locale));
  const document = strFromU8(files['word/document.xml'] ?? new Uint8Array());
  const paragraphs = [...document.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((p) =>
    [...(p[1] ?? '').matchAll(/<w:t(?: [^>]*)?>(.*?)<\/w:t>/g)].map((r) => r[1] ?? '').join(''),
  );
  // The agenda table's rows, each as its cells' text.
  const rows = [...document.matchAll(/<w:tr>(.*?)<\/w:tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<w:tc>(.*?)<\/w:tc>/g)].map((c) =>
      [...(c[1] ?? '').matchAll(/<w:t(?: [^>]*)?>(.*?)<\/w:t>/g)].map((r) => r[1]).join(''),
    ),
  );
  return { files, document, paragraphs, rows, core: strFromU8(files['docProps/core.xml'] ?? new Uint8Array()) };
}

describe('the kallelse as a Word document', () => {
  it('states the meeting and the dagordning with times, presenters and minutes', async () => {
    const { paragraphs, rows, document } = await render(kallelse(), 'sv');
    for (const text of [
      'Kallelse',
      'Ekologiska hållbarhetsgruppen',
      'Möte: Möte 2',
      'Datum: onsdag 11 mars 2026',
      'Tid: 13:00–15:00',
      'Plats: Stadshuset, rum Älven',
      'Länk för att delta digitalt: https://teams.microsoft.com/l/meetup-join/abc',
      'Ordförande: Anna Lindqvist',
      'Dagordning',
    ]) {
      expect(paragraphs).toContain(text);
    }
    expect(rows).toEqual([
      ['Tid', 'Punkt', 'Föredragande', 'Minuter'],
      ['13:00', '1. Mötet öppnas', 'Anna Lindqvist', '5'],
      ['13:05', '2. Runda: aktuellt från förvaltningar och bolag', '', '40'],
      ['13:45', `3. ${HOSTILE_XML}`, `Karin ${HOSTILE_XML}`, '25'],
      ['14:10', '4. Övriga frågor', 'Olle Holm', '10'],
    ]);
    expect(document).toMatch(/<w:tr><w:trPr><w:cantSplit\/><w:tblHeader\/><\/w:trPr><w:tc>(?:(?!<\/w:tr>).)*>Tid</);
    expect(document).toMatch(/<w:pStyle w:val="Heading1"\/><\/w:pPr><w:r><w:t(?: [^>]*)?>Kallelse</);
    expect(document).toMatch(/<w:pStyle w:val="Heading2"\/><\/w:pPr><w:r><w:t(?: [^>]*)?>Dagordning</);
  });

  it('keeps hostile text as escaped text', async () => {
    const { document } = await render(kallelse(), 'sv');
    expect(document).toContain(HOSTILE_XML);
    expect(document).not.toContain('<script');
  });

  it('says it in English, and says when a meeting is cancelled or has no agenda yet', async () => {
    const view = { ...kallelse(), meeting: { ...kallelse().meeting, status: 'cancelled' as const }, agenda: [] };
    const { paragraphs, rows, core } = await render(view, 'en');
    for (const text of [
      'Notice of meeting',
      'Date: Wednesday 11 March 2026',
      'Chair: Anna Lindqvist',
      'The meeting is cancelled.',
      'Agenda',
      'The agenda is not ready yet.',
    ]) {
      expect(paragraphs).toContain(text);
    }
    expect(rows).toEqual([]);
    expect(core).toContain('<dc:title>Notice of meeting: Möte 2 – Ekologiska hållbarhetsgruppen</dc:title>');
    expect(core).toContain('<dc:language>en-GB</dc:language>');
  });

  it('is a valid package with its content types and core properties', async () => {
    const { files, core } = await render(kallelse(), 'sv');
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'docProps/core.xml']));
    expect(core).toContain('<dc:creator>Arbetsrum</dc:creator>');
    expect(core).toMatch(/<dcterms:created xsi:type="dcterms:W3CDTF">\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/dcterms:created>/);
  });
});
