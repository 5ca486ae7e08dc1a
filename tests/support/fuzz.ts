/**
 * A small seeded fuzzer for the fuzz tests: a deterministic PRNG (the seed is printed with every
 * failure, so a run can be repeated with FUZZ_SEED=<seed>), hostile values, and mutations of a
 * valid JSON body one field at a time. No dependency: fast-check is not installed, and what is
 * needed here is a few hundred lines of "make this body wrong in one place".
 */

/** sfc32 seeded through splitmix32: fast, good enough for test data, and the same on every machine. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly seed: number) {
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from nothing');
    return items[this.int(items.length)]!;
  }

  /** A version-4-shaped UUID made from this generator (not random in the crypto sense). */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(16).toString(16));
    hex[12] = '4';
    hex[16] = '89ab'[this.int(4)]!;
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

/** The seed of this run: FUZZ_SEED when set, else one from the clock (printed by the test). */
export function fuzzSeed(): number {
  const given = Number(process.env.FUZZ_SEED);
  return Number.isInteger(given) && given > 0 ? given : (Date.now() % 2_147_483_647) + 1;
}

/** Strings that have broken parsers, databases and renderers before. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n\r',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  'NaN',
  'Infinity',
  '1e308',
  '\u0000',
  'a\u0000b',
  '\u202eRTL\u202c',
  'שלום עולם',
  'مرحبا',
  '\u200b\u200c\u200d\ufeff',
  'zero\u200bwidth',
  '😀👩‍👩‍👧‍👦🏳️‍🌈',
  '\ud800',
  '\udfff\ud800',
  'Å\u030a',
  'ﬀ',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE proposal; --",
  "' OR '1'='1",
  '$1',
  '${7*7}',
  '{{7*7}}',
  '%s%s%s%n',
  '../../../../etc/passwd',
  '..\\..\\windows',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'http://127.0.0.1:1/',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  '2026-02-30',
  '2026-13-01',
  '9999-99-99',
  '0000-00-00',
  '2026-3-1',
  ' 2026-03-01',
  '2026-03-01T25:61:61Z',
  '25:00',
  '-1:-1',
  '13:00:00',
  'Ä'.repeat(70),
  'x'.repeat(65),
];

/** Keys a prototype-pollution payload uses; the test checks that none reach Object.prototype. */
export const POLLUTION_MARK = 'polluted';

export const MAX_BODY_BYTES = 256 * 1024;

/** A JSON value, as bodies are built here before they are serialised. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** How a payload reaches the wire: a value for JSON.stringify, or raw text with a content type. */
export type Payload =
  { kind: 'json'; value: Json | undefined; label: string } | { kind: 'raw'; text: string; contentType: string | null; label: string };

/**
 * A JSON object with `__proto__` as an own key: in a JS literal `__proto__` would set the
 * prototype instead, so it goes through JSON.parse, as the server's body parser will.
 */
export function pollutingObject(rng: Rng): Json {
  const variants = [
    `{"__proto__":{"${POLLUTION_MARK}":"yes"}}`,
    `{"constructor":{"prototype":{"${POLLUTION_MARK}":"yes"}}}`,
    `{"__proto__":{"__proto__":{"${POLLUTION_MARK}":"yes"}},"toString":"x","valueOf":1}`,
    `{"prototype":{"${POLLUTION_MARK}":"yes"},"hasOwnProperty":"x"}`,
  ];
  return JSON.parse(rng.pick(variants)) as Json;
}

/** Text of `length` characters, mostly one letter, sometimes characters outside the BMP. */
export function longString(rng: Rng, length: number): string {
  const unit = rng.pick(['x', 'å', '😀', 'a\u0000', '\u202e', ' ']);
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Nested arrays or objects `depth` deep. */
export function deepNest(rng: Rng, depth: number): Json {
  let value: Json = 'bottom';
  const asArray = rng.chance(0.5);
  for (let i = 0; i < depth; i += 1) value = asArray ? [value] : { a: value };
  return value;
}

/** One hostile scalar or small structure (no huge ones: see `hugeValue`). */
export function weirdValue(rng: Rng): Json | undefined {
  switch (rng.int(14)) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return rng.pick([true, false]);
    case 3:
      return rng.pick([0, -0, -1, 1, 1.5, 2_147_483_648, -2_147_483_649, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, 5e-324]);
    case 4:
    case 5:
    case 6:
      return rng.pick(NASTY_STRINGS);
    case 7:
      return [];
    case 8:
      return {};
    case 9:
      return [rng.pick(NASTY_STRINGS), null, 1];
    case 10:
      return pollutingObject(rng);
    case 11:
      return deepNest(rng, 2 + rng.int(60));
    case 12:
      return { $ne: null, $gt: '' };
    default:
      return rng.uuid();
  }
}

