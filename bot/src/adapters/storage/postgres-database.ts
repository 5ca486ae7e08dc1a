/**
 * SqlDatabase on a PostgreSQL server through a `pg` Pool (production mode). A transaction holds
 * one pooled client from BEGIN to COMMIT/ROLLBACK; everything inside it runs on that client.
 */
import { Client, Pool, TypeOverrides, type ClientBase, type ClientConfig, type PoolConfig } from 'pg';
import { PG_TYPE, parseDate, parseInt8, translatingErrors, type SqlDatabase } from './sql-database';

export interface PostgresOptions {
  /** Pool size; pg's default (10) when omitted. */
  max?: number;
  /**
   * Called when an idle pooled client fails (server restart, network). The pool has already
   * dropped that client; without a listener Node would treat the event as a crash.
   */
  onIdleClientError?: (error: Error) => void;
  /**
   * The password for each new connection, asked when the server wants one; it overrides the URL's.
   * With Entra authentication it is an access token, which expires: a function, not a string, so a
   * connection opened after an hour gets a fresh one.
   */
  password?: () => Promise<string>;
}

/**
 * A pg Client that asks `password` for its password when the server wants one. pg takes a
 * password function beside a connection string, but the URL's parsed fields override it (an empty
 * password when the URL has none), so the function is set after pg has read the URL. pg-boss gets
 * the same class for its own pool (its `Client` option is passed on to pg).
 */
export function passwordAskingClient(password: () => Promise<string>): typeof Client {
  return class PasswordAskingClient extends Client {
    constructor(config?: string | ClientConfig) {
      super(config);
      // pg keeps the password in a hidden (non-enumerable) property, out of logs and stack traces.
      Object.defineProperty(this, 'password', { configurable: true, enumerable: false, writable: true, value: password });
    }
  };
}

/** Same values as PGlite: int8 as number, date as "YYYY-MM-DD" (see sql-database.ts). */
function typeOverrides(): TypeOverrides {
  const types = new TypeOverrides();
  types.setTypeParser(PG_TYPE.INT8, 'text', parseInt8);
  types.setTypeParser(PG_TYPE.DATE, 'text', parseDate);
  return types;
}

export function openPostgresDatabase(connectionString: string, options: PostgresOptions = {}): SqlDatabase {
  const config: PoolConfig = { connectionString, types: typeOverrides() };
  if (options.max !== undefined) config.max = options.max;
  if (options.password) config.Client = passwordAskingClient(options.password);
  const pool = new Pool(config);
  pool.on('error', options.onIdleClientError ?? (() => undefined));
  return {
    query: <R>(text: string, params?: unknown[]) => translatingErrors(async () => (await pool.query(text, params)).rows as R[]),
    exec: (script: string) =>
      translatingErrors(async () => {
        await pool.query(script);
      }),
    transaction: (work) => translatingErrors(() => inTransaction(pool, work)),
    ping: () =>
      translatingErrors(async () => {
        await pool.query('SELECT 1');
      }),
    close: () => pool.end(),
  };
}

async function inTransaction<T>(pool: Pool, work: (tx: SqlDatabase) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(clientDatabase(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      // A client that cannot even roll back is not fit to go back into the pool.
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * A database bound to one client inside BEGIN; a nested transaction runs inside it. Its queries go
 * to the server one at a time, in the order they were asked: use cases read in parallel
 * (Promise.all) whether or not they are in a transaction, and one connection runs one query at a
 * time anyway — pg queued them itself, with a deprecation warning, and pg 9 will refuse them.
 */
function clientDatabase(client: ClientBase): SqlDatabase {
  let last: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const run = last.then(work, work);
    last = run.catch(() => undefined);
    return run;
  };
  const db: SqlDatabase = {
    query: <R>(text: string, params?: unknown[]) =>
      inTurn(() => translatingErrors(async () => (await client.query(text, params)).rows as R[])),
    exec: (script: string) =>
      inTurn(() =>
        translatingErrors(async () => {
          await client.query(script);
        }),
      ),
    transaction: (work) => work(db),
    ping: () =>
      inTurn(() =>
        translatingErrors(async () => {
          await client.query('SELECT 1');
        }),
      ),
    close: () => Promise.reject(new Error('close() is not available inside a transaction')),
  };
  return db;
}
