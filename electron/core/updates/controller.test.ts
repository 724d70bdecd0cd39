import { describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../shared/domain/updates';
import { AppError } from '../../../shared/ipc/errors';
import { UpdateController, type UpdateDriver } from './controller';

/** A driver whose check and download the test settles by hand. */
function fakeDriver(found: string | null) {
  const calls: string[] = [];
  const feeds: Array<Parameters<UpdateDriver['configure']>[0]> = [];
  const driver: UpdateDriver = {
    configure: (feed) => void feeds.push(feed),
    check: async () => {
      calls.push('check');
      return found;
    },
    download: async (onProgress) => {
      calls.push('download');
      onProgress(50);
    },
    install: () => void calls.push('install'),
  };
  return { driver, calls, feeds };
}

function setup(options: {
  found: string | null;
  pending?: number;
  running?: boolean;
  online?: boolean | null;
}) {
  const { driver, calls, feeds } = fakeDriver(options.found);
  const sync = { running: options.running ?? false, pending: options.pending ?? 0 };
  const statuses: UpdateStatus[] = [];
  const waiters: Array<{ predicate: (s: UpdateStatus) => boolean; resolve: (s: UpdateStatus) => void }> = [];
  const syncCalls: string[] = [];
  const controller = new UpdateController({
    driver,
    feed: () => ({ url: 'https://maj.example.internal/', channel: 'beta' }),
    syncStatus: async () => sync,
    syncNow: async () => {
      syncCalls.push('sync');
      // The platform took nothing: changes still wait.
    },
    online: () => options.online ?? true,
    onStatus: (status) => {
      statuses.push(status);
      for (const waiter of [...waiters])
        if (waiter.predicate(status)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(status);
        }
    },
  });
  const next = (predicate: (s: UpdateStatus) => boolean) =>
    new Promise<UpdateStatus>((resolve) => {
      const seen = statuses.find(predicate);
      if (seen) resolve(seen);
      else waiters.push({ predicate, resolve });
    });
  return { controller, calls, feeds, statuses, next, sync, syncCalls };
}

describe('UpdateController', () => {
  it('checks the configured feed, downloads in the background, then offers the restart', async () => {
    const t = setup({ found: '2.0.0' });
    void t.controller.evaluate();
    const offered = await t.next((s) => s.prompt !== null);
    expect(t.feeds).toEqual([
      { url: 'https://maj.example.internal/', channel: 'beta', allowPrerelease: true },
    ]);
    expect(t.calls).toEqual(['check', 'download']);
    expect(offered).toMatchObject({ phase: 'downloaded', version: '2.0.0', percent: 100, channel: 'beta' });
    expect(t.statuses.some((s) => s.phase === 'downloading' && s.percent === 50)).toBe(true);
  });

  it('says so and stays quiet when up to date', async () => {
    const t = setup({ found: null });
    void t.controller.evaluate();
    const done = await t.next((s) => s.phase === 'idle');
    expect(done.prompt).toBeNull();
    expect(t.calls).toEqual(['check']);
  });

  it('tries a sync once before offering when changes wait, and the offer says they are kept', async () => {
    const t = setup({ found: '2.0.0', pending: 3 });
    void t.controller.evaluate();
    const offered = await t.next((s) => s.prompt !== null);
    expect(t.syncCalls).toEqual(['sync']);
    expect(offered.prompt?.keepsUnsentChanges).toBe(true);
  });

  it('refuses the restart during a sync run and installs only when asked', async () => {
    const t = setup({ found: '2.0.0' });
    void t.controller.evaluate();
    await t.next((s) => s.prompt !== null);
    t.sync.running = true;
    await expect(t.controller.restart()).rejects.toThrow(AppError);
    expect(t.calls).not.toContain('install');
    t.sync.running = false;
    await t.controller.restart();
    expect(t.calls).toContain('install');
  });

  it('« Plus tard » removes the prompt until the next check', async () => {
    const t = setup({ found: '2.0.0' });
    void t.controller.evaluate();
    await t.next((s) => s.prompt !== null);
    expect(t.controller.later().prompt).toBeNull();
    await t.controller.evaluate();
    expect(t.controller.status().prompt).toBeNull();
    const count = t.statuses.length;
    void t.controller.checkNow();
    const again = await t.next((s) => t.statuses.indexOf(s) >= count && s.prompt !== null);
    expect(again.version).toBe('2.0.0');
  });

  it('does not check while offline', async () => {
    const t = setup({ found: '2.0.0', online: false });
    await t.controller.evaluate();
    expect(t.calls).toEqual([]);
  });
});
