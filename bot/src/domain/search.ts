/**
 * Search (*Sök*): one box over the group's proposals, agenda items, decisions, minutes notes and
 * actions. The database finds and ranks (PostgreSQL full-text search, Swedish configuration); this
 * file holds the words for the kinds, the limits of a query, and how a highlighted excerpt is
 * carried: as plain text segments, never as markup, so no stored text can become HTML in the tab.
 */

export const SEARCH_KINDS = ['proposal', 'item', 'decision', 'minutes', 'action'] as const;
/**
 * proposal: a proposal's title and description · item: an agenda item's title · decision: the
 * decision written under an item in the minutes · minutes: the notes under an item · action: an
 * action's title.
 */
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_LIMITS = {
  queryMin: 2,
  queryMax: 200,
  /** Hits per kind: a page of results, not an export; the best ranked come first. */
  perKind: 20,
} as const;

/**
 * The database marks a highlighted term with these two control characters (STX, ETX) instead of
 * HTML tags. They are taken out of the stored text before highlighting, so every one in an
 * excerpt is a marker the database put there.
 */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_STOP = '\u0003';

/** A piece of an excerpt; `mark` when it matched the query. */
export interface TextSegment {
  text: string;
  mark: boolean;
}

/** Text with markers → segments; markers that do not pair up just end or start a segment. */
export function highlightSegments(marked: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let mark = false;
  let text = '';
  const flush = (): void => {
    if (text !== '') segments.push({ text, mark });
    text = '';
  };
  for (const char of marked) {
    if (char === HIGHLIGHT_START || char === HIGHLIGHT_STOP) {
      flush();
      mark = char === HIGHLIGHT_START;
    } else text += char;
  }
  flush();
  return segments;
}

/** The text without its markers. */
export function unmarked(marked: string): string {
  return marked.split(HIGHLIGHT_START).join('').split(HIGHLIGHT_STOP).join('');
}

/**
 * A title as the database highlighted it, or the title as stored when highlighting changed more
 * than the markers (the headline function drops what looks like an HTML tag): a title is shown
 * whole and true, highlighted or not.
 */
export function highlightedTitle(title: string, marked: string | null): TextSegment[] {
  if (marked !== null && unmarked(marked) === title) return highlightSegments(marked);
  return title === '' ? [] : [{ text: title, mark: false }];
}
