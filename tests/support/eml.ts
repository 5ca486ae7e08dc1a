/** The HTML body of an .eml the Graph stand-in wrote (base64 inside multipart), decoded for assertions. */
export function htmlOfEml(eml: string): string {
  const match = /Content-Type: text\/html; charset=utf-8\r?\nContent-Transfer-Encoding: base64\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(eml);
  if (!match?.[1]) throw new Error('no base64 text/html part in the .eml');
  return Buffer.from(match[1].replace(/\s+/g, ''), 'base64').toString('utf8');
}
