/**
 * Who is calling the tab API. In local mode: a dev sign-in token. In production mode: the Entra
 * token Teams SSO hands the tab (entra-authenticator.ts). `refuseAllAuthenticator` is for a server
 * that must trust no one (tests of production's other doors).
 */
import type { Request } from 'restify';
import type { DevTokens, SessionIdentity } from './dev-token';

export interface Authenticator {
  authenticate(req: Request): Promise<SessionIdentity | null>;
}

function bearer(req: Request): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]{1,4096})$/.exec(header);
  return match?.[1] ?? null;
}

export function devTokenAuthenticator(tokens: DevTokens): Authenticator {
  return {
    authenticate: async (req) => {
      const token = bearer(req);
      return token ? tokens.verify(token) : null;
    },
  };
}

export const refuseAllAuthenticator: Authenticator = {
  authenticate: async () => null,
};
