/**
 * The pieces both Word documents (minutes and kallelse) are built from: headings, text that keeps
 * its paragraphs, labelled facts, tables with a real header row, the meeting's facts, and the
 * packing with fixed core properties. Real headings and header rows are what screen readers and
 * Word's navigation use, which the accessibility law (EN 301 549) asks of a published document.
 */
import { BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { MeetingView } from '../../../app/describe-meeting';
import type { DocumentMessages } from '../../../app/i18n/document-messages';
import { formatLongDate, formatTimeSpan } from '../../../app/i18n/format';
import type { Locale } from '../../../app/i18n/locale';
import { escapeHtml, oneLine } from '../mail-bodies';

export type Block = Paragraph | Table;

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** A4 with docx's default 1440-twip margins: the width tables are laid out in. */
const TEXT_WIDTH_TWIPS = 11906 - 2 * 1440;

const LANGUAGE_TAGS: Record<Locale, string> = { sv: 'sv-SE', en: 'en-GB' };

/**
 * Text as XML 1.0 allows it. A character XML forbids makes the part malformed, and Word then
 * refuses the whole file. docx escapes `& < >` and drops C0 control characters, but passes the
 * non-characters U+FFFE and U+FFFF through (a title with one broke the document). So every
 * forbidden character is dropped here, whatever the library does: controls but tab, newline and
 * return, U+FFFE and U+FFFF; half a surrogate pair becomes U+FFFD, as a UTF-8 encoder makes it.
 */
function xmlChars(text: string): string {
  // eslint-disable-next-line no-control-regex -- dropping control characters is the point
  return text.toWellFormed().replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/** Every run of people's text is made here, so none escapes `xmlChars`. */
function run(text: string, options: { bold?: boolean; italics?: boolean; break?: number } = {}): TextRun {
  return new TextRun({ ...options, text: xmlChars(text) });
}

export function heading(text: string, level: 1 | 2 | 3): Paragraph {
  return new Paragraph({ heading: HEADINGS[level], children: [run(oneLine(text))] });
}

/** One paragraph's lines as runs, a single newline becoming a line break inside the paragraph. */
function lineRuns(text: string): TextRun[] {
  return text.split('\n').map((line, i) => run(line, { break: i > 0 ? 1 : undefined }));
}

/**
 * Text people wrote, as Word paragraphs: a blank line starts a new paragraph, a single newline is
 * a line break. The text is plain — markdown stays as typed, since the tab does not render it either.
 */
export function textBlocks(text: string): Paragraph[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((part) => part.replace(/^\n+|\n+$/g, ''))
    .filter((part) => part.trim() !== '')
    .map((part) => new Paragraph({ children: lineRuns(part) }));
}

export function plain(text: string, options: { bold?: boolean; italics?: boolean } = {}): Paragraph {
  return new Paragraph({ children: [run(text, { bold: options.bold, italics: options.italics })] });
}

/** "Label: value", the label in bold, as on the card and in the mail. */
export function labelled(label: string, value: string): Paragraph {
  return new Paragraph({ children: [run(`${label}: `, { bold: true }), run(value)] });
}

export function bullet(text: string): Paragraph {
  return new Paragraph({ bullet: { level: 0 }, children: lineRuns(text) });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '8A8A8A' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

export interface Column {
  header: string;
  /** Share of the text width, the columns together 1. */
  share: number;
}

function cell(text: string, width: number, bold: boolean): TableCell {
  const paragraphs = text.split(/\n+/).map((part) => new Paragraph({ children: [run(part, { bold: bold || undefined })] }));
  return new TableCell({ width: { size: width, type: WidthType.DXA }, children: paragraphs });
}

/** A table whose first row is marked as its header, repeated on every page the table runs over. */
export function table(columns: readonly Column[], rows: readonly (readonly string[])[]): Table {
  const widths = columns.map((c) => Math.round(c.share * TEXT_WIDTH_TWIPS));
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    borders: BORDERS,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.header, widths[i] ?? 0, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: columns.map((_, i) => cell(row[i] ?? '', widths[i] ?? 0, false)) })),
    ],
  });
}

/**
 * When, where and who chairs, as both documents state them. The online link is text, not a
 * hyperlink: the document outlives the meeting, and a printed or archived copy shows the address.
 */
export function meetingFacts(meeting: MeetingView, m: DocumentMessages, locale: Locale): Paragraph[] {
  return [
    labelled(m.meeting, meeting.title),
    labelled(m.date, formatLongDate(meeting.startsAt, locale)),
    labelled(m.time, formatTimeSpan(meeting.startsAt, meeting.durationMinutes)),
    ...(meeting.place.trim() !== '' ? [labelled(m.place, meeting.place)] : []),
    ...(meeting.onlineUrl ? [labelled(m.online, meeting.onlineUrl)] : []),
    ...(meeting.chair ? [labelled(m.chair, meeting.chair.name)] : []),
    ...(meeting.status === 'cancelled' ? [plain(m.cancelled, { bold: true })] : []),
  ];
}

const xmlText = (text: string) => escapeHtml(xmlChars(oneLine(text)));

/**
 * docx always stamps docProps/core.xml with the wall clock; the part is written here instead, so a
 * published version's file says when it was published and the same version renders the same.
 */
function coreProperties(title: string, locale: Locale, createdAt: Date): string {
  const when = createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"',
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${xmlText(title)}</dc:title>`,
    '<dc:creator>Arbetsrum</dc:creator>',
    '<cp:lastModifiedBy>Arbetsrum</cp:lastModifiedBy>',
    `<dc:language>${LANGUAGE_TAGS[locale]}</dc:language>`,
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}

// Sizes in half-points, spacing in twips: 11 pt body text with air between paragraphs, headings
// that stand apart from what they head, in a sans-serif that every Office installation has.
const FONT = 'Calibri';
const headingStyle = (size: number, before: number, after: number) => ({
  run: { font: FONT, size, bold: true, color: '1F3864' },
  paragraph: { spacing: { before, after }, keepNext: true },
});

function documentStyles(locale: Locale) {
  return {
    default: {
      // The language lets Word's spelling and a screen reader's voice read the text as Swedish.
      document: {
        run: { font: FONT, size: 22, language: { value: LANGUAGE_TAGS[locale] } },
        paragraph: { spacing: { after: 100, line: 276 } },
      },
      heading1: headingStyle(36, 0, 160),
      heading2: headingStyle(28, 320, 120),
      heading3: headingStyle(24, 200, 80),
    },
  };
}

export interface DocxOptions {
  title: string;
  locale: Locale;
  /** The document's created and modified date. */
  createdAt: Date;
  children: Block[];
}

export async function packDocx(options: DocxOptions): Promise<Uint8Array> {
  const document = new Document({
    title: oneLine(options.title),
    creator: 'Arbetsrum',
    styles: documentStyles(options.locale),
    sections: [{ children: options.children }],
  });
  return Packer.pack(document, 'uint8array', false, [
    { path: 'docProps/core.xml', data: coreProperties(options.title, options.locale, options.createdAt) },
  ]);
}
