import { Kysely, sql, type TransactionBuilder } from 'kysely';
import { isRetryableConflict } from '../errors';
import { dialectOf } from './kind';

/** Attempts of a write transaction PostgreSQL gave up (40001, 40P01) before the error goes up. */
const MAX_ATTEMPTS = 8;

function pause(attempt: number): Promise<void> {
  // Jittered and growing: two transactions that collided must not collide again in step.
  const ms = Math.min(200, 5 * 2 ** attempt) * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function retrying<DB>(builder: TransactionBuilder<DB>): TransactionBuilder<DB> {
  return new Proxy(builder, {
    get(target, property, receiver) {
      if (property === 'execute') {
        return async <T>(run: Parameters<TransactionBuilder<DB>['execute']>[0]): Promise<T> => {
          for (let attempt = 1; ; attempt++) {
            try {
              return (await target.execute(run)) as T;
            } catch (error) {
              if (!isRetryableConflict(error) || attempt >= MAX_ATTEMPTS) throw error;
              await pause(attempt);
            }
          }
        };
      }
      if (property === 'setIsolationLevel' || property === 'setAccessMode') {
        return (value: never) => retrying(target[property](value));
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

/**
 * The platform's kysely. On PostgreSQL every `transaction()` is SERIALIZABLE and run again when
 * PostgreSQL gives it up for a conflict with another (serialization failure, deadlock): the
 * transactions written for SQLite, where one writer runs at a time, then behave as they do there
 * (a check read at the start still holds at commit), whichever instance runs them. Transaction
 * bodies only touch the database, so running one again is safe. SQLite is left as it is.
 */
export class PlatformKysely<DB> extends Kysely<DB> {
  override transaction(): TransactionBuilder<DB> {
    const builder = super.transaction();
    return dialectOf(this) === 'postgres' ? retrying(builder.setIsolationLevel('serializable')) : builder;
  }
}

/**
 * Runs `work` while no other instance runs work of the same `name`: on PostgreSQL under a
 * session advisory lock, on one connection that `work` then uses for everything (its
 * transactions included); on SQLite, where one process owns the file, as it is. For one-off
 * work that checks then writes across several transactions (seeding the demo at start).
 */
export async function exclusively<DB, T>(
  db: Kysely<DB>,
  name: string,
  work: (db: Kysely<DB>) => Promise<T>,
): Promise<T> {
  if (dialectOf(db) !== 'postgres') return work(db);
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(hashtext(${name}))`.execute(connection);
    try {
      return await work(connection);
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${name}))`.execute(connection);
    }
  });
}
