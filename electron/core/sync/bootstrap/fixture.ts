import { sql } from 'kysely';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Change } from '../../../../shared/api/sync';
import { openLocalDatabase, type LocalStore } from '../../db/open';
import type { Exchange, RequestOptions, StreamExchange } from '../../platform/client';
import { SyncEngine } from '../engine';
import { syncEntities } from '../entities';
import { sampleApplication } from '../../../../tests/support/applications';
import { me, published, sampleOffer } from '../../../../tests/support/scripted-engine';
import { TestFeed } from '../../../../tests/support/feed';
import { sampleAlert, sampleFavorite, sampleProfile } from '../../../../tests/support/profiles';

// A seeded feed, served both as the change feed (the replay) and as a snapshot (the bootstrap),
// and a dump of what either path leaves in the database, for tests and crash tests.

const uuid = (prefix: string, n: number) => `${prefix}${String(n).padStart(12, '0')}`;

/** `count` offers and `count` applications (with their profiles), as live entries of the feed. */
export function seededFeed(count: number): Change[] {
  const feed = new TestFeed();
  const changes: Change[] = [];
  const now = new Date('2026-11-02T10:00:00Z');
  for (let n = 1; n <= count; n++) {
    // Fixed dates: a crash test's child and its parent seed the same feed.
    const at = now.toISOString();
    const offer = {
      ...published(sampleOffer(uuid('a0000000-0000-4000-8000-', n), { title: `Offre ${n} cuisine` }), n),
      ...{ createdAt: at, publishedAt: at, archiveAt: at, updatedAt: at },
    };
    changes.push(feed.entry('offer', offer));
    const profile = {
      ...sampleApplication('x', {}, now).profile!,
      id: uuid('b0000000-0000-4000-8000-', n % 7),
    };
    const application = sampleApplication(uuid('c0000000-0000-4000-8000-', n), { number: n, profile }, now);
    changes.push(feed.entry('application', application));
  }
  return changes;
}

/**
 * A feed of every kind the bootstrap writes fast: unshared offers, applications of each status
 * (tallies), with and without a profile, profiles also carried by favourites and alerts before
 * and after their applications (which version of a profile the cache keeps, and its rowid).
 */
export function mixedFeed(): Change[] {
  const feed = new TestFeed();
  const changes: Change[] = [];
  const now = new Date('2026-11-02T10:00:00Z');
  const at = now.toISOString();
  const statuses = ['a_traiter', 'recevable', 'refusee', 'abandonnee'] as const;
  const profiles = [1, 2, 3].map((n) =>
    sampleProfile(uuid('d0000000-0000-4000-8000-', n), {
      firstName: `Søren${n}`,
      presentation: `Cuisine ${n}`,
    }),
  );
  // A favourite of profile 1 before its application: the application's copy is not kept.
  changes.push(feed.entry('favorite', sampleFavorite(profiles[0]!)));
  for (let n = 1; n <= 8; n++) {
    const offer = {
      ...published(sampleOffer(uuid('a0000000-0000-4000-8000-', n), { title: `Offre ${n} cuisine` }), n),
      ...{ createdAt: at, publishedAt: at, archiveAt: at, updatedAt: at },
    };
    changes.push(feed.entry(n % 4 === 0 ? 'private_offer' : 'offer', offer));
    const base = sampleApplication('x', {}, now).profile!;
    const profile = n % 3 === 0 ? null : { ...base, id: profiles[n % 3]!.id, lastName: `Nom${n}` };
    const application = sampleApplication(
      uuid('c0000000-0000-4000-8000-', n),
      {
        number: n,
        offerId: offer.id,
        status: statuses[n % 4]!,
        profile,
        receivedAt: new Date(now.getTime() - n * 3_600_000 * 7).toISOString(),
      },
      now,
    );
    changes.push(feed.entry(n === 5 ? 'private_application' : 'application', application));
  }
  // An alert and a favourite of profile 2 after its applications: their version replaces the cached one.
  changes.push(feed.entry('alert', sampleAlert(uuid('e0000000-0000-4000-8000-', 1), profiles[1]!)));
  changes.push(feed.entry('favorite', sampleFavorite(profiles[1]!, { addedBy: 'Léa Petit' })));
  return changes;
}

