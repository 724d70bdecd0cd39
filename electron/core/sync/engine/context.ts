import type { SyncEntityName } from '../../../../shared/api/sync';
import type { SyncStatus } from '../../../../shared/domain/sync';
import { defaultBackoff, type BackoffPolicy } from '../backoff';
import type { SyncEngineOptions } from './options';

/**
 * What the parts of the engine share: its options (defaults applied), what the current run is
 * doing (shown in the status), and the two things any part may ask for, a sync later and a
 * status now. One object, built by SyncEngine, handed to every part.
 */
export interface SyncContext {
  readonly options: SyncEngineOptions;
  readonly debounceMs: number;
  readonly pageSize: number;
  readonly backoff: BackoffPolicy;
  readonly random: () => number;

  phase: SyncStatus['phase'];
  progress: SyncStatus['progress'];
  lastError: string | null;
  /** Counts the statuses told, so that the UI keeps the latest one. */
  revision: number;
  /** The outbox rows on their way to the platform, until their answers are stored (they may have reached it). */
  readonly sending: Set<string>;
  /** Entities changed by the push, told to the UI in groups (see flushChanges). */
  readonly touched: Set<string>;
  /** News stored by the current run's pull, per entity (see onArrivals). */
  readonly arrivals: Map<SyncEntityName, number>;

  /** A run in `delayMs` (an earlier one already planned stands). */
  schedule(delayMs: number): void;
}

/** A context with the options' defaults; `schedule` is the scheduler's. */
export function createContext(options: SyncEngineOptions, schedule: (delayMs: number) => void): SyncContext {
  return {
    options,
    debounceMs: options.debounceMs ?? 400,
    pageSize: options.pageSize ?? 1000,
    backoff: options.backoff ?? defaultBackoff,
    random: options.random ?? Math.random,
    phase: 'idle',
    progress: null,
    lastError: null,
    revision: 0,
    sending: new Set(),
    touched: new Set(),
    arrivals: new Map(),
    schedule,
  };
}

/** The platform no longer accepts this desktop's session: stop, say why. */
export function expire(ctx: SyncContext): 'expired' {
  ctx.lastError = 'Votre session a expiré : reconnectez-vous pour synchroniser.';
  ctx.options.onSessionExpired();
  return 'expired';
}
