/**
 * Text that came from people (names, titles, places) goes into cards as literal text. TextBlocks
 * render a markdown subset, so the characters that start markup — emphasis, links, code — are
 * escaped, and a leading list or heading marker is defused with a zero-width space. Other
 * punctuation is left alone on purpose: Teams mobile has shown backslash escapes literally
 * (microsoft/AdaptiveCards#5590), so we escape only where markup would otherwise happen.
 * Line breaks are folded, so no one can fake a paragraph or list in someone else's card.
 */
export function escapeCardText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/([\\*_[\]`~])/g, '\\$1')
    .replace(/^(\s*)([-+>#]|\d+[.)])/, '$1\u200B$2');
}
