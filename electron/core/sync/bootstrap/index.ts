/**
 * Bootstrap of a fresh local database from the platform's snapshot (issue 15), instead of
 * replaying the whole change feed page by page.
 *
 * What the engine's pull does (SyncEngine.pull, once it knows the structureId):
 *
 *   if (await store.read((tx) => needsBootstrap(tx, structureId))) {
 *     const outcome = await runBootstrap({ store, client, structureId, logger, clock: Date.now,
 *       onProgress: (p) => { this.progress = p; void this.announce(); },   // phase 'bootstrap'
 *       onProblem: (message) => (this.lastError = message) });
 *     if (outcome === 'expired') { this.expire(); return false; }
 *     if (outcome === 'membership') { await this.verifyMembership(); return false; }
 *     if (outcome === 'offline') return false;                           // resumes next run
 *     this.options.onChange(Object.keys(syncEntities));                  // then pull as usual
 *   }
 *   ...then the incremental pull from the cursor runBootstrap set (the feed since the snapshot).
 *
 * While `firstSyncUnfinished(tx, structureId)` is true (SyncStatus.firstSync) the data is
 * incomplete and the secondary indexes of the synced tables are dropped: the UI says so. A
 * crash at any point resumes from the last stored batch (`after`) at the next run; the final
 * transaction (indexes built again, cursor set, state removed) is all or nothing. A row new
 * here with no waiting change (a fresh database: all of them) is inserted by a statement prepared
 * once per table, its follower (search words, profiles cache, dashboard tallies) told of a new
 * row and its tally added once per batch (bulk.ts); any other row goes through applyServerState,
 * as the pull's do, with the outbox's `waiting` flag: same rows, rowids, shadows, profiles cache,
 * tallies and search words as a replay of the feed (bootstrap.test.ts compares every table and
 * every word of the index). Rows are read per chunk and kept as text until their batch (2,000
 * rows or 4 MB) is stored.
 */
export { runBootstrap } from './run';
export type { BootstrapHooks, BootstrapOptions, BootstrapOutcome, BootstrapProgress } from './run';
export { bootstrapKey, firstSyncUnfinished, needsBootstrap, readBootstrapState } from './state';