export function snapshotLines(changes: Change[], after = 0): string[] {
  const rows = changes.filter((change) => change.seq > after && !change.deleted);
  const cursor = changes.at(-1)?.seq ?? 0;
  return [
    JSON.stringify({ kind: 'header', cursor, total: rows.length }),
    ...rows.map(({ seq, entity, id, version, data }) =>
      JSON.stringify({ kind: 'row', seq, entity, id, version, data }),
    ),
    JSON.stringify({ kind: 'end', cursor, rows: rows.length }),
  ];
}

/** Bytes in uneven chunks (lines split across chunks, as the network gives them). */
export async function* chunked(lines: string[], size = 97): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(lines.map((line) => `${line}\n`).join(''));
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** A platform serving the snapshot of `changes`; `cut` keeps only the first lines of an answer. */
export function snapshotClient(changes: Change[], cut?: (answer: number) => number | undefined) {
  const requests: RequestOptions[] = [];
  return {
    requests,
    async exchangeStream(request: RequestOptions): Promise<StreamExchange> {
      requests.push(request);
      const lines = snapshotLines(changes, Number(request.params?.after ?? 0));
      const keep = cut?.(requests.length);
      return { kind: 'ok', body: chunked(keep === undefined ? lines : lines.slice(0, keep)) };
    },
  };
}

export async function freshStore(): Promise<{ store: LocalStore; dir: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bootstrap-'));
  return { store: await openLocalDatabase(path.join(dir, 'local.sqlite')), dir };
}

export function engineOn(store: LocalStore, route: (request: RequestOptions) => Exchange): SyncEngine {
  return new SyncEngine({
    store,
    client: { exchange: async (request: RequestOptions) => route(request) } as never,
    logger: { error: () => undefined },
    onChange: () => undefined,
    onStatus: () => undefined,
    onSessionExpired: () => undefined,
    debounceMs: 3_600_000,
    // The reference: the old first sync, a replay of the whole feed.
    legacyBootstrap: true,
  });
}

/** The signed-in référent of the structure (both paths start from it). */
export async function signIn(store: LocalStore): Promise<void> {
  await engineOn(store, () => ({ kind: 'network', message: 'hors ligne' })).applyServerRows(
    syncEntities.account,
    [me('referent')],
  );
}

/** Every synced and derived table, in a comparable form (the search index by its document numbers). */
export async function dump(store: LocalStore): Promise<Record<string, unknown[]>> {
  // Every word of the index, where it is (a contentless index keeps nothing else to compare).
  store.sqlite.exec(
    'create virtual table if not exists temp.search_words using fts5vocab(main, search_fts, instance)',
  );
  return store.read((tx) => {
    const tables = tx
      .all<{ name: string }>(
        sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'search_fts%' and name not like 'kysely_%' and name != 'meta' order by name`,
      )
      .map((row) => row.name);
    const result: Record<string, unknown[]> = {};
    for (const table of tables) {
      // Rowids matter (the search index numbers documents by them); some tables have none.
      const withoutRowid = /without rowid/i.test(
        tx.first<{ sql: string }>(sql`select sql from sqlite_master where name = ${table}`)?.sql ?? '',
      );
      result[table] = withoutRowid
        ? tx
            .all(sql`select * from ${sql.table(table)}`)
            .map((row) => JSON.stringify(row))
            .sort()
        : tx.all(sql`select rowid as _rowid, * from ${sql.table(table)} order by rowid`);
    }
    // A change's own id and date are made when it is (two databases, two of them).
    result.outbox = (result.outbox ?? []).map((row) => ({ ...(row as object), id: '-', created_at: '-' }));
    result.search_fts = tx.all(sql`select rowid from search_fts order by rowid`);
    result.search_words = tx.all(
      sql`select term, doc, col, "offset" from temp.search_words order by doc, col, "offset", term`,
    );
    result.search_cuisine = tx.all(
      sql`select rowid from search_fts where search_fts match 'cuisine' order by rowid`,
    );
    result.indexes = tx.all(sql`select name, sql from sqlite_master where type = 'index' order by name`);
    result.meta = tx.all(
      sql`select key, value from meta where key like 'sync.cursor:%' or key like 'bootstrap.%' order by key`,
    );
    return result;
  });
}
