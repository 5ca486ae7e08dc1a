/**
 * People's text cannot add markup to a mail. Every notice's mail (mail-bodies.ts) and the minutes
 * mail (minutes-mail.ts) are built with every string of the hostile corpus
 * (tests/fixtures/xss-corpus.ts) in every place they put people's text, one place at a time. The
 * HTML is read with a small tokenizer that follows HTML's rules for where a tag starts, and:
 *
 * - the elements and attributes are exactly those of the same mail built with a harmless string
 *   of the same shape (`x` for every non-space character): none came from the text;
 * - no `href` or `src` holds anything but an http(s) address (no `javascript:` or `data:`);
 * - the text a reader sees (character references decoded, white space collapsed as HTML does)
 *   holds the original;
 * - the subject is one line.
 */
import { mailFor } from '../../../bot/src/adapters/graph/mail-bodies';
import { minutesMail, type MinutesLinks } from '../../../bot/src/adapters/graph/minutes-mail';
import type { MeetingView } from '../../../bot/src/app/describe-meeting';
import type { MinutesDocumentView } from '../../../bot/src/app/minutes-document-view';
import type { MinutesActionView } from '../../../bot/src/app/minutes-view';
import type { Notice } from '../../../bot/src/app/ports/messenger';
import type { ProposalView } from '../../../bot/src/app/proposal-view';
import { XSS_CORPUS } from '../../fixtures/xss-corpus';

// ---------------------------------------------------------------------------------------------
// Reading HTML

interface HtmlRead {
  /** Each start tag as its name and its attributes' names, e.g. `a[href]`. */
  elements: string[];
  attributes: { name: string; value: string }[];
  /** Text between tags, references decoded. */
  texts: string[];
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };
const decode = (text: string) =>
  text.replace(/&(#\d+|#[xX][\da-fA-F]+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return NAMED[ref] ?? whole;
  });

/** HTML's tokenizer, as far as the question "did a tag start here?" goes (WHATWG §13.2.5). */
function readHtml(html: string): HtmlRead {
  const read: HtmlRead = { elements: [], attributes: [], texts: [] };
  let i = 0;
  let text = '';
  const flush = () => {
    if (text !== '') read.texts.push(decode(text));
    text = '';
  };
  const skipTo = (end: string) => {
    const at = html.indexOf(end, i);
    i = at < 0 ? html.length : at + end.length;
  };
  while (i < html.length) {
    const c = html[i]!;
    if (c !== '<') {
      text += c;
      i += 1;
      continue;
    }
    const next = html[i + 1] ?? '';
    if (/[A-Za-z]/.test(next)) {
      flush();
      const name = /^[^\s/>]+/.exec(html.slice(i + 1))![0].toLowerCase();
      i += 1 + name.length;
      const names: string[] = [];
      for (;;) {
        while (i < html.length && /[\s/]/.test(html[i]!)) i += 1;
        if (i >= html.length || html[i] === '>') break;
        const attr = /^[^\s/>=]+/.exec(html.slice(i))?.[0] ?? html[i]!;
        i += attr.length;
        let value = '';
        const eq = /^\s*=\s*/.exec(html.slice(i));
        if (eq) {
          i += eq[0].length;
          const quote = html[i];
          if (quote === '"' || quote === "'") {
            const end = html.indexOf(quote, i + 1);
            value = html.slice(i + 1, end < 0 ? html.length : end);
            i = end < 0 ? html.length : end + 1;
          } else {
            value = /^[^\s>]*/.exec(html.slice(i))![0];
            i += value.length;
          }
        }
        names.push(attr.toLowerCase());
        read.attributes.push({ name: attr.toLowerCase(), value: decode(value) });
      }
      i += 1;
      read.elements.push(`${name}[${names.sort().join(',')}]`);
      // Raw text: nothing inside is a tag, up to the matching end tag.
      if (['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript'].includes(name)) {
        const end = html.toLowerCase().indexOf(`</${name}`, i);
        read.texts.push(html.slice(i, end < 0 ? html.length : end));
        i = end < 0 ? html.length : end;
      }
    } else if (next === '/' && /[A-Za-z]/.test(html[i + 2] ?? '')) {
      flush();
      skipTo('>');
    } else if (html.startsWith('<!--', i)) {
      flush();
      read.elements.push('#comment');
      skipTo('-->');
    } else if (next === '!' || next === '?') {
      flush();
      read.elements.push(html.slice(i, i + 9).toLowerCase() === '<!doctype' ? '#doctype' : '#bogus-comment');
      skipTo('>');
    } else {
      text += c;
      i += 1;
    }
  }
  flush();
  return read;
}

