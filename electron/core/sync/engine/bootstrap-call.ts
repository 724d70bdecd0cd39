import { syncEntityNames } from '../../../../shared/api/sync';
import { runBootstrap } from '../bootstrap';
import { expire, type SyncContext } from './context';
import { announce } from './status';

/**
 * A desktop without a cursor loads the platform's snapshot (../bootstrap), then the pull goes
 * on with the feed since the snapshot's cursor; false when it stopped (resumed next run).
 * `verifyMembership` is asked when the platform refuses the snapshot to this user.
 */
export async function bootstrap(ctx: SyncContext, structureId: string): Promise<boolean> {
  ctx.phase = 'bootstrap';
  ctx.progress = { done: 0, total: null, etaSeconds: null };
  await announce(ctx);
  const outcome = await runBootstrap({
    store: ctx.options.store,
    client: ctx.options.client,
    structureId,
    logger: ctx.options.logger,
    clock: Date.now,
    // The crash tests' pause inside a page also holds inside a bootstrap batch.
    hooks: { onRowApplied: (loaded) => ctx.options.onPullRowApplied?.(loaded, ctx.pageSize) },
    onProgress: (progress) => {
      ctx.progress = progress;
      void announce(ctx);
    },
    onProblem: (message) => (ctx.lastError = message),
  });
  if (outcome === 'expired') {
    expire(ctx);
    return false;
  }
  if (outcome === 'membership') {
    await ctx.options.verifyMembership?.();
    return false;
  }
  if (outcome === 'offline') return false;
  ctx.options.onChange(syncEntityNames.slice());
  ctx.phase = 'pull';
  ctx.progress = null;
  await announce(ctx);
  return true;
}
