import type { SyncEntityName } from '../../../../shared/api/sync';
import type { SyncStatus } from '../../../../shared/domain/sync';
import type { Logger } from '../../dispatch';
import type { LocalStore } from '../../db/store';
import type { PlatformClient } from '../../platform/client';
import type { BackoffPolicy } from '../backoff';

export interface SyncEngineOptions {
  store: LocalStore;
  client: PlatformClient;
  logger: Logger;
  /** Local data of these entities changed. */
  onChange: (entities: string[]) => void;
  onStatus: (status: SyncStatus) => void;
  /** The platform refused the refresh token: stop until the user signs in again. */
  onSessionExpired: () => void;
  /**
   * Where does the user stand with their structure? Asked while they are a pending
   * collaborator and when the platform refuses the feed; true when the feed may be pulled.
   */
  verifyMembership?: () => Promise<boolean>;
  /** A run reached the platform and pulled the feed (referentials refresh then). */
  onSynced?: () => void;
  /**
   * A run's pull stored rows that are news to the user (SyncEntity.isArrival), how many per
   * entity: told once per run, never for an account's first full pull (that is history).
   */
  onArrivals?: (counts: Partial<Record<SyncEntityName, number>>) => void;
  /** Delay between a local change and the sync it triggers (changes made together go together). */
  debounceMs?: number;
  /** A sync every so often, even when nothing happens locally. */
  periodicMs?: number;
  pageSize?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  /** Crash tests only: called inside a pull page's transaction after each row. */
  onPullRowApplied?: (index: number, pageSize: number) => void;
  /**
   * `true`: a first sync replays the whole feed page by page (the bench's old path, and the scripted
   * feed-only platforms of some tests); by default it loads the platform's snapshot.
   */
  legacyBootstrap?: boolean;
  /**
   * `true`: every change goes as its own REST request (the bench's old path, and the scripted
   * platforms of some tests). By default changes waiting together go as batches (POST /sync/push),
   * one by one with a platform without it.
   */
  legacyPush?: boolean;
  /**
   * `false`: no live stream (GET /sync/stream); the periodic sync alone brings others' changes.
   * By default the engine keeps one open while it runs and pulls when the platform pokes.
   */
  live?: boolean;
  /** Reconnection delays of the live stream (tests shorten them). */
  liveRetry?: BackoffPolicy;
  /** A live stream silent this long is dropped and opened again. */
  liveIdleMs?: number;
}
