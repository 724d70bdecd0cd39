import { EventEmitter } from 'node:events';
import { sql } from 'kysely';
import { dialectOf } from '../db/dialect/kind';
import type { PlatformDb } from '../db/open';
import { POKE_CHANNEL, SQLITE_POKE_FUNCTION } from './poke-channels';
import type { FeedReader } from './visible-feed';

/** A change entered a structure's feed at `seq`, for this audience (see recordChange). */
export interface FeedPoke {
  structureId: string;
  seq: number;
  /** Only this user (and the référent when `referentToo`) may see it; null: every member. */
  ownerUserId: string | null;
  referentToo: boolean;
}

/** Where the instance's open streams hear of pokes, from this instance or (PostgreSQL) from others. */
export interface PokeBus {
  publish(poke: FeedPoke): void;
  subscribe(listener: (poke: FeedPoke) => void): () => void;
}

/** The bus of one process: SQLite mode, and each instance's local side in PostgreSQL mode. */
export function inProcessPokeBus(): PokeBus {
  const emitter = new EventEmitter();
  // One listener per open stream: hundreds are normal, not a leak.
  emitter.setMaxListeners(0);
  return {
    publish: (poke) => emitter.emit('poke', poke),
    subscribe(listener) {
      emitter.on('poke', listener);
      return () => emitter.off('poke', listener);
    },
  };
}

/** A poke as the short text NOTIFY carries (its payload must stay under 8000 bytes: it is ~80). */
export function encodePoke(poke: FeedPoke): string {
  return JSON.stringify([poke.structureId, poke.seq, poke.ownerUserId, poke.referentToo ? 1 : 0]);
}

/** The poke of a payload, or null for anything else (a payload is never trusted blindly). */
export function decodePoke(payload: string): FeedPoke | null {
  try {
    const value: unknown = JSON.parse(payload);
    if (!Array.isArray(value) || value.length !== 4) return null;
    const [structureId, seq, ownerUserId, referentToo] = value as unknown[];
    if (typeof structureId !== 'string' || !Number.isSafeInteger(seq)) return null;
    if (ownerUserId !== null && typeof ownerUserId !== 'string') return null;
    return { structureId, seq: seq as number, ownerUserId, referentToo: referentToo === 1 };
  } catch {
    return null;
  }
}

/** Whether a reader's stream should hear of this poke: the rule of visibleFeed, on one entry. */
export function pokeReaches(poke: FeedPoke, { user, structureId }: FeedReader): boolean {
  if (poke.structureId !== structureId) return false;
  if (poke.ownerUserId === null || poke.ownerUserId === user.id) return true;
  return poke.referentToo && user.role === 'referent';
}

/**
 * Announces a feed entry, in the writer's transaction, so that a poke never runs ahead of its
 * commit. PostgreSQL delivers a NOTIFY at commit (and drops it on rollback), to every instance
 * listening. SQLite runs the function of the connection at once, but a reader waits for the one
 * connection the transaction holds, so the pull a poke starts sees the change committed (a
 * rolled-back change pokes for nothing: the pull then finds nothing new, which is harmless).
 */
export async function announceChange(trx: PlatformDb, poke: FeedPoke): Promise<void> {
  const payload = encodePoke(poke);
  if (dialectOf(trx) === 'postgres') await sql`select pg_notify(${POKE_CHANNEL}, ${payload})`.execute(trx);
  else await sql`select ${sql.raw(SQLITE_POKE_FUNCTION)}(${payload})`.execute(trx);
}
