import type { PokeBus } from './pokes';

/** What the instance keeps for its live streams (GET /sync/stream). */
export interface LiveFeed {
  /** Where this instance hears of feed entries (its own writes, and other instances' on PostgreSQL). */
  bus: PokeBus;
  /** The open streams, ended when the platform stops (a stream never ends by itself). */
  streams: Set<{ end(): void }>;
  /** How often a stream sends its heartbeat comment. */
  heartbeatMs: number;
}
