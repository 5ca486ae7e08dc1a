/**
 * Headers on every answer. The tab is framed by Teams, so `frame-ancestors` names only Teams and
 * Microsoft 365 hosts (and ourselves, for local mode); scripts come only from this origin.
 */
import type { Request, Response, Next } from 'restify';

const TEAMS_FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://outlook.office.com',
  'https://*.skype.com',
];

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Fluent UI (Griffel) writes its styles at run time into <style> elements.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  // teams-js fetches its list of valid host domains from here inside Teams.
  "connect-src 'self' https://res.cdn.office.net",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  `frame-ancestors ${TEAMS_FRAME_ANCESTORS.join(' ')}`,
].join('; ');

export function securityHeaders(options: { hsts: boolean }) {
  return (_req: Request, res: Response, next: Next): void => {
    res.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.header('Cross-Origin-Opener-Policy', 'same-origin-allow-popups');
    if (options.hsts) res.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
}
