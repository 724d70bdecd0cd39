import { DEMO_CFA_SIRET } from '../platform/seed/directory';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { memberFromColumns, type MemberColumns } from '../shared/db/rows';
import { createPlatform } from '../platform/server';

// `tsx bench/seed-members.ts <platform data dir> <count>`: the benchmark's platform, seeded
// in a process of its own so that its memory does not count as the desktop's.

const firstNames = [
  'Camille',
  'Léa',
  'Manon',
  'Chloé',
  'Inès',
  'Lucas',
  'Hugo',
  'Louis',
  'Nathan',
  'Enzo',
  'Maëlys',
  'Jules',
  'Théo',
  'Emma',
  'Arthur',
  'Anaïs',
  'Mathis',
  'Sarah',
  'Yanis',
  'Lola',
];
const lastNames = [
  'Martin',
  'Bernard',
  'Dubois',
  'Etcheverry',
  'Lacoste',
  'Duhalde',
  'Larrieu',
  'Castaing',
  'Laborde',
  'Dupuy',
  'Garcia',
  'Fabre',
  'Mercier',
  'Lafon',
  'Bordes',
  'Peyrat',
  'Darrigrand',
  'Cazenave',
  'Lamarque',
  'Sallaberry',
];

const [platformDirArg, countArg] = process.argv.slice(2);
if (!platformDirArg || !countArg) {
  console.error('Usage : tsx bench/seed-members.ts <dossier> <nombre>');
  process.exit(2);
}
const platformDir = platformDirArg;
/** The demo structure with `count` members, written straight into the platform's database. */
async function seedPlatform(count: number): Promise<void> {
  const platform = await createPlatform({ dataDir: platformDir, seed: 'demo' });
  await platform.close();
  const db = new Database(path.join(platformDir, 'platform.sqlite'));
  const structure = db.prepare('select id from structures where siret = ?').get(DEMO_CFA_SIRET) as {
    id: string;
  };
  const insertUser = db.prepare(
    `insert into users (id, mail, password_hash, first_name, last_name, mobile, consent_at, structure_id, structure_joined_at, role, created_at, updated_at, version)
     values (?, ?, 'benchmark', ?, ?, '+33600000000', ?, ?, ?, 'gestionnaire', ?, ?, 1)`,
  );
  const insertChange = db.prepare(
    `insert into sync_log (structure_id, entity, entity_id, seq, version, deleted, data, owner_user_id, changed_at)
     values (?, 'member', ?, ?, 1, 0, ?, null, ?)`,
  );
  const last = db
    .prepare('select last_seq from structure_sequences where structure_id = ?')
    .get(structure.id) as { last_seq: number };
  db.transaction(() => {
    let seq = last.last_seq;
    for (let i = 0; i < count; i++) {
      const joined = new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString();
      const member: MemberColumns = {
        id: randomUUID(),
        first_name: firstNames[i % firstNames.length]!,
        last_name: lastNames[(i * 7) % lastNames.length]!,
        mail: `membre${i}@cfa-demo.fr`,
        role: 'gestionnaire',
        joined_at: joined,
        version: 1,
      };
      insertUser.run(
        member.id,
        member.mail,
        member.first_name,
        member.last_name,
        joined,
        structure.id,
        joined,
        joined,
        joined,
      );
      insertChange.run(structure.id, member.id, ++seq, JSON.stringify(memberFromColumns(member)), joined);
    }
    db.prepare('update structure_sequences set last_seq = ? where structure_id = ?').run(seq, structure.id);
  })();
  db.close();
}

await seedPlatform(Number(countArg));
