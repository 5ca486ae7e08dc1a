import { DevTokens } from '../../../bot/src/adapters/http/dev-token';

describe('dev sign-in tokens', () => {
  const who = { tenantId: 't1', personId: 'p1' };
  let now = new Date('2026-03-01T08:00:00Z');
  const tokens = new DevTokens(() => now);
  afterEach(() => (now = new Date('2026-03-01T08:00:00Z')));

  it('carry who signed in', () => {
    expect(tokens.verify(tokens.issue(who))).toEqual(who);
  });

  it('expire after eight hours', () => {
    const token = tokens.issue(who);
    now = new Date('2026-03-01T15:59:00Z');
    expect(tokens.verify(token)).toEqual(who);
    now = new Date('2026-03-01T16:00:01Z');
    expect(tokens.verify(token)).toBeNull();
  });

  it('refuse a changed payload, another key, and garbage', () => {
    const [payload, signature] = tokens.issue(who).split('.');
    const forged = Buffer.from(JSON.stringify({ t: 't1', p: 'someone-else', e: Date.parse('2030-01-01') })).toString('base64url');
    expect(tokens.verify(`${forged}.${signature}`)).toBeNull();
    expect(new DevTokens(() => now).verify(`${payload}.${signature}`)).toBeNull();
    for (const junk of ['', '.', 'a.b.c', `${payload}.`, `${payload}.${signature}x`, 'x'.repeat(5000)])
      expect(tokens.verify(junk)).toBeNull();
  });
});
