/**
 * People's text cannot break or add to a Word document. The minutes and the kallelse are rendered
 * with every string of the hostile corpus (tests/fixtures/xss-corpus.ts) in every place they put
 * people's text, one place at a time; the .docx is unzipped and every XML part read with a strict
 * well-formedness check (XML 1.0: characters, names, references, nesting, one root), and:
 *
 * - every part is well-formed (Word refuses the whole file otherwise);
 * - word/document.xml has exactly the elements and attributes of the same document built with a
 *   harmless string of the same shape (`x` for every non-space character): no run, paragraph or
 *   property came from the text;
 * - the text of the runs holds the original. Characters XML cannot carry are dropped (controls
 *   but tab, newline and return; U+FFFE and U+FFFF) and half a surrogate pair becomes U+FFFD
 *   (docx-parts.ts `xmlChars`); headings fold a title to one line; so white space and control
 *   characters are left out of the comparison;
 * - the core properties' title holds the meeting's title the same way.
 */
import { strFromU8, unzipSync } from 'fflate';
import { renderKallelseDocx } from '../../../bot/src/adapters/graph/documents/kallelse-docx';
import { renderMinutesDocx } from '../../../bot/src/adapters/graph/documents/minutes-docx';
import type { MeetingView } from '../../../bot/src/app/describe-meeting';
import type { KallelseView } from '../../../bot/src/app/kallelse-view';
import type { MinutesDocumentView } from '../../../bot/src/app/minutes-document-view';
import type { AttendancePersonView, MinutesActionView } from '../../../bot/src/app/minutes-view';
import { XSS_CORPUS } from '../../fixtures/xss-corpus';
import { readXml, type XmlRead } from '../../support/strict-xml';

interface DocxRead {
  document: XmlRead;
  core: XmlRead;
}

/** Unzips a .docx and reads every XML part strictly; throws on the first part that is not well-formed. */
function readDocx(bytes: Uint8Array): DocxRead {
  const files = unzipSync(bytes);
  const parts: Record<string, XmlRead> = {};
  for (const [name, data] of Object.entries(files)) {
    if (/\.(xml|rels)$/.test(name)) parts[name] = readXml(strFromU8(data), name);
  }
  return { document: parts['word/document.xml']!, core: parts['docProps/core.xml']! };
}

const harmless = (text: string) => text.replace(/\S/gu, 'x');
/** What a reader can compare: the printable characters, in order. */
const printable = (text: string) => text.toWellFormed().replace(/[\s\p{Cc}\uFFFE\uFFFF]/gu, '');

// ---------------------------------------------------------------------------------------------
// The two documents and every place they put people's text

const when = new Date('2026-03-11T12:00:00Z');
const meeting = (over: Partial<MeetingView> = {}): MeetingView => ({
  id: 'm1',
  title: 'Möte 2',
  startsAt: when,
  durationMinutes: 120,
  place: 'Stadshuset',
  onlineUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
  status: 'minutes_published',
  chair: { id: 'c', name: 'Anna Lindqvist' },
  ...over,
});

const person = (name: string, over: Partial<AttendancePersonView> = {}): AttendancePersonView => ({
  personId: name,
  name,
  role: 'delegate',
  rsvp: null,
  substituteName: null,
  presence: 'present',
  substituteForPersonId: null,
  substituteForName: null,
  ...over,
});

const action = (over: Partial<MinutesActionView> = {}): MinutesActionView => ({
  id: 'x1',
  agendaItemId: 'a1',
  title: 'Ta fram underlag',
  owner: { id: 'k', name: 'Karin Berg' },
  organisationName: 'Samhällsbyggnadsförvaltningen',
  dueDate: '2026-04-15',
  status: 'in_progress',
  ...over,
});

/** Every place of a document gets the text, each between markers of its own (`§slot§…§slot§`), so each can be found. */
type Fill = (slot: string) => string;

const minutes = (fill: Fill): MinutesDocumentView => ({
  groupName: fill('group'),
  meeting: meeting({ title: fill('meeting'), place: fill('place'), onlineUrl: fill('online'), chair: { id: 'c', name: fill('chair') } }),
  version: 2,
  correctionOf: 1,
  publishedAt: when,
  publishedBy: { id: 'c', name: fill('publishedBy') },
  items: [
    {
      position: 1,
      title: fill('item'),
      notes: fill('notes'),
      decision: fill('decision'),
      actions: [action({ title: fill('action'), owner: { id: 'k', name: fill('owner') }, organisationName: fill('actionOrganisation') })],
    },
    { position: null, title: fill('offAgendaItem'), notes: 'Kvar.', decision: '', actions: [] },
  ],
  otherActions: [action({ id: 'x2', agendaItemId: null, title: fill('otherAction'), organisationName: null })],
  attendance: [
    {
      organisation: { id: 'o1', name: fill('organisation'), kind: 'forvaltning' },
      people: [
        person(fill('present')),
        person(fill('substitute'), { presence: 'substitute', substituteForPersonId: 'p', substituteForName: fill('substituteFor') }),
        person(fill('notNoted'), { presence: null }),
      ],
    },
  ],
  nextMeeting: meeting({ id: 'm2', title: fill('nextMeeting'), place: fill('nextPlace'), status: 'planned' }),
});

