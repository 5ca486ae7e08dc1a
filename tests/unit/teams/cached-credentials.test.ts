/** The connector's credentials are made once per app and audience, not on every bot turn. */
import { CachedCredentialsFactory } from '../../../bot/src/adapters/teams/cached-credentials';

type Inner = ConstructorParameters<typeof CachedCredentialsFactory>[0];

function countingFactory(failFirst = false) {
  const made: string[] = [];
  let fail = failFirst;
  const inner = {
    isValidAppId: async (appId: string) => appId === 'app',
    isAuthenticationDisabled: async () => false,
    createCredentials: async (appId: string, audience: string | undefined) => {
      made.push(`${appId} ${audience ?? ''}`);
      if (fail) {
        fail = false;
        throw new Error('Invalid Managed ID.');
      }
      return { appId, audience, signRequest: async <T>(request: T) => request };
    },
  } as unknown as Inner;
  return { inner, made };
}

describe('cached connector credentials', () => {
  it('makes them once per app, audience and login endpoint', async () => {
    const { inner, made } = countingFactory();
    const factory = new CachedCredentialsFactory(inner);
    const first = await factory.createCredentials('app', 'https://api.botframework.com', 'https://login', true);
    const again = await factory.createCredentials('app', 'https://api.botframework.com', 'https://login', true);
    const other = await factory.createCredentials('app', 'https://skill.example', 'https://login', true);
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    expect(made).toEqual(['app https://api.botframework.com', 'app https://skill.example']);
  });

  it('asks again after a failure instead of keeping it', async () => {
    const { inner, made } = countingFactory(true);
    const factory = new CachedCredentialsFactory(inner);
    await expect(factory.createCredentials('app', undefined, 'https://login', true)).rejects.toThrow('Invalid Managed ID.');
    await expect(factory.createCredentials('app', undefined, 'https://login', true)).resolves.toMatchObject({ appId: 'app' });
    expect(made).toHaveLength(2);
  });

  it('keeps only a few: audiences beyond them are made each time', async () => {
    const { inner, made } = countingFactory();
    const factory = new CachedCredentialsFactory(inner);
    for (let i = 0; i < 20; i += 1) await factory.createCredentials('app', `aud-${i}`, 'https://login', true);
    await factory.createCredentials('app', 'aud-0', 'https://login', true); // kept
    await factory.createCredentials('app', 'aud-19', 'https://login', true); // not kept
    expect(made).toHaveLength(21);
  });

  it('passes the other questions through', async () => {
    const factory = new CachedCredentialsFactory(countingFactory().inner);
    expect(await factory.isValidAppId('app')).toBe(true);
    expect(await factory.isValidAppId('other')).toBe(false);
    expect(await factory.isAuthenticationDisabled()).toBe(false);
  });
});
