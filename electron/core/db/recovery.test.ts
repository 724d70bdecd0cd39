import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import {
  canMakeReadOnly,
  garbageOverPages,
  makeReadOnly,
  unlockForCleanUp,
} from '../../../tests/support/damaged-db';
import { damageMarkerFile, markDamaged } from './damage';
import { openLocalDatabase } from './open';
import { localMigrations } from './migrations/index';
import { openAccountDatabase } from './recovery';

const AT = new Date('2026-12-06T23:25:07.123Z');
const now = () => AT;

let dir = '';
let file = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'recovery-'));
  file = path.join(dir, 'local.sqlite');
});
afterEach(() => {
  if (existsSync(file)) unlockForCleanUp(file);
  rmSync(dir, { recursive: true, force: true });
});

const CHANGE = {
  entity: 'offer',
  entity_id: '3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a98',
  operation: 'update',
  payload: JSON.stringify({ title: 'Commis de cuisine (H/F)' }),
  base: JSON.stringify({ title: 'Commis de cuisine' }),
  base_version: 3,
  created_at: '2026-12-06T10:00:00.000Z',
};

/** A real cache as the app leaves it: its account, two changes the platform never got, many offers. */
async function realDatabase(): Promise<void> {
  const store = await openLocalDatabase(file);
  store.sqlite
    .prepare(
      `insert into account (id, mail, first_name, last_name, mobile, structure_id, role, created_at)
       values ('0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d', 'camille@cfa.example.fr', 'Camille', 'Lefèvre', '+33612345678', null, null, '2026-01-01T00:00:00.000Z')`,
    )
    .run();
  const outbox = store.sqlite.prepare(
    `insert into outbox (id, entity, entity_id, operation, payload, base, base_version, created_at)
     values (@id, @entity, @entity_id, @operation, @payload, @base, @base_version, @created_at)`,
  );
  outbox.run({ id: 'c1', ...CHANGE });
  outbox.run({ id: 'c2', ...CHANGE, payload: JSON.stringify({ title: 'Serveur' }) });
  // Enough rows elsewhere that the file has many pages to damage.
  const meta = store.sqlite.prepare('insert into meta (key, value) values (?, ?)');
  for (let i = 0; i < 400; i++) meta.run(`k${i}`, 'x'.repeat(200));
  await store.close();
}

function filesBeside(): string[] {
  return readdirSync(dir).sort();
}

function exportOf(name: string): {
  changes: Array<Record<string, unknown>>;
  complete: boolean;
  reason: string;
} {
  return JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as never;
}

