/**
 * The storage adapter as the composition root sees it: repositories, a unit of work whose
 * repositories all run in one transaction, and the health check. Migrations are separate
 * (`migrate` in migrate.ts) so the root decides when they run.
 */
import type { Repositories, UnitOfWork } from '../../app/ports/repositories';
import type { SqlDatabase } from './sql-database';
import { createSqlRepositories } from './sql-repositories';

export interface SqlStorage {
  repositories: Repositories;
  unitOfWork: UnitOfWork;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function createSqlStorage(db: SqlDatabase): SqlStorage {
  return {
    repositories: createSqlRepositories(db),
    unitOfWork: {
      transaction: (work) => db.transaction((tx) => work(createSqlRepositories(tx))),
    },
    ping: () => db.ping(),
    close: () => db.close(),
  };
}
