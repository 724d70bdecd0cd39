import { randomUUID } from 'node:crypto';
import { pushResponseSchema, type PushMutation } from '../shared/api/sync';
import type { SyncStatus } from '../shared/domain/sync';
import type { CoreEvent } from '../shared/ipc/events';
import { PlatformClient } from '../electron/core/platform/client';
import type { SyncTuning } from '../electron/core/session/session-manager';
import { createNodeCore } from '../electron/host/node-core';
import { DEMO_REFERENT } from '../platform/seed/demo';

// The sync's phases as bench/sync.ts times them, for the new paths (snapshot, batches) and the
// old ones (feed replay, one request per change) side by side.

export type BenchCore = Awaited<ReturnType<typeof createNodeCore>>;

export function waitFor(core: BenchCore, predicate: (s: SyncStatus) => boolean): Promise<SyncStatus> {
  return new Promise((resolve) => {
    const stop = core.events.subscribe((event: CoreEvent) => {
      if (event.type === 'sync.status' && predicate(event.payload)) {
        stop();
        resolve(event.payload);
      }
    });
  });
}

export async function invoke<T = unknown>(core: BenchCore, channel: string, input?: unknown): Promise<T> {
  const answer = await core.invoke(channel, input);
  if (!answer.ok) throw new Error(`${channel} : ${answer.error.message}`);
  return answer.data as T;
}

export interface FirstSync {
  core: BenchCore;
  userId: string;
  seconds: number;
  /** Rows the first sync's progress counted. */
  rows: number | null;
}

/**
 * An empty desktop signs the demo référent in, and its first sync is timed from its start (the
 * sign-in, with its deliberately slow password hash, is left out) to its end.
 */
export async function firstSync(options: {
  dataDir: string;
  platformUrl: string;
  sync: SyncTuning;
  clock?: () => Date;
  onStart?: () => void;
}): Promise<FirstSync> {
  const core = await createNodeCore({
    dataDir: options.dataDir,
    platformUrl: options.platformUrl,
    requestTimeoutMs: 120_000,
    connectivityIntervalMs: 3_600_000,
    sync: { debounceMs: 3_600_000, periodicMs: 3_600_000, pageSize: 5000, ...options.sync },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  let start = 0;
  let rows: number | null = null;
  const stopCounting = core.events.subscribe((event) => {
    if (event.type === 'sync.status' && event.payload.progress?.total)
      rows = Math.max(rows ?? 0, event.payload.progress.total);
  });
  const started = waitFor(core, (s) => s.phase === 'bootstrap' || s.phase === 'pull').then(() => {
    start = performance.now();
    options.onStart?.();
  });
  const done = waitFor(core, (s) => !s.running && s.lastSyncAt !== null);
  const login = await core.invoke('auth.login', {
    mail: DEMO_REFERENT.mail,
    password: DEMO_REFERENT.password,
  });
  if (!login.ok) throw new Error(login.error.message);
  await started;
  await done;
  const seconds = (performance.now() - start) / 1000;
  stopCounting();
  return { core, userId: (login.data as { user: { id: string } }).user.id, seconds, rows };
}

/** `count` offline edits of the structure queued (nothing pushes them: the debounce is an hour), then pushed. */
export async function pushChanges(core: BenchCore, count: number): Promise<number> {
  for (let i = 0; i < count; i++)
    await invoke(core, 'structure.update', {
      tradeName: `CFA Gironde — modification ${randomUUID().slice(0, 8)}`,
    });
  const start = performance.now();
  const status = await invoke<SyncStatus>(core, 'sync.now');
  const seconds = (performance.now() - start) / 1000;
  if (status.pending !== 0) throw new Error(`envoi incomplet : ${JSON.stringify(status)}`);
  return seconds;
}

/**
 * `count` employers edited by a colleague's desktop (batches of POST /sync/push, as the desktop
 * sends them), then the time this up-to-date desktop takes to pull them.
 */
export async function pullRemoteChanges(
  core: BenchCore,
  platformUrl: string,
  count: number,
): Promise<number> {
  const colleague = new PlatformClient({ baseUrl: platformUrl, timeoutMs: 120_000 });
  await colleague.login(DEMO_REFERENT.mail, DEMO_REFERENT.password);
  // Those the platform accepted and this desktop holds as it does: a refused one cannot be edited.
  const employers = (
    await invoke<Array<{ id: string; version: number; status: string; syncState: string }>>(
      core,
      'employers.list',
    )
  )
    .filter((employer) => employer.status === 'acceptee' && employer.syncState === 'synced')
    .slice(0, count);
  if (employers.length < count) throw new Error(`seulement ${employers.length} employeurs`);
  for (let i = 0; i < employers.length; i += 200) {
    const mutations: PushMutation[] = employers.slice(i, i + 200).map((employer) => ({
      idempotencyKey: randomUUID(),
      method: 'PATCH',
      path: `/employers/${employer.id}`,
      baseVersion: employer.version,
      body: { contactFirstName: `Collègue ${i}` },
    }));
    const answer = await colleague.exchange({
      method: 'POST',
      path: '/sync/push',
      body: { mutations },
      auth: true,
    });
    const results = answer.kind === 'ok' ? pushResponseSchema.parse(answer.data).results : [];
    if (results.length !== mutations.length || results.some((r) => r.outcome !== 'applied'))
      throw new Error(
        `lot refusé : ${JSON.stringify(results.filter((r) => r.outcome !== 'applied').slice(0, 3)).slice(0, 600)}`,
      );
  }
  const start = performance.now();
  await invoke<SyncStatus>(core, 'sync.now');
  const seconds = (performance.now() - start) / 1000;
  const after = await invoke<Array<{ id: string; contactFirstName: string }>>(core, 'employers.list');
  const arrived = after.filter((e) => e.contactFirstName.startsWith('Collègue')).length;
  if (arrived < count) throw new Error(`seulement ${arrived} modifications reçues sur ${count}`);
  return seconds;
}
