import { Kysely, type TransactionBuilder } from 'kysely';
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
