import { referentialResponseSchema } from '../../../shared/domain/referentials';
import { AppError } from '../../../shared/ipc/errors';
import type { Logger } from '../dispatch';
import type { LocalStore } from '../db/store';
import type { PlatformClient } from '../platform/client';
import {
  cachedReferentials,
  isCached,
  readMeta,
  referentialMeta,
  setMeta,
  writeReferential,
  type CachedReferential,
  type ReferentialItem,
} from './tables';

export interface ReferentialRefresherOptions {
  store: LocalStore;
  client: PlatformClient;
  logger: Logger;
  /** Referentials changed here: their queries should be refreshed. */
  onChange: (names: CachedReferential[]) => void;
  /** A referential already here is checked again after this long (ms). */
  intervalMs?: number;
}

/** Referentials change a few times a year: a check every few hours is plenty. */
const DEFAULT_INTERVAL_MS = 6 * 3600_000;
/** How long a search or an offer waits for the first download (then answers from what is here). */
const WAIT_FOR_DOWNLOAD_MS = 10_000;
/** The communes are some 600 kB of JSON: more time than an ordinary request. */
const DOWNLOAD_TIMEOUT_MS = 60_000;

/**
 * Keeps the platform's referentials (ROME, diplomas, communes) in the account's database, so
 * that offers are coded and checked offline. Each is downloaded when missing, or when the
 * platform's version changed (conditional GET); offline, what is here stays.
 */
export class ReferentialRefresher {
  private readonly intervalMs: number;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly options: ReferentialRefresherOptions) {
    this.intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  }

  /** Checks each referential that is missing or was not checked for a while (one run at a time). */
  refreshIfDue(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= Promise.all(
      cachedReferentials.map((name) =>
        this.refreshOne(name).catch((error: unknown) =>
          this.options.logger.error(`Mise à jour du référentiel ${name} impossible`, error),
        ),
      ),
    )
      .then(() => undefined)
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /**
   * Waits for a download in progress when a referential is not here yet: the first search
   * after signing in answers from the downloaded list rather than from an empty one. A network
   * gone slow does not hold the user for long: after `maxWaitMs`, the answer is what is here.
   */
  async whenCached(maxWaitMs = WAIT_FOR_DOWNLOAD_MS): Promise<void> {
    const running = this.running;
    if (!running) return;
    const missing = await this.options.store.read((tx) =>
      cachedReferentials.some((name) => !isCached(tx, name)),
    );
    if (!missing) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([running, new Promise((resolve) => (timer = setTimeout(resolve, maxWaitMs)))]);
    clearTimeout(timer);
  }

  /** No more downloads; waits for the one in progress (before the database closes). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async refreshOne<N extends CachedReferential>(name: N): Promise<void> {
    const { store, client, logger } = this.options;
    const meta = referentialMeta(name);
    const known = await store.read((tx) => ({
      version: readMeta(tx, meta.version),
      etag: readMeta(tx, meta.etag),
      checkedAt: readMeta(tx, meta.checkedAt),
    }));
    const due = !known.checkedAt || Date.now() - Date.parse(known.checkedAt) >= this.intervalMs;
    if (known.version !== null && !due) return;
    let answer;
    try {
      answer = await client.fetchIfChanged({
        path: `/referentials/${name}`,
        etag: known.version === null ? null : known.etag,
        schema: referentialResponseSchema(name),
        timeoutMs: DOWNLOAD_TIMEOUT_MS,
      });
    } catch (error) {
      // Offline (or the platform is unwell): what is here stays, the next sync tries again.
      if (!(error instanceof AppError && error.code === 'offline'))
        logger.error(`Téléchargement du référentiel ${name} impossible`, error);
      return;
    }
    if (this.stopped) return;
    const now = new Date().toISOString();
    if (answer === null || answer.data.version === known.version) {
      await store.write((tx) => {
        setMeta(tx, meta.checkedAt, now);
        if (answer) setMeta(tx, meta.etag, answer.etag);
      });
      return;
    }
    const { version, items } = answer.data;
    await store.write((tx) =>
      writeReferential(tx, name, items as Array<ReferentialItem<N>>, version, answer.etag),
    );
    this.options.onChange([name]);
  }
}
