import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { LocalApplication, LocalEmployer, LocalOffer } from '../../shared/domain/session';
import type { SyncStatus } from '../../shared/domain/sync';
import type { CoreEvent } from '../../shared/ipc/events';
import { createNodeCore } from '../../electron/host/node-core';
import { BENCH_PASSWORD, type BenchStructure, type StaffAccount } from './population';

// The simulated desktops of bench:platform: the real core (local SQLite, sync engine, live
// stream), one per staff member, in this process.

type Core = Awaited<ReturnType<typeof createNodeCore>>;

export interface BenchDesktop {
  core: Core;
  structure: BenchStructure;
  staff: StaffAccount;
  /** Its place among its structure's desktops: it answers the applications whose hash falls on it. */
  index: number;
  close(): Promise<void>;
}

export async function invoke<T>(core: Core, channel: string, input?: unknown): Promise<T> {
  const answer = await core.invoke(channel, input);
  if (!answer.ok) throw new Error(`${channel} : ${answer.error.message}`);
  return answer.data as T;
}

/** Signs a desktop in for this member and waits for its first sync. */
export async function startDesktop(
  root: string,
  platformUrl: string,
  structure: BenchStructure,
  staff: StaffAccount,
  index: number,
): Promise<BenchDesktop> {
  const dataDir = path.join(root, `desktop-${structure.siret}-${index}`);
  mkdirSync(dataDir, { recursive: true });
  const core = await createNodeCore({
    dataDir,
    platformUrl,
    requestTimeoutMs: 30_000,
    referentials: { downloads: false },
    logger: { error: () => undefined },
  });
  await invoke(core, 'auth.login', { mail: staff.mail, password: BENCH_PASSWORD });
  await invoke(core, 'sync.now');
  return { core, structure, staff, index, close: () => core.close() };
}

/** Calls `listener` with the entities of each entities.changed event of this desktop. */
export function onEntitiesChanged(desktop: BenchDesktop, listener: (entities: string[]) => void): () => void {
  return desktop.core.events.subscribe((event: CoreEvent) => {
    if (event.type === 'entities.changed') listener(event.payload.entities);
  });
}

export function recentApplications(desktop: BenchDesktop, limit = 50): Promise<LocalApplication[]> {
  return invoke<{ rows: LocalApplication[] }>(desktop.core, 'applications.list', {
    sort: 'receivedAt',
    direction: 'desc',
    limit,
  }).then((page) => page.rows);
}

export async function allApplications(desktop: BenchDesktop): Promise<LocalApplication[]> {
  const rows: LocalApplication[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await invoke<{ rows: LocalApplication[]; total: number }>(
      desktop.core,
      'applications.list',
      {
        sort: 'receivedAt',
        limit: 500,
        offset,
      },
    );
    rows.push(...page.rows);
    if (rows.length >= page.total || page.rows.length === 0) return rows;
  }
}

export async function allOffers(desktop: BenchDesktop): Promise<LocalOffer[]> {
  const rows: LocalOffer[] = [];
  for (const status of ['en_cours', 'pourvue', 'archivee'] as const) {
    for (let offset = 0; ; offset += 500) {
      const page = await invoke<{ rows: LocalOffer[]; total: number }>(desktop.core, 'offers.list', {
        status,
        limit: 500,
        offset,
      });
      rows.push(...page.rows);
      if (page.rows.length < 500) break;
    }
  }
  return rows;
}

export function employers(desktop: BenchDesktop): Promise<LocalEmployer[]> {
  return invoke<LocalEmployer[]>(desktop.core, 'employers.list');
}

/** Syncs until nothing of this desktop waits (its changes acknowledged); the status at the end. */
export async function settle(desktop: BenchDesktop, rounds = 20): Promise<SyncStatus> {
  let status = await invoke<SyncStatus>(desktop.core, 'sync.now');
  for (let round = 1; round < rounds && status.pending > 0; round++)
    status = await invoke<SyncStatus>(desktop.core, 'sync.now');
  return status;
}