/** A value that makes a request big: a long string, a long array or deep nesting, under the body limit mostly. */
export function hugeValue(rng: Rng): Json {
  switch (rng.int(4)) {
    case 0:
      return longString(rng, 10_000 + rng.int(290_000));
    case 1:
      return Array.from({ length: 10_000 }, (_, i) => (rng.chance(0.5) ? i : 'x'));
    case 2:
      // Deeper nesting than this overflows JSON.stringify's stack here; the raw bodies go deeper.
      return deepNest(rng, 500 + rng.int(1_000));
    default:
      return Array.from({ length: 10_000 }, () => ({}));
  }
}

type Path = (string | number)[];

/** Every place in a value that can be changed: object fields and array elements, nested ones too. */
function pathsOf(value: Json | undefined, prefix: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push([...prefix, i]);
      pathsOf(item, [...prefix, i], out);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      out.push([...prefix, key]);
      pathsOf(value[key], [...prefix, key], out);
    }
  }
  return out;
}

function clone(value: Json | undefined): Json | undefined {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Json);
}

function getAt(root: Json | undefined, path: Path): Json | undefined {
  let node: Json | undefined = root;
  for (const step of path) node = (node as Record<string | number, Json> | undefined)?.[step];
  return node;
}

/** Sets (or, with `undefined`, deletes) the value at `path`; own-property writes only. */
function setAt(root: Json | undefined, path: Path, value: Json | undefined): Json | undefined {
  if (path.length === 0) return value;
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, Json> | Json[];
  const last = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof last === 'number') {
    if (value === undefined) parent.splice(last, 1);
    else parent[last] = value;
  } else if (parent && typeof parent === 'object') {
    const record = parent as Record<string, Json>;
    if (value === undefined) Reflect.deleteProperty(record, last);
    else Object.defineProperty(record, String(last), { value, enumerable: true, writable: true, configurable: true });
  }
  return root;
}

/**
 * The valid body changed in one place (sometimes two): a field of the wrong type, null, missing,
 * extra, hostile text, an id of someone else's, a huge value. `ids` are ids worth trying in id
 * fields (other groups', unknown ones). `big` allows a huge value (use sparingly).
 */
export function mutate(
  rng: Rng,
  valid: Json | undefined,
  ids: readonly string[],
  big: boolean,
): { value: Json | undefined; label: string } {
  let value = clone(valid);
  const paths = pathsOf(value);
  const rounds = rng.chance(0.2) ? 2 : 1;
  const labels: string[] = [];
  for (let r = 0; r < rounds; r += 1) {
    const where: Path = paths.length > 0 && rng.chance(0.92) ? rng.pick(paths) : [];
    const at = where.join('.') || 'body';
    const current = getAt(value, where);
    const kind = rng.int(big ? 12 : 11);
    if (where.length === 0 && kind < 9) {
      // The body as a whole.
      const replacement = rng.pick<Json | undefined>([
        null,
        [],
        [valid ?? null],
        'body',
        42,
        true,
        {},
        pollutingObject(rng),
        undefined,
        deepNest(rng, 500),
      ]);
      value = replacement;
      labels.push(`body=${describe(replacement)}`);
      continue;
    }
    switch (kind) {
      case 0:
        value = setAt(value, where, undefined);
        labels.push(`${at} missing`);
        break;
      case 1:
        value = setAt(value, where, null);
        labels.push(`${at}=null`);
        break;
      case 2: {
        const w = weirdValue(rng);
        value = setAt(value, where, w === undefined ? null : w);
        labels.push(`${at}=${describe(w)}`);
        break;
      }
      case 3: {
        const s = rng.pick(NASTY_STRINGS);
        value = setAt(value, where, typeof current === 'string' && rng.chance(0.5) ? current + s : s);
        labels.push(`${at}+=${describe(s)}`);
        break;
      }
      case 4: {
        const id = rng.pick(ids);
        value = setAt(value, where, id);
        labels.push(`${at}=id:${describe(id)}`);
        break;
      }
      case 5: {
        // A type swap that keeps the value: "15" for 15, 15 for "15", [x] for x.
        const swapped: Json =
          typeof current === 'number'
            ? String(current)
            : typeof current === 'string' && current !== '' && !Number.isNaN(Number(current))
              ? Number(current)
              : [current ?? null];
        value = setAt(value, where, swapped);
        labels.push(`${at} type-swapped`);
        break;
      }
      case 6: {
        // An extra field next to a real one (a key from a prototype-pollution payload sometimes).
        const parentPath = typeof where[where.length - 1] === 'number' || rng.chance(0.5) ? where.slice(0, -1) : where;
        const parent = getAt(value, parentPath);
        const key = rng.pick([
          '__proto__',
          'constructor',
          'prototype',
          'admin',
          'tenantId',
          'groupId',
          'id',
          'status',
          'extra',
          'toString',
        ]);
        if (parent && typeof parent === 'object' && !Array.isArray(parent)) {
          const extra =
            key === '__proto__' || key === 'constructor' ? (JSON.parse(`{"${POLLUTION_MARK}":"yes"}`) as Json) : (weirdValue(rng) ?? 1);
          setAt(value, [...parentPath, key], key === 'constructor' ? { prototype: extra } : extra);
          labels.push(`${parentPath.join('.') || 'body'}.${key} extra`);
        } else {
          value = setAt(value, where, { [key]: 1 } as Json);
          labels.push(`${at}={${key}}`);
        }
        break;
      }
      case 7: {
        // Numbers at their edges.
        const n = rng.pick([0, -0, -1, 1e308, -1e308, 2 ** 31, 2 ** 53 + 1, 0.5, 1e-7, 99_999]);
        value = setAt(value, where, n);
        labels.push(`${at}=${describe(n)}`);
        break;
      }
      case 8: {
        // An array where there was one: many elements, or elements of the wrong kind.
        const items: Json[] = Array.isArray(current)
          ? Array.from(
              { length: rng.pick([50, 200, 1000]) },
              (_, i) => clone((current as Json[])[i % Math.max(1, current.length)] ?? i) ?? i,
            )
          : [current ?? null, current ?? null];
        value = setAt(value, where, items);
        labels.push(`${at}=array(${items.length})`);
        break;
      }
      case 9:
        value = setAt(value, where, longString(rng, rng.pick([65, 121, 301, 1001, 2001, 4001, 10_001])));
        labels.push(`${at}=long string`);
        break;
      case 10: {
        const dateish = rng.pick([
          '2026-02-30',
          '2026-13-01',
          '2026-00-10',
          '99999-01-01',
          '2026-03-01T00:00:00Z',
          '',
          '1e308',
          '0000-00-00',
        ]);
        value = setAt(value, where, dateish);
        labels.push(`${at}=${describe(dateish)}`);
        break;
      }
      default: {
        const h = hugeValue(rng);
        value = setAt(value, where, h);
        labels.push(`${at}=huge ${describe(h)}`);
      }
    }
  }
  return { value, label: labels.join(', ') };
}

