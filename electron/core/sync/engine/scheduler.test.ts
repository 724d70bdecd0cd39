import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { POKE_DEBOUNCE_MS, Scheduler } from './scheduler';

/** A run that ends when the test says so. */
function controlledRuns() {
  const ends: Array<() => void> = [];
  let started = 0;
  const run = () =>
    new Promise<void>((resolve) => {
      started++;
      ends.push(resolve);
    });
  return { run, started: () => started, endRun: () => ends.shift()?.() };
}

describe('Scheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function scheduler(run: () => Promise<void>, clearRetryDelays = async () => undefined) {
    return new Scheduler({ periodicMs: 60_000, run, clearRetryDelays, logger: { error: () => undefined } });
  }

  it('plans nothing before start and after stop', async () => {
    const run = vi.fn(async () => undefined);
    const s = scheduler(run);
    s.schedule(0);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(run).not.toHaveBeenCalled();
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(1);
    await s.stop();
    s.schedule(0);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('syncs every periodicMs once started', async () => {
    const run = vi.fn(async () => undefined);
    const s = scheduler(run);
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(run).toHaveBeenCalledTimes(1);
    for (let period = 1; period <= 3; period++) {
      // Each period plans its run at once (a zero delay), which goes on the next tick.
      await vi.advanceTimersByTimeAsync(60_000);
      expect(run).toHaveBeenCalledTimes(1 + period);
    }
    await s.stop();
  });

  it('keeps the earlier of two planned runs (a later debounce does not delay a due retry)', async () => {
    const run = vi.fn(async () => undefined);
    const s = scheduler(run);
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    run.mockClear();
    s.schedule(1_000);
    s.schedule(5_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(run).toHaveBeenCalledTimes(1);
    // An earlier one replaces a later one.
    s.schedule(5_000);
    s.schedule(200);
    await vi.advanceTimersByTimeAsync(200);
    expect(run).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(run).toHaveBeenCalledTimes(2);
    await s.stop();
  });

  it('never overlaps runs: asked during a run, one more follows it', async () => {
    const runs = controlledRuns();
    const s = scheduler(runs.run);
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs.started()).toBe(1);
    const first = s.runNow();
    const second = s.runNow();
    expect(second).toBe(first);
    expect(runs.started()).toBe(1);
    runs.endRun();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs.started()).toBe(2);
    runs.endRun();
    await first;
    expect(runs.started()).toBe(2);
    await s.stop();
  });

  it('syncNow clears the retry delays, waits for the run in progress, then runs', async () => {
    const order: string[] = [];
    const runs = controlledRuns();
    const s = scheduler(
      () => {
        order.push('run');
        return runs.run();
      },
      async () => {
        order.push('clear');
      },
    );
    const inProgress = s.runNow();
    const now = s.syncNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['run', 'clear']);
    runs.endRun();
    await inProgress;
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['run', 'clear', 'run']);
    runs.endRun();
    await now;
  });

  it('stop waits for the run in progress', async () => {
    const runs = controlledRuns();
    const s = scheduler(runs.run);
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    let stopped = false;
    const stopping = s.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    runs.endRun();
    await stopping;
    expect(stopped).toBe(true);
  });

  it('a reconnection retries at once, only while started', async () => {
    const clear = vi.fn(async () => undefined);
    const run = vi.fn(async () => undefined);
    const s = scheduler(run, clear);
    s.onReconnect();
    await vi.advanceTimersByTimeAsync(0);
    expect(clear).not.toHaveBeenCalled();
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    s.onReconnect();
    await vi.advanceTimersByTimeAsync(0);
    expect(clear).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledTimes(2);
    await s.stop();
  });

  it('makes one run of a burst of pokes, shortly after the first', async () => {
    const run = vi.fn(async () => undefined);
    const s = scheduler(run);
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    run.mockClear();
    s.poke();
    await vi.advanceTimersByTimeAsync(POKE_DEBOUNCE_MS / 2);
    s.poke();
    s.poke();
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(POKE_DEBOUNCE_MS / 2);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).toHaveBeenCalledTimes(1);
    await s.stop();
  });

  it('keeps the periodic sync for when the live stream is down', async () => {
    const run = vi.fn(async () => undefined);
    const s = scheduler(run);
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    run.mockClear();
    s.setLive(true);
    await vi.advanceTimersByTimeAsync(180_000);
    expect(run).not.toHaveBeenCalled();
    s.setLive(false);
    // The period's run goes on the tick after it.
    await vi.advanceTimersByTimeAsync(60_001);
    expect(run).toHaveBeenCalledTimes(1);
    await s.stop();
  });
});
