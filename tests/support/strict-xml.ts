/**
 * A strict reader of XML 1.0 (no DTD: OOXML parts and our SVG have none): characters, names,
 * references, nesting, one root. Used by the document injection tests and the report's SVG and
 * .docx tests; `textOf` names the elements whose text is collected.
 */
export interface XmlRead {
  /** Each element as its name and its attributes' names, e.g. `w:t[xml:space]`. */
  elements: string[];
  /** The text of each element named in `textOf`, references decoded. */
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

export function readXml(xml: string, part: string, textOf: readonly string[] = ['w:t', 'dc:title']): XmlRead {
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
      if (current !== undefined && textOf.includes(current)) read.texts.push({ element: current, text: decoded });
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
      if (current !== undefined && textOf.includes(current)) read.texts.push({ element: current, text: xml.slice(i + 9, end) });
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
