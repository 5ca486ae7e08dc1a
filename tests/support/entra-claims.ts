/**
 * The claims of an Entra ID v2 access token as Teams SSO gets it for the tab
 * (`authentication.getAuthToken()`), valid for an hour from `now`; tests change one claim at a time.
 */
export interface EntraClaimsInput {
  tenantId: string;
  /** The app (client) id: a v2 token's `aud`. */
  appId: string;
  oid: string;
  now: Date;
  preferredUsername?: string;
}

export function entraIssuerV2(tenantId: string): string {
  return `https://login.microsoftonline.com/${tenantId}/v2.0`;
}

export function entraClaims(input: EntraClaimsInput, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const iat = Math.floor(input.now.getTime() / 1000);
  const claims: Record<string, unknown> = {
    aud: input.appId,
    iss: entraIssuerV2(input.tenantId),
    iat,
    nbf: iat,
    exp: iat + 3600,
    aio: 'test',
    azp: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', // the Teams desktop client
    azpacr: '0',
    name: 'Test Person',
    oid: input.oid,
    preferred_username: input.preferredUsername ?? 'person@kommun.example',
    rh: 'test',
    scp: 'access_as_user',
    sub: `sub-${input.oid}`,
    tid: input.tenantId,
    uti: 'test',
    ver: '2.0',
    ...overrides,
  };
  // `undefined` in the overrides removes a claim.
  return Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined));
}
