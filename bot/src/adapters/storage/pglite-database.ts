/**
 * SqlDatabase on PGlite, the embedded PostgreSQL (WebAssembly) of local mode and tests. PGlite
 * runs one connection, so its transactions are exclusive: other queries wait until they end.
 */
import { mkdirSync } from 'node:fs';
import { Module } from 'node:module';
import type * as PgliteModule from '@electric-sql/pglite';
import { types as pgTypes } from 'pg';
import { lockDirectory } from './directory-lock';
import { PG_TYPE, parseDate, parseInt8, translatingErrors, type SqlDatabase } from './sql-database';

/**
 * PGlite is loaded through a `Module` of Node's own, not `import`. Its start-up calls import()
 * (for its WebAssembly and Node built-ins), and jest runs modules in a vm context where import()
 * throws unless Node runs with --experimental-vm-modules (electric-sql/pglite#224; jest also
 * swaps `createRequire` for its own). Outside jest this is the same cached module `import` gives.
 * In jest PGlite then lives in another JS realm, so nothing of its own may reach callers: it
 * parses values with our parsers, Dates go in as ISO strings, rows and errors are copied out.
 */
const { PGlite } = new Module(__filename).require(require.resolve('@electric-sql/pglite')) as typeof PgliteModule;
type Transaction = PgliteModule.Transaction;

const PG_TIMESTAMP = 1114;
const PG_TIMESTAMPTZ = 1184;
const PG_JSON = 114;
const PG_JSONB = 3802;

/** pg's own parsers for the timestamp types, so both engines build Dates the same way. */
const PARSERS: Record<number, (text: string) => unknown> = {
  [PG_TYPE.INT8]: parseInt8,
  [PG_TYPE.DATE]: parseDate,
  [PG_TIMESTAMP]: pgTypes.getTypeParser(PG_TIMESTAMP, 'text'),
  [PG_TIMESTAMPTZ]: pgTypes.getTypeParser(PG_TIMESTAMPTZ, 'text'),
  [PG_JSON]: (text) => JSON.parse(text),
  [PG_JSONB]: (text) => JSON.parse(text),
};

/** Recognised by tag, not instanceof: a Date may come from either realm. */
function toParam(value: unknown): unknown {
  return Object.prototype.toString.call(value) === '[object Date]' ? (value as Date).toISOString() : value;
}

/** The part of PGlite and of its Transaction that both offer. */
type PgliteSession = Pick<Transaction, 'query' | 'exec'>;

/**
 * Opens PGlite with its files under `dataDir` (created if missing), or in memory when omitted.
 * `pglite` is the engine itself, for pg-boss's own adapter: the jobs live in the same database.
 */
export async function openPgliteDatabase(
  dataDir?: string,
  /** A data directory dumped earlier (`dumpDataDir`) to start from, instead of a new cluster. */
  options: { from?: Blob } = {},
): Promise<SqlDatabase & { pglite: unknown }> {
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  const unlock = dataDir !== undefined ? lockDirectory(dataDir) : () => undefined;
  const pglite = await PGlite.create({
    ...(dataDir !== undefined ? { dataDir } : {}),
    ...(options.from ? { loadDataDir: options.from } : {}),
    parsers: PARSERS,
  }).catch((error: unknown) => {
    unlock();
    throw error;
  });
  return {
    ...session(pglite),
    transaction: (work) => translatingErrors(() => pglite.transaction((tx) => work(transactionDatabase(tx)))),
    close: async () => {
      await pglite.close();
      unlock();
    },
    pglite,
  };
}

function session(target: PgliteSession): Pick<SqlDatabase, 'query' | 'exec' | 'ping'> {
  return {
    query: <R>(text: string, params?: unknown[]) =>
      translatingErrors(async () => {
        const result = await target.query<R>(text, params?.map(toParam));
        return Array.from(result.rows, (row) => ({ ...row }));
      }),
    exec: (script: string) =>
      translatingErrors(async () => {
        await target.exec(script);
      }),
    ping: () =>
      translatingErrors(async () => {
        await target.query('SELECT 1');
      }),
  };
}

/** A database bound to `tx`; a nested transaction runs inside it. */
function transactionDatabase(tx: Transaction): SqlDatabase {
  const db: SqlDatabase = {
    ...session(tx),
    transaction: (work) => work(db),
    // The owner of the transaction ends it; closing from inside would leave it half done.
    close: () => Promise.reject(new Error('close() is not available inside a transaction')),
  };
  return db;
}
