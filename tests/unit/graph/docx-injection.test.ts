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

// ---------------------------------------------------------------------------------------------
// A strict reader of XML 1.0 (no DTD: OOXML parts have none)

interface XmlRead {
  /** Each element as its name and its attributes' names, e.g. `w:t[xml:space]`. */
  elements: string[];
  /** The text of each `w:t` and of `dc:title`, references decoded. */
  texts: { element: string; text: string }[];
}

const NAME = /^[A-Za-z_:][-\w:.]*/;
const isXmlChar = (cp: number) =>
  cp === 0x9 ||
  cp === 0xa ||
  cp === 0xd ||
  (cp >= 0x20 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd) ||
  (cp >= 0x10000 && cp <= 0x10ffff);
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(text: string, where: string): string {
  if (text.includes('<')) throw new Error(`${where}: a "<" in text`);
  return text.replace(/&([^;]*);|&/g, (whole, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`${where}: a bare "&"`);
    let cp: number;
    if (/^#x[\da-fA-F]+$/.test(ref)) cp = parseInt(ref.slice(2), 16);
    else if (/^#\d+$/.test(ref)) cp = parseInt(ref.slice(1), 10);
    else if (ref in ENTITIES) return ENTITIES[ref]!;
    else throw new Error(`${where}: unknown reference ${whole}`);
    if (!isXmlChar(cp)) throw new Error(`${where}: reference ${whole} to a character XML forbids`);
    return String.fromCodePoint(cp);
  });
}

function readXml(xml: string, part: string): XmlRead {
  for (const ch of xml) {
    const cp = ch.codePointAt(0)!;
    if (!isXmlChar(cp)) throw new Error(`${part}: U+${cp.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`);
  }
  const read: XmlRead = { elements: [], texts: [] };
  const open: string[] = [];
  let roots = 0;
  let i = 0;
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) throw new Error(`${part}: unterminated XML declaration`);
    i = end + 2;
  }
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (text !== '') {
      if (open.length === 0 && text.trim() !== '') throw new Error(`${part}: text outside the root element`);
      if (text.includes(']]>')) throw new Error(`${part}: "]]>" in text`);
      const decoded = decodeXml(text, part);
      const current = open[open.length - 1];
      if (current === 'w:t' || current === 'dc:title') read.texts.push({ element: current, text: decoded });
    }
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0 || xml.slice(i + 4, end).includes('--')) throw new Error(`${part}: malformed comment`);
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', i)) {
      if (open.length === 0) throw new Error(`${part}: CDATA outside the root element`);
      const end = xml.indexOf(']]>', i);
      if (end < 0) throw new Error(`${part}: unterminated CDATA`);
      const current = open[open.length - 1];
      if (current === 'w:t' || current === 'dc:title') read.texts.push({ element: current, text: xml.slice(i + 9, end) });
      i = end + 3;
    } else if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      if (end < 0) throw new Error(`${part}: unterminated processing instruction`);
      i = end + 2;
    } else if (xml.startsWith('<!', i)) {
      throw new Error(`${part}: a declaration (<!…) where none belongs`);
    } else if (xml.startsWith('</', i)) {
      const name = NAME.exec(xml.slice(i + 2))?.[0];
      const close = /^\s*>/.exec(xml.slice(i + 2 + (name?.length ?? 0)));
      if (!name || !close) throw new Error(`${part}: malformed end tag at ${i}`);
      if (open.pop() !== name) throw new Error(`${part}: </${name}> does not close the open element`);
      i += 2 + name.length + close[0].length;
    } else {
      const name = NAME.exec(xml.slice(i + 1))?.[0];
      if (!name) throw new Error(`${part}: a "<" that starts no tag at ${i}`);
      if (open.length === 0 && (roots += 1) > 1) throw new Error(`${part}: a second root element`);
      i += 1 + name.length;
      const attributes: string[] = [];
      for (;;) {
        const space = /^\s*/.exec(xml.slice(i))![0];
        i += space.length;
        if (xml.startsWith('/>', i)) {
          i += 2;
          break;
        }
        if (xml[i] === '>') {
          i += 1;
          open.push(name);
          break;
        }
        const attr = NAME.exec(xml.slice(i))?.[0];
        if (!attr || space === '') throw new Error(`${part}: malformed attribute in <${name}> at ${i}`);
        i += attr.length;
        const value = /^\s*=\s*("[^"]*"|'[^']*')/.exec(xml.slice(i));
        if (!value) throw new Error(`${part}: attribute ${attr} of <${name}> has no quoted value`);
        decodeXml(value[1]!.slice(1, -1), `${part} ${name}@${attr}`);
        if (attributes.includes(attr)) throw new Error(`${part}: <${name}> repeats ${attr}`);
        attributes.push(attr);
        i += value[0].length;
      }
      read.elements.push(`${name}[${attributes.sort().join(',')}]`);
    }
  }
  if (open.length > 0) throw new Error(`${part}: <${open.join('>, <')}> never closed`);
  if (roots !== 1) throw new Error(`${part}: no root element`);
  return read;
}

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
