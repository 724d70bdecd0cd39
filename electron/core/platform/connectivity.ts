import type { Connectivity } from '../../../shared/domain/session';

/**
 * Whether the platform answers. Every request reports its outcome; a periodic health check
 * notices when the network comes back while the user is idle.
 */
export class ConnectivityMonitor {
  private state: Connectivity = { state: 'unknown', lastContactAt: null };
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly onChange: (state: Connectivity) => void) {}

  current(): Connectivity {
    return this.state;
  }

  /** `reachable`: an HTTP answer came back (whatever its status); false: no answer at all. */
  report(reachable: boolean): void {
    const next: Connectivity = reachable
      ? { state: 'online', lastContactAt: new Date().toISOString() }
      : { state: 'offline', lastContactAt: this.state.lastContactAt };
    const changed = next.state !== this.state.state;
    this.state = next;
    if (changed) this.onChange(next);
  }

  /** Calls `check` now and then every `intervalMs` until stopped. */
  start(check: () => Promise<unknown>, intervalMs: number): void {
    this.stop();
    const run = () => void check().catch(() => undefined);
    run();
    this.timer = setInterval(run, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
