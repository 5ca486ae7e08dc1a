/** How a highlighted excerpt becomes text segments: markers only split, never reach the text. */
import { HIGHLIGHT_START as S, HIGHLIGHT_STOP as E, highlightSegments, highlightedTitle, unmarked } from '../../../bot/src/domain/search';

describe('search highlights', () => {
  it('splits an excerpt into plain and marked segments', () => {
    expect(highlightSegments(`om ${S}klimatanpassningar${E} och ${S}skog${E}`)).toEqual([
      { text: 'om ', mark: false },
      { text: 'klimatanpassningar', mark: true },
      { text: ' och ', mark: false },
      { text: 'skog', mark: true },
    ]);
    expect(highlightSegments('')).toEqual([]);
  });

  it('keeps markup as text and survives markers that do not pair up', () => {
    expect(highlightSegments(`<img src=x onerror=alert(1)>${S}träd`)).toEqual([
      { text: '<img src=x onerror=alert(1)>', mark: false },
      { text: 'träd', mark: true },
    ]);
    expect(highlightSegments(`a${E}${E}b`)).toEqual([
      { text: 'a', mark: false },
      { text: 'b', mark: false },
    ]);
    expect(unmarked(`${S}a${E}b${S}`)).toBe('ab');
  });

  it('shows a title whole: highlighted when only markers were added, as stored otherwise', () => {
    expect(highlightedTitle('Klimat och <skog>', `${S}Klimat${E} och <skog>`)).toEqual([
      { text: 'Klimat', mark: true },
      { text: ' och <skog>', mark: false },
    ]);
    // The headline function dropped the tag-like part: the stored title wins.
    expect(highlightedTitle('Klimat och <skog>', `${S}Klimat${E} och `)).toEqual([{ text: 'Klimat och <skog>', mark: false }]);
    expect(highlightedTitle('Titel', null)).toEqual([{ text: 'Titel', mark: false }]);
  });
});
