import {
  boundQuote,
  checkTipDraft,
  firstHttpsUrl,
  isHttpsUrl,
  mayDismiss,
  mayMakeProposal,
  proposalTextFromTip,
  TIP_LIMITS,
} from '../../../bot/src/domain/tip';

const draft = (over: Partial<{ url: string; comment: string; quote: string | null }> = {}) => ({
  url: '',
  comment: '',
  quote: null,
  ...over,
});

describe('a tip', () => {
  it('takes https links only, without credentials', () => {
    expect(isHttpsUrl('https://www.naturvardsverket.se/miljomal')).toBe(true);
    for (const bad of [
      'http://example.org',
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'ftp://example.org',
      'https://user:secret@example.org/',
      'https:///nohost',
      'https:\\\\evil.example',
      'HTTPS://example.org',
      'https://exa mple.org',
      'www.example.org',
      '//example.org',
    ])
      expect([bad, isHttpsUrl(bad)]).toEqual([bad, false]);
    expect(checkTipDraft(draft({ url: 'http://example.org' }))).toEqual({ ok: false, errors: { url: 'not-https' } });
    expect(checkTipDraft(draft({ url: ' https://example.org/a ' }))).toEqual({
      ok: true,
      tip: { url: 'https://example.org/a', comment: '', quote: null },
    });
  });

  it('must say something: a link, a comment or a message passed on', () => {
    expect(checkTipDraft(draft({ comment: '   ' }))).toEqual({ ok: false, errors: { comment: 'required' } });
    expect(checkTipDraft(draft({ comment: 'Läs detta' })).ok).toBe(true);
    expect(checkTipDraft(draft({ quote: 'Ett meddelande' })).ok).toBe(true);
  });

  it('limits the comment and the link, counted in characters as a person sees them', () => {
    const emoji = '🌍'; // two UTF-16 units, one character
    expect(checkTipDraft(draft({ comment: emoji.repeat(TIP_LIMITS.commentMax) })).ok).toBe(true);
    expect(checkTipDraft(draft({ comment: 'x'.repeat(TIP_LIMITS.commentMax + 1) }))).toEqual({
      ok: false,
      errors: { comment: 'too-long' },
    });
    const longUrl = `https://example.org/${'a'.repeat(TIP_LIMITS.urlMax)}`;
    expect(checkTipDraft(draft({ url: longUrl, comment: 'x' }))).toEqual({ ok: false, errors: { url: 'too-long' } });
  });

  it('cuts a long message passed on instead of refusing it, and folds its whitespace', () => {
    const quote = boundQuote(`${'ord '.repeat(1000)}slut`)!;
    expect([...quote]).toHaveLength(TIP_LIMITS.quoteMax);
    expect(quote.endsWith('…')).toBe(true);
    expect(boundQuote('  rad ett\n\n rad  två ')).toBe('rad ett rad två');
    expect(boundQuote(' \n ')).toBeNull();
  });

  it("finds a message's first https link to fill in the form", () => {
    expect(firstHttpsUrl('Se http://a.example och https://b.example/x?y=1, bra!')).toBe('https://b.example/x?y=1');
    expect(firstHttpsUrl('(https://c.example/sida).')).toBe('https://c.example/sida');
    expect(firstHttpsUrl('ingen länk här')).toBeNull();
  });

  it('may become a proposal while new, by any member; only strategists dismiss it, and only while new', () => {
    expect(mayMakeProposal({ status: 'new' })).toBe(true);
    expect(mayMakeProposal({ status: 'proposed' })).toBe(false);
    expect(mayMakeProposal({ status: 'dismissed' })).toBe(false);
    expect(mayDismiss({ status: 'new' }, 'strategist')).toBe(true);
    for (const role of ['delegate', 'substitute', 'guest'] as const) expect(mayDismiss({ status: 'new' }, role)).toBe(false);
    expect(mayDismiss({ status: 'proposed' }, 'strategist')).toBe(false);
    expect(mayDismiss({ status: 'dismissed' }, 'strategist')).toBe(false);
  });

  it("starts a proposal's text from the comment, the link and the message", () => {
    expect(proposalTextFromTip({ url: 'https://x.example', comment: 'Ny rapport om dagvatten\nmer text', quote: 'Citat' })).toEqual({
      title: 'Ny rapport om dagvatten',
      description: 'Ny rapport om dagvatten\nmer text\n\nhttps://x.example\n\n”Citat”',
    });
    expect(proposalTextFromTip({ url: 'https://x.example', comment: '', quote: null }).title).toBe('https://x.example');
    expect([...proposalTextFromTip({ url: null, comment: 'x'.repeat(300), quote: null }).title]).toHaveLength(80);
  });
});
