/**
 * Text that came from people (names, titles, places) goes into cards as literal text. TextBlocks
 * render a markdown subset, so the characters that start markup — emphasis, links, code — are
 * escaped, and a leading list or heading marker is defused with a zero-width space. Other
 * punctuation is left alone on purpose: Teams mobile has shown backslash escapes literally
 * (microsoft/AdaptiveCards#5590), so we escape only where markup would otherwise happen: a `<`
 * only where it opens a tag, a Teams `<at>` mention or an autolink (`<https://…>`), a `&` only
 * where it starts a character reference (which markdown would decode: `&#91;` shows as `[`).
 * Teams replaces `{{DATE(…)}}` and `{{TIME(…)}}` in a TextBlock with a date of its own, so every
 * `{{` gets a zero-width space between its braces. Line breaks (and Unicode's line and paragraph
 * separators) are folded, so no one can fake a paragraph or list in someone else's card.
 */
export function escapeCardText(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/([\\*_[\]`~])/g, '\\$1')
    .replace(/<(?=[A-Za-z/!?]|[^\s<>@]+@[^\s<>]+>)/g, '\\<')
    .replace(/&(?=#\d{1,7};|#[xX][\dA-Fa-f]{1,6};|[A-Za-z][A-Za-z\d]{1,31};)/g, '\\&')
    .replace(/\{(?=\{)/g, '{\u200B')
    .replace(/^(\s*)([-+>#]|\d+[.)])/, '$1\u200B$2')
    .replace(/^(?=[ \t]{4})/, '\u200B');
}