const harmless = (text: string) => text.replace(/\S/gu, 'x');
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
const shownText = (read: HtmlRead) => collapse(read.texts.join(' '));

// ---------------------------------------------------------------------------------------------
// Every mail and every place it puts people's text

const when = new Date('2026-03-11T12:00:00Z');
const meeting = (over: Partial<MeetingView> = {}): MeetingView => ({
  id: 'm1',
  title: 'Möte 2',
  startsAt: when,
  durationMinutes: 120,
  place: 'Stadshuset',
  onlineUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
  status: 'called',
  chair: { id: 'c', name: 'Anna Lindqvist' },
  ...over,
});

const proposal = (over: Partial<ProposalView> = {}): ProposalView => ({
  id: 'p1',
  groupId: 'g',
  title: 'Cykelvänlig skolväg',
  description: 'Beskrivning',
  kind: 'diskussion',
  status: 'declined',
  minutesNeeded: 20,
  organisationName: 'Utbildningsförvaltningen',
  proposerName: 'Sara Nilsson',
  goals: [],
  meeting: meeting(),
  missedMeeting: null,
  lastDayToChange: null,
  mayChange: false,
  decisionNote: 'Tas upp i kostgruppen',
  createdAt: when,
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

const minutes = (
  over: Partial<MinutesDocumentView> = {},
  item: { title?: string; decision?: string; action?: Partial<MinutesActionView> } = {},
) =>
  ({
    groupName: 'Ekologiska hållbarhetsgruppen',
    meeting: meeting({ status: 'minutes_published' }),
    version: 1,
    correctionOf: null,
    publishedAt: when,
    publishedBy: { id: 'c', name: 'Anna Lindqvist' },
    items: [
      {
        position: 1,
        title: item.title ?? 'Klimatanpassning',
        notes: 'Anteckningar',
        decision: item.decision ?? 'Gruppen ställer sig bakom förslaget.',
        actions: [action(item.action)],
      },
    ],
    otherActions: [],
    attendance: [],
    nextMeeting: null,
    ...over,
  }) satisfies MinutesDocumentView;

const links: MinutesLinks = {
  documentUrl: 'https://kommun.sharepoint.com/sites/g/Minnesanteckningar.docx',
  documentName: 'Minnesanteckningar.docx',
};

type Mail = { subject: string; html: string };
type Where = 'text' | 'url';
const places: { name: string; where: Where; build: (text: string) => Mail }[] = [
  ...(['meeting title', 'place', 'group'] as const).map((slot) => ({
    name: `call for proposals: ${slot}`,
    where: 'text' as const,
    build: (t: string) =>
      mailFor(
        {
          kind: 'call-for-proposals',
          audience: 'person',
          groupId: 'g',
          groupName: slot === 'group' ? t : 'Ekologiska hållbarhetsgruppen',
          meeting: meeting({ title: slot === 'meeting title' ? t : 'Möte 2', place: slot === 'place' ? t : 'Stadshuset' }),
          lastDayToPropose: when,
        },
        'sv',
      ),
  })),
  ...(['meeting title', 'place', 'chair', 'agenda item', 'presenter'] as const).map((slot) => ({
    name: `kallelse: ${slot}`,
    where: 'text' as const,
    build: (t: string) =>
      mailFor(
        {
          kind: 'kallelse',
          audience: 'person',
          reminder: slot === 'place',
          groupId: 'g',
          groupName: 'Ekologiska hållbarhetsgruppen',
          meeting: meeting({
            title: slot === 'meeting title' ? t : 'Möte 2',
            place: slot === 'place' ? t : 'Stadshuset',
            chair: { id: 'c', name: slot === 'chair' ? t : 'Anna Lindqvist' },
          }),
          agenda: [
            {
              title: slot === 'agenda item' ? t : 'Mötet öppnas',
              minutes: 10,
              presenterName: slot === 'presenter' ? t : 'Karin Berg',
              startsAt: when,
            },
          ],
          answer: null,
        },
        'sv',
      ),
  })),
  ...(['title', 'meeting title', 'decision note'] as const).map((slot) => ({
    name: `proposal decided: ${slot}`,
    where: 'text' as const,
    build: (t: string) =>
      mailFor(
        {
          kind: 'proposal-decided',
          proposal: proposal({
            title: slot === 'title' ? t : 'Cykelvänlig skolväg',
            meeting: meeting({ title: slot === 'meeting title' ? t : 'Möte 2' }),
            decisionNote: slot === 'decision note' ? t : 'Tas upp i kostgruppen',
          }),
        },
        'en',
      ),
  })),
  ...(['meeting title', 'group'] as const).map((slot) => ({
    name: `minutes published: ${slot}`,
    where: 'text' as const,
    build: (t: string) =>
      mailFor(
        {
          kind: 'minutes-published',
          audience: 'person',
          groupName: slot === 'group' ? t : 'Ekologiska hållbarhetsgruppen',
          meeting: meeting({ title: slot === 'meeting title' ? t : 'Möte 2' }),
          version: 2,
          correctionOf: slot === 'group' ? null : 1,
          documentUrl: links.documentUrl,
          canReport: true,
          reportedAt: null,
        },
        'sv',
      ),
  })),
  {
    name: 'minutes published: document address',
    where: 'text',
    build: (t) =>
      mailFor(
        {
          kind: 'minutes-published',
          audience: 'person',
          groupName: 'G',
          meeting: meeting(),
          version: 1,
          correctionOf: null,
          documentUrl: t,
          canReport: false,
          reportedAt: null,
        },
        'sv',
      ),
  },
  ...(['action', 'deciding meeting', 'follow-up meeting'] as const).map((slot) => ({
    name: `action status: ${slot}`,
    where: 'text' as const,
    build: (t: string) =>
      mailFor(
        {
          kind: 'action-status',
          reason: 'request',
          groupName: 'G',
          action: { id: 'a', title: slot === 'action' ? t : 'Åtgärd', dueDate: '2026-04-30', status: 'open' },
          decidedAt: { title: slot === 'deciding meeting' ? t : 'Möte 1', startsAt: when },
          forMeeting: { id: 'm', title: slot === 'follow-up meeting' ? t : 'Möte 4', startsAt: when },
          answer: null,
        },
        'sv',
      ),
  })),
  ...(['meeting title', 'name', 'substitute', 'unrepresented'] as const).map((slot) => ({
    name: `chair's summary: ${slot}`,
    where: 'text' as const,
    build: (t: string) =>
      mailFor(
        {
          kind: 'attendance-summary',
          groupName: 'G',
          meeting: meeting({ title: slot === 'meeting title' ? t : 'Möte 2' }),
          overview: {
            answers: [
              { personId: 'p1', name: slot === 'name' ? t : 'Karin', organisationName: null, rsvp: 'yes', substituteName: null },
              {
                personId: 'p2',
                name: 'Olle',
                organisationName: null,
                rsvp: 'substitute',
                substituteName: slot === 'substitute' ? t : 'Eva',
              },
            ],
            unrepresented: [slot === 'unrepresented' ? t : 'Omsorgsförvaltningen'],
          },
        } satisfies Notice,
        'en',
      ),
  })),
  { name: 'minutes mail: group', where: 'text', build: (t) => minutesMail(minutes({ groupName: t }), links, 'sv') },
  {
    name: 'minutes mail: meeting title',
    where: 'text',
    build: (t) => minutesMail(minutes({ meeting: meeting({ title: t }) }), links, 'sv'),
  },
  {
    name: 'minutes mail (correction): meeting title',
    where: 'text',
    build: (t) => minutesMail(minutes({ correctionOf: 1, meeting: meeting({ title: t }) }), links, 'en'),
  },
  { name: 'minutes mail: place', where: 'text', build: (t) => minutesMail(minutes({ meeting: meeting({ place: t }) }), links, 'sv') },
  {
    name: 'minutes mail: chair',
    where: 'text',
    build: (t) => minutesMail(minutes({ meeting: meeting({ chair: { id: 'c', name: t } }) }), links, 'sv'),
  },
  {
    name: 'minutes mail: online link',
    where: 'url',
    build: (t) => minutesMail(minutes({ meeting: meeting({ onlineUrl: t }) }), links, 'sv'),
  },
  { name: 'minutes mail: document link', where: 'url', build: (t) => minutesMail(minutes(), { ...links, documentUrl: t }, 'sv') },
  { name: 'minutes mail: attachment name', where: 'text', build: (t) => minutesMail(minutes(), { ...links, documentName: t }, 'sv') },
  { name: 'minutes mail: item title', where: 'text', build: (t) => minutesMail(minutes({}, { title: t }), links, 'sv') },
  { name: 'minutes mail: decision', where: 'text', build: (t) => minutesMail(minutes({}, { decision: t }), links, 'sv') },
  { name: 'minutes mail: action title', where: 'text', build: (t) => minutesMail(minutes({}, { action: { title: t } }), links, 'sv') },
  {
    name: 'minutes mail: action owner',
    where: 'text',
    build: (t) => minutesMail(minutes({}, { action: { owner: { id: 'o', name: t } } }), links, 'sv'),
  },
  {
    name: 'minutes mail: action organisation',
    where: 'text',
    build: (t) => minutesMail(minutes({}, { action: { organisationName: t } }), links, 'sv'),
  },
  {
    name: 'minutes mail: other action',
    where: 'text',
    build: (t) => minutesMail(minutes({ otherActions: [action({ agendaItemId: null, title: t })] }), links, 'en'),
  },
  {
    name: 'minutes mail: published by',
    where: 'text',
    build: (t) => minutesMail(minutes({ publishedBy: { id: 'c', name: t } }), links, 'sv'),
  },
];

const isWebAddress = (value: string) => /^https?:\/\/[^\s]+$/i.test(value);

/** What is wrong with a mail builder's handling of the corpus in one place; empty when nothing. */
function problemsOf(where: Where, build: (text: string) => Mail): string[] {
  const problems: string[] = [];
  for (const { id, text } of XSS_CORPUS) {
    const mail = build(text);
    const read = readHtml(mail.html);
    const baseline = readHtml(build(harmless(text)).html);
    // A web address given for a link becomes one (an <a href>, checked below); nothing else may.
    const ours = (elements: string[]) => elements.filter((e) => !(where === 'url' && e === 'a[href]')).sort();
    if (JSON.stringify(ours(read.elements)) !== JSON.stringify(ours(baseline.elements))) {
      problems.push(`${id}: elements ${JSON.stringify(read.elements.filter((e) => !baseline.elements.includes(e)))} beyond the mail's own`);
    }
    for (const { name, value } of read.attributes) {
      if ((name === 'href' || name === 'src') && !isWebAddress(value)) problems.push(`${id}: ${name}="${value}"`);
      if (name.startsWith('on')) problems.push(`${id}: event handler ${name}`);
    }
    if (where === 'text' && !shownText(read).includes(collapse(text))) {
      problems.push(`${id}: the text shown does not hold ${JSON.stringify(collapse(text))}`);
    }
    if (/[\r\n]/.test(mail.subject)) problems.push(`${id}: the subject has a line break`);
  }
  return problems;
}

describe.each(places)('$name', ({ where, build }) => {
  it('adds no element or attribute, links only to web addresses, and shows the text as written', () => {
    expect(problemsOf(where, build)).toEqual([]);
  });
});

describe('the HTML reader the checks rely on', () => {
  it('finds tags, attributes, comments and the text between them', () => {
    const read = readHtml(
      '<!doctype html><p class="a" title=\'b\' x=y>1 &lt; 2 &amp;&#39;</p><img src=x onerror="f()"><!-- c --><script>a<b</script>z',
    );
    expect(read.elements).toEqual(['#doctype', 'p[class,title,x]', 'img[onerror,src]', '#comment', 'script[]']);
    expect(read.attributes).toContainEqual({ name: 'onerror', value: 'f()' });
    expect(read.texts).toEqual(["1 < 2 &'", 'a<b', 'z']);
  });

  it('catches a mail that puts text in unescaped, or links to whatever it is given', () => {
    const unescaped = problemsOf('text', (t) => ({ subject: t, html: `<p>${t}</p>` }));
    expect(unescaped).toEqual(expect.arrayContaining([expect.stringMatching(/^script: elements \["script\[\]"\]/)]));
    expect(unescaped).toEqual(expect.arrayContaining([expect.stringMatching(/^img-onerror: event handler onerror/)]));
    expect(unescaped).toEqual(expect.arrayContaining(['md-line-breaks: the subject has a line break']));
    const anyLink = problemsOf('url', (t) => ({ subject: '', html: `<a href="${t.replace(/[&"<>]/g, '')}">x</a>` }));
    expect(anyLink).toEqual(expect.arrayContaining([expect.stringMatching(/^javascript-url: href="javascript:/)]));
  });
});