/** Bodies that are not JSON, or not what the content type says. */
export function rawBody(rng: Rng, valid: Json | undefined): Payload {
  const json = JSON.stringify(valid ?? {});
  const variants: [string, string | null, string][] = [
    ['not json', 'application/json', 'not json'],
    ['{', 'application/json', 'unclosed brace'],
    [json.slice(0, Math.max(1, Math.floor(json.length / 2))), 'application/json', 'truncated JSON'],
    [`${json}${json}`, 'application/json', 'two JSON documents'],
    ['{"a":NaN}', 'application/json', 'NaN literal'],
    ['{"revision":Infinity}', 'application/json', 'Infinity literal'],
    ['{"revision":1e309,"durationMinutes":1e309,"minutesNeeded":1e309}', 'application/json', '1e309 (parses to Infinity)'],
    ['{"revision":-0,"count":-0}', 'application/json', '-0'],
    ["{'a':1}", 'application/json', 'single quotes'],
    ['\u0000\u0001\u0002', 'application/json', 'control bytes'],
    ['', 'application/json', 'empty body'],
    ['null', 'application/json', 'JSON null'],
    ['[]', 'application/json', 'JSON array'],
    ['"text"', 'application/json', 'JSON string'],
    ['123', 'application/json', 'JSON number'],
    [json, 'text/plain', 'JSON as text/plain'],
    [json, null, 'JSON without a content type'],
    [json, 'application/xml', 'JSON as XML'],
    ['<a>1</a>', 'application/xml', 'XML'],
    ['revision=1&items=x&__proto__[polluted]=yes', 'application/x-www-form-urlencoded', 'form with __proto__'],
    ['a[b][c][d][e][f][g][h]=1&constructor[prototype][polluted]=yes', 'application/x-www-form-urlencoded', 'nested form'],
    ['--X\r\nContent-Disposition: form-data; name="title"\r\n\r\nhej\r\n--X--\r\n', 'multipart/form-data; boundary=X', 'multipart form'],
    [json, 'application/json; charset=latin1', 'JSON in latin1'],
    [json, 'application/json; charset=utf-16', 'JSON in utf-16 (declared)'],
    ['\ufeff' + json, 'application/json', 'JSON with a BOM'],
    [`{"a":${'['.repeat(20_000)}${']'.repeat(20_000)}}`, 'application/json', 'deeply nested JSON text (20 000 levels)'],
  ];
  const [text, contentType, label] = rng.pick(variants);
  return { kind: 'raw', text, contentType, label: `raw: ${label}` };
}

/** A short description of a value for a failure message (never the whole of a huge one). */
export function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string')
    return value.length > 40 ? `string(${value.length}) ${JSON.stringify(value.slice(0, 20))}…` : JSON.stringify(value);
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    return Array.isArray(value) ? 'array(too deep to print)' : 'object(too deep to print)';
  }
  return text.length > 60 ? `${Array.isArray(value) ? 'array' : 'object'}(${text.length} chars) ${text.slice(0, 40)}…` : text;
}
