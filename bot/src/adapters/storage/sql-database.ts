/**
 * The one seam between the repositories and a PostgreSQL engine. Two engines sit behind it:
 * PGlite (embedded, local mode and tests) and a real server through `pg` (production). Both
 * implementations make values look the same, so a repository never knows which one it runs on:
 *
 * - timestamptz ⇄ JS Date; `date` comes back as the string "YYYY-MM-DD" (a calendar date has no
 *   time zone, and a Date would shift it by the machine's offset);
 * - int8 (count(*), bigserial) comes back as a number, or a bigint beyond 2^53 (PGlite's rule);
 * - json/jsonb come back parsed. Pass JSON parameters as strings made with JSON.stringify and
 *   cast them (`$1::jsonb`): `pg` would send a JS array as a PostgreSQL array literal instead.
 * - a statement the server refuses throws a `SqlError` carrying PostgreSQL's SQLSTATE in `code`
 *   ("23505" unique, "23514" check, "23503" foreign key); errors thrown by your own code inside
 *   a transaction come out unchanged.
 */
export interface SqlDatabase {
  /** One statement, values only as `$n` parameters. */
  query<R>(text: string, params?: unknown[]): Promise<R[]>;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws.
   * Calling `transaction` on the `tx` it receives reuses that transaction (no savepoint).
   * On PGlite, do not use the outer database inside `work`: it waits for the transaction to end.
   */
  transaction<T>(work: (tx: SqlDatabase) => Promise<T>): Promise<T>;
  /**
   * A script of several statements without parameters (migrations only): the extended query
   * protocol behind `query` accepts one statement at a time.
   */
  exec(script: string): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const PG_TYPE = { INT8: 20, DATE: 1082 } as const;

/** int8 as a number while it is exact, a bigint beyond that: the same rule PGlite uses. */
export function parseInt8(text: string): number | bigint {
  const value = BigInt(text);
  return value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER) ? value : Number(value);
}

/** A calendar date stays the text PostgreSQL sent ("2026-03-05"). */
export function parseDate(text: string): string {
  return text;
}

/** A statement PostgreSQL refused, the same class whichever engine ran it. */
export class SqlError extends Error {
  /** SQLSTATE, e.g. "23505" unique violation, "23514" check violation. */
  readonly code: string;
  /** The constraint that refused the row, when PostgreSQL names one. */
  readonly constraint: string | undefined;

  constructor(message: string, code: string, constraint: string | undefined, cause: unknown) {
    super(message, { cause });
    this.name = 'SqlError';
    this.code = code;
    this.constraint = constraint;
  }
}

/**
 * Turns a server error from either driver into a SqlError; anything else (a bug, an error the
 * caller threw inside a transaction) is returned as it is. Both drivers' errors carry `code`
 * and `severity`; they are recognised by shape because PGlite's may come from another JS realm
 * (see pglite-database.ts), where `instanceof` does not work.
 */
export function toSqlError(error: unknown): unknown {
  if (error instanceof SqlError || typeof error !== 'object' || error === null) return error;
  const fields = error as { code?: unknown; severity?: unknown; message?: unknown; constraint?: unknown };
  if (typeof fields.code !== 'string' || typeof fields.severity !== 'string') return error;
  return new SqlError(
    typeof fields.message === 'string' ? fields.message : 'SQL error',
    fields.code,
    typeof fields.constraint === 'string' ? fields.constraint : undefined,
    error,
  );
}

/** Runs a driver call and rethrows its server errors as SqlError. */
export async function translatingErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toSqlError(error);
  }
}
