import { escapeCardText } from '../../../bot/src/adapters/teams/markdown';

describe('card text escaping', () => {
  it('leaves ordinary Swedish text as it is', () => {
    expect(escapeCardText('Möte 3 (vår): Stadshuset, sal 2. Välkomna!')).toBe('Möte 3 (vår): Stadshuset, sal 2. Välkomna!');
  });

  it('escapes emphasis, links and code', () => {
    expect(escapeCardText('**fet** _kursiv_ [länk](https://evil.example) `kod`')).toBe(
      '\\*\\*fet\\*\\* \\_kursiv\\_ \\[länk\\](https://evil.example) \\`kod\\`',
    );
  });

  it('folds line breaks and defuses a leading list or heading marker', () => {
    expect(escapeCardText('rad ett\n\n- punkt')).toBe('rad ett - punkt');
    expect(escapeCardText('# Rubrik')).toBe('\u200B# Rubrik');
    expect(escapeCardText('1. första')).toBe('\u200B1. första');
  });
});
