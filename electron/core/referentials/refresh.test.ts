import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AxiosError, AxiosHeaders, type AxiosAdapter } from 'axios';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RomeEntry } from '../../../shared/domain/referentials';
import { openLocalDatabase, type LocalStore } from '../db/open';
import { PlatformClient } from '../platform/client';
import { searchRome } from './lookup';
import { ReferentialRefresher } from './refresh';
import type { CachedReferential } from './tables';

// When the desktop downloads a referential again, and when it keeps what it has.

const romeV1: RomeEntry[] = [
  { code: 'F1602', label: 'Electricien / Electricienne du bâtiment', domainCode: 'F16' },
  { code: 'G1602', label: 'Commis / Commise de cuisine', domainCode: 'G16' },
];
const romeV2: RomeEntry[] = [
  ...romeV1,
  { code: 'D1102', label: 'Boulanger / Boulangère', domainCode: 'D11' },
];

interface Published {
  version: string;
  items: unknown[];
}

let dir = '';
let store: LocalStore;
let published: Record<string, Published>;
let down = false;
let requests: Array<{ url: string; ifNoneMatch: string | undefined }>;
let changed: CachedReferential[][];

/** The platform's referentials, with ETag and 304 (or no answer at all when `down`). */
const adapter: AxiosAdapter = async (config) => {
  if (down) throw new AxiosError('connect ECONNREFUSED', 'ECONNREFUSED', config);
  const name = (config.url ?? '').replace('/referentials/', '');
  const headers = AxiosHeaders.from(config.headers);
  const ifNoneMatch = headers.get('If-None-Match');
  requests.push({
    url: config.url ?? '',
    ifNoneMatch: typeof ifNoneMatch === 'string' ? ifNoneMatch : undefined,
  });
  const referential = published[name] ?? { version: 'vide', items: [] };
  const etag = `"${referential.version}"`;
  const status = ifNoneMatch === etag ? 304 : 200;
  if (!config.validateStatus!(status)) throw new AxiosError(`status ${status}`, 'ERR_BAD_RESPONSE', config);
  return {
    status,
    statusText: '',
    data: status === 304 ? '' : referential,
    headers: { etag },
    config,
  };
};

function refresher(intervalMs: number): ReferentialRefresher {
  return new ReferentialRefresher({
    store,
    client: new PlatformClient({ baseUrl: 'http://plateforme.test', adapter }),
    logger: { error: () => undefined },
    onChange: (names) => changed.push(names),
    intervalMs,
  });
}

const romeRows = () => store.read((tx) => tx.all<{ code: string }>(sql`select code from rome order by code`));
const romeRequests = () => requests.filter((r) => r.url === '/referentials/rome');

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'referentials-'));
  store = await openLocalDatabase(path.join(dir, 'local.sqlite'));
  published = {
    rome: { version: 'r1', items: romeV1 },
    diplomas: { version: 'd1', items: [{ id: 'cap-cuisine', label: 'CAP Cuisine', kind: 'CAP', level: 3 }] },
    communes: { version: 'c1', items: [] },
  };
  down = false;
  requests = [];
  changed = [];
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the referentials cache', () => {
  it('downloads what is missing, then checks again only every so often', async () => {
    const cache = refresher(3_600_000);
    await cache.refreshIfDue();
    expect(await romeRows()).toEqual([{ code: 'F1602' }, { code: 'G1602' }]);
    expect(romeRequests()).toEqual([{ url: '/referentials/rome', ifNoneMatch: undefined }]);
    expect(changed.flat().sort()).toEqual(['communes', 'diplomas', 'rome']);

    await cache.refreshIfDue();
    expect(romeRequests()).toHaveLength(1);
  });

  it('asks with the ETag it has, keeps its rows on 304, and replaces them when the version changed', async () => {
    const cache = refresher(0);
    await cache.refreshIfDue();
    changed = [];
    await cache.refreshIfDue();
    expect(romeRequests().at(-1)).toEqual({ url: '/referentials/rome', ifNoneMatch: '"r1"' });
    expect(changed).toEqual([]);
    expect(await romeRows()).toHaveLength(2);

    published.rome = { version: 'r2', items: romeV2 };
    await cache.refreshIfDue();
    expect(changed).toEqual([['rome']]);
    expect((await searchRome(store, 'boulangere')).map((m) => m.code)).toEqual(['D1102']);
  });

  it('keeps what it has when the platform is unreachable or answers nonsense', async () => {
    const cache = refresher(0);
    await cache.refreshIfDue();
    down = true;
    await cache.refreshIfDue();
    down = false;
    published.rome = { version: 'r3', items: [{ code: 'X' }] };
    await cache.refreshIfDue();
    expect(await romeRows()).toEqual([{ code: 'F1602' }, { code: 'G1602' }]);
  });

  it('lets a search wait for the first download in progress', async () => {
    const cache = refresher(3_600_000);
    const downloading = cache.refreshIfDue();
    await cache.whenCached();
    expect(await searchRome(store, 'cuisine')).toEqual([romeV1[1]]);
    await downloading;
  });
});
