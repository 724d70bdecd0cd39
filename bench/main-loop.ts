import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { SyncStatus } from '../shared/domain/sync';
import { DEMO_REFERENT } from '../platform/seed/demo';
import type { RemoteCore } from '../electron/core/worker/core-client';
import type { RemoteCoreOptions } from '../electron/core/worker/protocol';
import { startWorkerCore } from '../electron/core/worker/worker-core';

export interface MainLoopMeasure {
  /** p99 of the host thread's event-loop delay during the first sync, in ms. */
  mainLoopLagP99Ms: number;
  mainLoopLagMaxMs: number;
  /** How long a cheap channel ('sync.status') took to answer while the sync ran: worst and p95, ms. */
  pingMaxMs: number;
  pingP95Ms: number;
  pings: number;
  pullSeconds: number;
  /** The most rows the first sync's progress reported. */
  rows: number;
}

/**
 * The host thread's responsiveness during a full first sync by a core in a worker thread: signs
 * the demo referent in on an empty data folder, then pings 'sync.status' until the sync is done.
 * From bench/sync.ts: `await measureMainLoopLag({ platformUrl: platform.url, dataDir: <fresh dir> })`.
 */
export async function measureMainLoopLag(
  options: Pick<RemoteCoreOptions, 'platformUrl' | 'dataDir'> & Partial<RemoteCoreOptions>,
  credentials: { mail: string; password: string } = DEMO_REFERENT,
): Promise<MainLoopMeasure> {
  const core = await startWorkerCore({
    requestTimeoutMs: 60_000,
    connectivityIntervalMs: 3_600_000,
    sync: { debounceMs: 3_600_000, periodicMs: 3_600_000 },
    ...options,
  });
  try {
    return await measureFirstSync(core, credentials);
  } finally {
    await core.close();
  }
}

/** The measure on an already started (empty) core; the core stays open. */
export async function measureFirstSync(
  core: RemoteCore,
  credentials: { mail: string; password: string },
): Promise<MainLoopMeasure> {
  let rows = 0;
  const done = new Promise<SyncStatus>((resolve) => {
    const stop = core.events.subscribe((event) => {
      if (event.type === 'sync.status') rows = Math.max(rows, event.payload.progress?.done ?? 0);
      if (event.type === 'sync.status' && !event.payload.running && event.payload.lastSyncAt !== null) {
        stop();
        resolve(event.payload);
      }
    });
  });
  let finished = false;
  void done.then(() => (finished = true));
  const login = await core.invoke('auth.login', credentials);
  if (!login.ok) throw new Error(`auth.login : ${login.error.message}`);

  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const start = performance.now();
  const pings: number[] = [];
  while (!finished) {
    const asked = performance.now();
    const answer = await core.invoke('sync.status');
    if (!answer.ok) throw new Error(`sync.status : ${answer.error.message}`);
    pings.push(performance.now() - asked);
    // A pause between pings, as a window would: the loop must not be what keeps the host busy.
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 20))]);
  }
  const status = await done;
  const pullSeconds = (performance.now() - start) / 1000;
  lag.disable();
  const sorted = [...pings].sort((a, b) => a - b);
  const round = (ms: number) => Number(ms.toFixed(2));
  return {
    mainLoopLagP99Ms: round(lag.percentile(99) / 1e6),
    mainLoopLagMaxMs: round(lag.max / 1e6),
    pingMaxMs: round(sorted.at(-1) ?? 0),
    pingP95Ms: round(sorted[Math.floor(sorted.length * 0.95)] ?? 0),
    pings: pings.length,
    pullSeconds: round(pullSeconds),
    rows: Math.max(rows, status.progress?.done ?? 0),
  };
}