const kallelse = (fill: Fill): KallelseView => ({
  groupId: 'g',
  groupName: fill('group'),
  meeting: meeting({
    title: fill('meeting'),
    place: fill('place'),
    onlineUrl: fill('online'),
    chair: { id: 'c', name: fill('chair') },
    status: 'called',
  }),
  agenda: [
    { title: fill('item'), minutes: 10, presenterName: fill('presenter'), startsAt: when },
    { title: 'Övrigt', minutes: 10, presenterName: null, startsAt: when },
  ],
  answer: null,
});

const documents: { name: string; slots: string[]; inTitle: string[]; build: (fill: Fill) => Promise<Uint8Array> }[] = [
  {
    name: 'the minutes',
    slots: [
      'group',
      'meeting',
      'place',
      'online',
      'chair',
      'publishedBy',
      'item',
      'notes',
      'decision',
      'action',
      'owner',
      'actionOrganisation',
      'offAgendaItem',
      'otherAction',
      'organisation',
      'present',
      'substitute',
      'substituteFor',
      'notNoted',
      'nextMeeting',
      'nextPlace',
    ],
    inTitle: ['group', 'meeting'],
    build: (fill) => renderMinutesDocx(minutes(fill), 'sv'),
  },
  {
    name: 'the kallelse',
    slots: ['group', 'meeting', 'place', 'online', 'chair', 'item', 'presenter'],
    inTitle: ['group', 'meeting'],
    build: (fill) => renderKallelseDocx(kallelse(fill), 'en'),
  },
];

const marked = (slot: string, text: string) => `§${slot}§${text}§${slot}§`;

/**
 * The document with harmless text of the same shape. Its elements depend only on where the text
 * has line breaks and blank lines, so texts of one shape share one (rendering is what takes time):
 * words and the spaces or tabs between them fold to one `x`, other white space stays as it is.
 */
const baselines = new Map<string, Promise<DocxRead>>();
function baselineOf(doc: (typeof documents)[number], text: string): Promise<DocxRead> {
  const shape = harmless(text).replace(/x+(?:[ \t]+x+)*/g, 'x');
  const key = `${doc.name}\u0000${shape}`;
  let baseline = baselines.get(key);
  if (!baseline) {
    baseline = doc.build((slot) => harmless(marked(slot, shape))).then(readDocx);
    baselines.set(key, baseline);
  }
  return baseline;
}

async function problemsOf(doc: (typeof documents)[number], text: string): Promise<string[]> {
  const problems: string[] = [];
  let read: DocxRead;
  try {
    read = readDocx(await doc.build((slot) => marked(slot, text)));
  } catch (error) {
    return [(error as Error).message];
  }
  const baseline = await baselineOf(doc, text);
  if (JSON.stringify([...read.document.elements].sort()) !== JSON.stringify([...baseline.document.elements].sort())) {
    const extra = read.document.elements.filter((e) => !baseline.document.elements.includes(e));
    problems.push(`elements differ from the document's own (new: ${JSON.stringify(extra)})`);
  }
  const runs = printable(read.document.texts.map((t) => t.text).join(''));
  for (const slot of doc.slots) {
    if (!runs.includes(printable(marked(slot, text)))) problems.push(`${slot}: the runs do not hold the text`);
  }
  const title = printable(read.core.texts.map((t) => t.text).join(''));
  for (const slot of doc.inTitle) {
    if (!title.includes(printable(marked(slot, text)))) problems.push(`${slot}: the document's title does not hold the text`);
  }
  return problems;
}

describe.each(documents)('$name', (doc) => {
  it.each(XSS_CORPUS.map((entry) => [entry.id, entry.text]))(
    '%s: well-formed XML, no element from the text, the text in every place',
    async (_id, text) => {
      expect(await problemsOf(doc, text)).toEqual([]);
    },
  );
});

describe('the XML reader the checks rely on', () => {
  it.each([
    ['a control character', '<a>x\u0001</a>'],
    ['a non-character', '<a>\uFFFE</a>'],
    ['a bare ampersand', '<a>Bygg & Miljö</a>'],
    ['a reference to a forbidden character', '<a>&#0;</a>'],
    ['"]]>" in text', '<a>]]></a>'],
    ['a stray "<"', '<a>1 < 2</a>'],
    ['crossed elements', '<a><b></a></b>'],
    ['an unclosed element', '<a><b></b>'],
    ['two roots', '<a/><b/>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['a repeated attribute', '<a x="1" x="2"/>'],
  ])('refuses %s', (_what, xml) => {
    expect(() => readXml(xml, 'test')).toThrow();
  });

  it('reads a well-formed part', () => {
    const read = readXml(
      '<?xml version="1.0"?><w:p a="&amp;"><w:r><w:t xml:space="preserve">a &lt;b&gt; &#x263A;</w:t></w:r><!-- c --></w:p>',
      't',
    );
    expect(read.elements).toEqual(['w:p[a]', 'w:r[]', 'w:t[xml:space]']);
    expect(read.texts).toEqual([{ element: 'w:t', text: 'a <b> \u263A' }]);
  });
});
