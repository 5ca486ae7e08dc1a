/**
 * The tab's API as a seeded person, through the local-mode dev sign-in: for tests that arrange
 * data the way a user's client would, and check what was stored.
 */
export class DevApi {
  private readonly tokens = new Map<string, string>();

  /** `baseUrl` is read on each call: the service starts after the test file is set up. */
  constructor(private readonly baseUrl: () => string) {}

  /** The dev sign-in token of the seeded person with this name (kept until `forget`). */
  async token(name: string): Promise<string> {
    const known = this.tokens.get(name);
    if (known) return known;
    const { people } = (await (await fetch(`${this.baseUrl()}/api/dev/people`)).json()) as { people: { id: string; name: string }[] };
    const person = people.find((p) => p.name === name);
    if (!person) throw new Error(`no seeded person called ${name}`);
    const response = await fetch(`${this.baseUrl()}/api/dev/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ personId: person.id }),
    });
    const value = ((await response.json()) as { token: string }).token;
    this.tokens.set(name, value);
    return value;
  }

  /** Tokens last hours: after moving the service's clock by days, everyone signs in again. */
  forget(): void {
    this.tokens.clear();
  }

  async call<T>(name: string, route: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.baseUrl()}/api${route}`, {
      method: init.method ?? 'GET',
      headers: { Authorization: `Bearer ${await this.token(name)}`, 'Content-Type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  }
}