describe('a damaged local database', () => {
  it('with damaged pages: kept aside, its unsent changes exported, a fresh cache made', async () => {
    await realDatabase();
    expect(garbageOverPages(file, { keep: ['outbox', 'account'] })).toBeGreaterThan(20);
    const damaged = readFileSync(file);

    const { store, recovery } = await openAccountDatabase(file, undefined, { now });
    try {
      expect(recovery).toMatchObject({ kind: 'corrupt', code: 'SQLITE_CORRUPT', exported: 2 });
      expect(filesBeside()).toEqual([
        'local-endommagee-2026-12-06T23-25-07Z.sqlite',
        // Its WAL goes with it: left beside the new file, it would be replayed into it.
        'local-endommagee-2026-12-06T23-25-07Z.sqlite-shm',
        'local-endommagee-2026-12-06T23-25-07Z.sqlite-wal',
        'local-modifications-non-envoyees-2026-12-06T23-25-07Z.json',
        'local.sqlite',
        'local.sqlite-shm',
        'local.sqlite-wal',
      ]);
      // The damaged file is kept as it was, for IT or a recovery tool.
      expect(readFileSync(recovery!.damagedCopy).equals(damaged)).toBe(true);
      const exported = exportOf('local-modifications-non-envoyees-2026-12-06T23-25-07Z.json');
      expect(exported).toMatchObject({ reason: 'SQLITE_CORRUPT', complete: true });
      expect(exported.changes).toEqual([
        expect.objectContaining({ id: 'c1', payload: { title: 'Commis de cuisine (H/F)' }, base_version: 3 }),
        expect.objectContaining({ id: 'c2', payload: { title: 'Serveur' } }),
      ]);
      if (process.platform !== 'win32') expect(statSync(recovery!.exportFile!).mode & 0o077).toBe(0);
      expect(recovery!.mail).toBe('camille@cfa.example.fr');
      expect(recovery!.message).toBe(
        'La base de données locale de ce poste est endommagée : elle a été mise de côté ' +
          `(« ${recovery!.damagedCopy} ») et une base neuve a été créée. Les 2 modifications qui ` +
          'n’avaient pas encore été envoyées à la plateforme ont été exportées dans ' +
          `« ${recovery!.exportFile} » : ressaisissez celles qui manquent. Reconnectez-vous : ` +
          'les données de la plateforme seront téléchargées à nouveau.',
      );
      // The new cache is complete and empty: the next sync fills it.
      expect(store.sqlite.prepare('select count(*) as n from outbox').get()).toEqual({ n: 0 });
      expect(store.sqlite.prepare('select count(*) as n from kysely_migration').get()).toEqual({
        n: Object.keys(localMigrations).length,
      });
    } finally {
      await store.close();
    }
    // Opened again, nothing more happens.
    const again = await openAccountDatabase(file, undefined, { now });
    expect(again.recovery).toBeNull();
    await again.store.close();
  });

  it('overwritten whole (not a database any more): kept aside, says the changes could not be read', async () => {
    await realDatabase();
    writeFileSync(file, Buffer.alloc(statSync(file).size, 0x5a));
    const { store, recovery } = await openAccountDatabase(file, undefined, { now });
    await store.close();
    expect(recovery).toMatchObject({
      kind: 'corrupt',
      code: 'SQLITE_NOTADB',
      exported: null,
      exportFile: null,
      mail: null,
    });
    expect(recovery!.message).toContain(
      'Les modifications qui n’avaient pas encore été envoyées à la plateforme n’ont pas pu être relues',
    );
    expect(filesBeside()).toContain('local-endommagee-2026-12-06T23-25-07Z.sqlite');
  });

  it('damaged during the last run (marked then): recovered at this start, its changes exported', async () => {
    await realDatabase();
    markDamaged(file, { kind: 'corrupt', code: 'SQLITE_CORRUPT_INDEX' }, AT);
    const { store, recovery } = await openAccountDatabase(file, undefined, { now });
    await store.close();
    expect(recovery).toMatchObject({ code: 'SQLITE_CORRUPT_INDEX', exported: 2 });
    expect(existsSync(damageMarkerFile(file))).toBe(false);
  });

  it.skipIf(!canMakeReadOnly)(
    'read-only: its changes are exported, and it is put aside when its folder allows',
    async () => {
      await realDatabase();
      const how = makeReadOnly(file);
      if (how === 'mode') {
        const { store, recovery } = await openAccountDatabase(file, undefined, { now });
        await store.close();
        expect(recovery).toMatchObject({ kind: 'readonly', code: 'SQLITE_READONLY', exported: 2 });
        expect(recovery!.message).toMatch(
          /^La base de données locale de ce poste ne peut plus être modifiée/,
        );
        expect(filesBeside()).toContain('local-endommagee-2026-12-06T23-25-07Z.sqlite');
      } else {
        // Immutable, the file cannot be moved either: the user is told what to check, and the
        // changes are safe in their export meanwhile.
        const error = await openAccountDatabase(file, undefined, { now }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(AppError);
        expect(error).toMatchObject({ code: 'database' });
        expect((error as AppError).message).toMatch(
          /^La base de données locale de ce poste ne peut être ni modifiée ni déplacée .*vérifiez que ce fichier et son dossier ne sont pas en lecture seule.* Les 2 modifications .* ont été exportées dans « .*local-modifications-non-envoyees-2026-12-06T23-25-07Z\.json »/,
        );
        expect(exportOf('local-modifications-non-envoyees-2026-12-06T23-25-07Z.json').changes).toHaveLength(
          2,
        );
      }
    },
  );

  it('marked read-only during the last run but writable again: opened as it is, nothing lost', async () => {
    await realDatabase();
    markDamaged(file, { kind: 'readonly', code: 'SQLITE_READONLY' }, AT);
    const { store, recovery } = await openAccountDatabase(file, undefined, { now });
    expect(recovery).toBeNull();
    expect(store.sqlite.prepare('select count(*) as n from outbox').get()).toEqual({ n: 2 });
    await store.close();
    expect(filesBeside()).toEqual(['local.sqlite']);
  });

  it('too new a version is no damage: refused as before, left untouched', async () => {
    await realDatabase();
    const raw = new Database(file);
    raw.prepare("insert into kysely_migration (name, timestamp) values ('9999_future', '2030-01-01')").run();
    raw.close();
    await expect(openAccountDatabase(file, undefined, { now })).rejects.toThrow(/version plus récente/);
    expect(filesBeside()).toEqual(['local.sqlite']);
  });
});
