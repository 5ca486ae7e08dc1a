import { escapeHtml, mailFor } from '../../../bot/src/adapters/graph/mail-bodies';
import type { KallelseNotice } from '../../../bot/src/app/ports/messenger';

const meeting = {
  id: 'm2',
  title: 'Möte 2 <script>alert(1)</script>',
  startsAt: new Date('2026-03-11T12:00:00Z'),
  durationMinutes: 120,
  place: 'Stadshuset & "Älven"',
  onlineUrl: null,
  status: 'called' as const,
  chair: { id: 'c', name: 'Anna Lindqvist' },
};

describe('mail bodies', () => {
  const kallelse: KallelseNotice = {
    kind: 'kallelse',
    audience: 'person',
    groupId: 'g',
    groupName: 'Ekologiska hållbarhetsgruppen',
    meeting,
    agenda: [
      { title: '<img src=x onerror=alert(1)>', minutes: 15, presenterName: 'Karin Berg', startsAt: new Date('2026-03-11T12:00:00Z') },
    ],
    answer: null,
  };

  it('escape everything people wrote, in the body and the subject', () => {
    const mail = mailFor(kallelse, 'sv');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.html).toContain('Stadshuset &amp; &quot;Älven&quot;');
    expect(mail.subject).toBe('Kallelse: Möte 2 <script>alert(1)</script>'); // a subject is text, not HTML
  });

  it('say what the card says, in Swedish, and why it came by mail', () => {
    const mail = mailFor(kallelse, 'sv');
    expect(mail.text).toContain('Datum: onsdag 11 mars 2026');
    expect(mail.text).toContain('13:00 <img src=x onerror=alert(1)> – Föredras av Karin Berg');
    expect(mail.text).toContain('Du får det här med e-post eftersom Arbetsrum inte når dig i Teams.');
    expect(mail.html).toContain('<html lang="sv">');
  });

  it('keep a subject on one line, whatever separators a title holds', () => {
    const mail = mailFor({ ...kallelse, meeting: { ...meeting, title: 'Möte\r\nBcc: a@evil.example\u2028X\u0085Y\u0000Z' } }, 'en');
    expect(mail.subject).toBe('Invitation: Möte Bcc: a@evil.example X Y Z');
  });

  it('escape the five HTML characters', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
