import { sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { structureFromColumns, structureToColumns } from '../../../../shared/db/rows';
import { defaultReplyTemplates } from '../../../../shared/domain/reply-templates';
import { sampleApplication, sampleStructure } from '../../../../tests/support/applications';
import { syncEntities } from '../../sync/entities';
import { writeView } from '../../sync/local-state';
import { openLocalDatabase } from '../open';
import type { StructureTable } from '../schema';
import { fileBefore, schemaBefore, type MigrationFixture } from './fixture';

let fixture: MigrationFixture | undefined;
let dir = '';
let file = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'migration-0004-'));
  file = path.join(dir, 'local.sqlite');
});
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('migration 0004_applications', () => {
  it('adds reply templates (none yet) and applications, and forgets the sync cursors only', async () => {
    fixture = await schemaBefore('0004_applications');
    const { reply_templates: _templates, ...structure } = structureToColumns(sampleStructure());
    fixture.insert('structure', structure);
    fixture.insert('meta', { key: `sync.cursor:${structure.id}`, value: '500' });
    fixture.insert('meta', { key: 'sync.lastSyncAt', value: '2026-03-01T08:00:00.000Z' });
    expect(await fixture.migrate()).toEqual(['0004_applications']);

    expect(fixture.sqlite.prepare('select id, legal_name, reply_templates from structure').all()).toEqual([
      { id: structure.id, legal_name: structure.legal_name, reply_templates: null },
    ]);
    expect(fixture.sqlite.prepare('select key from meta').all()).toEqual([{ key: 'sync.lastSyncAt' }]);
    expect(fixture.tables()).toEqual(expect.arrayContaining(['application', 'application_tally']));
    expect(fixture.indexes('application')).toEqual([
      'application_employer',
      'application_offer',
      'application_received',
      'application_status_applicant',
      'application_status_number',
      'application_status_offer',
      'application_status_received',
    ]);
    expect(fixture.columns('application_tally')).toEqual(['status', 'n']);
  });

  it('opened by the app: applications are written and tallied, templates edited', async () => {
    await fileBefore(file, '0004_applications');
    const store = await openLocalDatabase(file);
    try {
      const meta = await store.read((tx) => tx.all<{ key: string }>(sql`select key from meta order by key`));
      // The earlier version skipped the feed's applications: its cursor goes, nothing else.
      expect(meta.map((row) => row.key)).toEqual(['sync.lastSyncAt']);
      const structure = await store.read((tx) => tx.first<StructureTable>(sql`select * from structure`));
      expect(structureFromColumns(structure!).replyTemplates).toBeNull();
      const templates = defaultReplyTemplates.slice(0, 2);
      await store.write((tx) =>
        writeView(
          tx,
          syncEntities.structure,
          sampleStructure({ replyTemplates: templates, version: 2 }),
          'synced',
        ),
      );
      const edited = await store.read((tx) => tx.first<StructureTable>(sql`select * from structure`));
      expect(structureFromColumns(edited!).replyTemplates).toEqual(templates);

      await store.write((tx) => {
        writeView(
          tx,
          syncEntities.application,
          sampleApplication('a3000000-0000-4000-8000-000000000001'),
          'synced',
        );
        writeView(
          tx,
          syncEntities.application,
          sampleApplication('a3000000-0000-4000-8000-000000000002', { status: 'recevable' }),
          'synced',
        );
      });
      const tally = await store.read((tx) =>
        tx.all<{ status: string; n: number }>(sql`select status, n from application_tally order by status`),
      );
      expect(tally).toEqual([
        { status: 'a_traiter', n: 1 },
        { status: 'recevable', n: 1 },
      ]);
    } finally {
      await store.close();
    }
  });
});
