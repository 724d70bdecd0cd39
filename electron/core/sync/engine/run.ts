import type { SyncContext } from './context';
import { pull } from './pull';
import { push } from './push';
import { announce, LAST_SYNC_KEY } from './status';

/**
 * One run: push the outbox, then pull the feed (a change made here reaches the platform before
 * the platform's state of its row comes back). Never throws: an unexpected error is logged and
 * shown, and the next run tries again.
 */
export async function runOnce(ctx: SyncContext): Promise<void> {
  ctx.lastError = null;
  ctx.arrivals.clear();
  try {
    ctx.phase = 'push';
    await announce(ctx);
    const pushed = await push(ctx);
    if (pushed === 'expired') return;
    if (pushed === 'offline') return;
    ctx.phase = 'pull';
    ctx.progress = null;
    await announce(ctx);
    const pulled = await pull(ctx);
    if (pulled) ctx.options.onSynced?.();
    if (pulled && pushed === 'done') {
      await ctx.options.store.write((tx) =>
        tx.exec('insert or replace into meta (key, value) values (?, ?)', [
          LAST_SYNC_KEY,
          new Date().toISOString(),
        ]),
      );
    }
  } catch (error) {
    ctx.lastError = 'La synchronisation a rencontré une erreur inattendue ; elle sera retentée.';
    ctx.options.logger.error('Erreur de synchronisation', error);
  } finally {
    ctx.phase = 'idle';
    ctx.progress = null;
    await announce(ctx);
    // Told even when the pull stopped early: the pages it applied are here.
    if (ctx.arrivals.size > 0) ctx.options.onArrivals?.(Object.fromEntries(ctx.arrivals));
  }
}
