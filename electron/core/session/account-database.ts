import { DatabaseTooNewError, MigrationFailedError } from '../../../shared/db/migrate';
import { AppError } from '../../../shared/ipc/errors';
import type { Logger } from '../dispatch';
import { damageDuringUseError, damageOf, markDamaged } from '../db/damage';
import { accountDatabaseFile } from '../db/open';
import { slowQueryLog, type QueryClock } from '../db/query-log';
import { openAccountDatabase, type Recovery } from '../db/recovery';
import type { LocalStore } from '../db/store';

/** What opening an account's database needs of the session's dependencies. */
export interface AccountDatabaseDeps {
  dataDir: string;
  logger: Logger;
  sqliteNativeBinding?: string;
  /** The slow-query log's clock (performance.now); tests drive their own. */
  queryClock?: QueryClock;
  /** Dates the copies of a damaged database (default: the system clock). */
  now?: () => Date;
}

function databaseError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof DatabaseTooNewError || error instanceof MigrationFailedError)
    return new AppError('database', error.message);
  return new AppError('database', 'La base de données locale de ce compte ne peut pas être ouverte.');
}

const nowOf = (deps: AccountDatabaseDeps): Date => (deps.now ? deps.now() : new Date());

/**
 * Opens one account's database, slow queries logged; a damaged file is replaced by a fresh
 * cache (recovery says how, and the log has it). Refusals are `database` errors in French.
 */
export async function openAccountStore(
  deps: AccountDatabaseDeps,
  userId: string,
): Promise<{ store: LocalStore; recovery: Recovery | null }> {
  const { logger } = deps;
  let opened: { store: LocalStore; recovery: Recovery | null };
  try {
    opened = await openAccountDatabase(accountDatabaseFile(deps.dataDir, userId), deps.sqliteNativeBinding, {
      // A slow query is worth a line in the log file, not an error: only a logger with `info` gets them.
      slowLog: logger.info ? slowQueryLog((line) => logger.info?.(line), deps.queryClock) : null,
      now: () => nowOf(deps),
    });
  } catch (error) {
    throw databaseError(error);
  }
  const { recovery } = opened;
  if (recovery) logger.error(`Base locale remplacée (${recovery.code}) : ${recovery.message}`);
  return opened;
}

/**
 * An error met while the account's database is in use: when it says the file is damaged or
 * read-only, the file is marked (the next start recovers it) and the `database` error to answer
 * is returned; null for any other error.
 */
export function noteDamage(deps: AccountDatabaseDeps, userId: string, error: unknown): AppError | null {
  const damage = damageOf(error);
  if (!damage) return null;
  try {
    markDamaged(accountDatabaseFile(deps.dataDir, userId), damage, nowOf(deps));
  } catch (markError) {
    deps.logger.error('Impossible de noter que la base locale est endommagée', markError);
  }
  return damageDuringUseError(damage);
}

/** The logger of an account's background work (sync, referentials): its errors mark a damaged file too. */
export function damageWatchingLogger(deps: AccountDatabaseDeps, userId: string): Logger {
  const { logger } = deps;
  return {
    error: (message, error) => {
      noteDamage(deps, userId, error);
      logger.error(message, error);
    },
    ...(logger.info ? { info: (message: string) => logger.info?.(message) } : {}),
  };
}
