import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { DEMO_REFERENT } from '../platform/seed/demo';
import { DEMO_CFA_SIRET } from '../platform/seed/directory';
import { createPlatform } from '../platform/server';
import { memberFromColumns, type MemberColumns } from '../shared/db/rows';
import type { Employer } from '../shared/domain/employers';
import { applicationStatuses, type Application } from '../shared/domain/applications';
import { contractTypes, offerStatuses, type Offer } from '../shared/domain/offers';
import { seededRandom } from '../shared/random';

// `tsx bench/seed-platform.ts <platform data dir> <members> <employers> <offers> <applications>`: the
// benchmark's platform, seeded in a process of its own so that its memory does not count as
// the desktop's. Only the change feed is written: it is all a desktop's pull reads.

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

const [platformDirArg, membersArg, employersArg, offersArg, applicationsArg] = process.argv.slice(2);
if (!platformDirArg || !membersArg || !employersArg || !offersArg || !applicationsArg) {
  console.error(
    'Usage : tsx bench/seed-platform.ts <dossier> <membres> <employeurs> <offres> <candidatures>',
  );
  process.exit(2);
}
const platformDir = platformDirArg;

const titles = [
  ['D1102', 'Boulanger / Boulangère', 'Boulanger·ère en apprentissage'],
  ['G1602', 'Cuisinier / Cuisinière', 'Commis de cuisine'],
  ['F1603', 'Plombier / Plombière', 'Plombier·ère chauffagiste'],
  ['I1604', 'Mécanicien / Mécanicienne automobile', 'Mécanicien·ne automobile'],
  ['D1507', 'Vendeur / Vendeuse en magasin', 'Vendeur·se conseil'],
  ['M1607', 'Secrétaire', 'Assistant·e administratif·ve'],
] as const;
const communes = [
  ['33063', 'Bordeaux'],
  ['64445', 'Pau'],
  ['87085', 'Limoges'],
  ['86194', 'Poitiers'],
  ['17300', 'La Rochelle'],
  ['24322', 'Périgueux'],
] as const;

const presentations = [
  'Motivé·e et curieux·se, je prépare ce diplôme en alternance et je cherche une entreprise près de chez moi.',
  'Après un premier stage réussi, je souhaite poursuivre dans ce métier. Je suis ponctuel·le et j’aime le travail en équipe.',
  'Je me reconvertis après trois ans dans la vente ; je suis disponible dès la rentrée et mobile sur le département.',
] as const;

/** One application to `offer`, in a status spread like the demo's, received `index` minutes apart. */
function application(index: number, offer: Offer, random: () => number): Application {
  const receivedAt = new Date(Date.UTC(2025, 2, 1) + index * 60_000).toISOString();
  const status = applicationStatuses[Math.floor(random() * applicationStatuses.length)]!;
  const firstName = firstNames[index % firstNames.length]!;
  const abandoned = status === 'abandonnee';
  const replied = status === 'recevable' || status === 'refusee';
  return {
    id: randomUUID(),
    number: 1_000_000 + index,
    offerId: offer.id,
    offerNumber: offer.number!,
    offerTitle: offer.title,
    employerId: offer.employerId,
    employerName: offer.employerName,
    profile: abandoned
      ? null
      : {
          id: randomUUID(),
          firstName,
          lastName: lastNames[(index * 7) % lastNames.length]!,
          age: 16 + (index % 14),
          romeCode: offer.romeCode,
          romeLabel: offer.romeLabel,
          diplomas: [{ id: 'cap-cuisine', label: 'CAP Cuisine', level: 3, state: 'prepare' }],
          communeCode: offer.communeCode,
          communeName: offer.communeName,
          mobilityKm: 30,
          availableFrom: '2026-09-01',
          contractTypes: ['apprentissage'],
          presentation: presentations[index % presentations.length]!,
          oeth: index % 17 === 0,
        },
    message: abandoned ? null : `Bonjour, je suis très intéressé·e par votre offre « ${offer.title} ».`,
    status,
    abandonReason: abandoned ? 'Le candidat a supprimé ce profil.' : null,
    replyMessage: replied ? 'Bonjour, merci de votre candidature : appelez-nous au 05 56 00 00 00.' : null,
    refusalReason: status === 'refusee' ? 'profil_inadapte' : null,
    refusalDetail: null,
    repliedAt: replied ? receivedAt : null,
    repliedBy: replied ? 'Camille Martin' : null,
    readAt: status === 'a_traiter' ? null : receivedAt,
    readBy: status === 'a_traiter' ? null : 'Camille Martin',
    receivedAt,
    history: [{ kind: 'recue', at: receivedAt, by: null, detail: null }],
    version: 1,
    updatedAt: receivedAt,
  };
}

/** Employers, offers and applications of the demo structure, as the platform's feed carries them. */
function* employersAndOffers(employers: number, offers: number, applications: number, createdBy: string) {
  const random = seededRandom(20_000);
  const employerIds: string[] = [];
  const offerList: Offer[] = [];
  for (let i = 0; i < employers; i++) {
    const at = new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString();
    const employer: Employer = {
      id: randomUUID(),
      siret: String(10_000_000_000_000 + i),
      legalName: `ENTREPRISE PARTENAIRE ${i + 1}`,
      tradeName: null,
      nafCode: '56.10A',
      nafLabel: 'Restauration traditionnelle',
      address: {
        street: `${i + 1} RUE DU PORT`,
        postalCode: '33000',
        communeCode: '33063',
        communeName: 'Bordeaux',
      },
      contactLastName: lastNames[i % lastNames.length]!,
      contactFirstName: firstNames[i % firstNames.length]!,
      contactMail: `contact${i}@entreprise.fr`,
      contactPhone: '+33556000000',
      status: 'acceptee',
      refusalReason: null,
      createdBy,
      createdAt: at,
      version: 1,
      updatedAt: at,
    };
    employerIds.push(employer.id);
    yield { entity: 'employer', data: employer, at: employer.createdAt };
  }
  for (let i = 0; i < offers; i++) {
    const at = new Date(Date.UTC(2025, 0, 1) + i * 600_000).toISOString();
    const [romeCode, romeLabel, title] = titles[Math.floor(random() * titles.length)]!;
    const [communeCode, communeName] = communes[Math.floor(random() * communes.length)]!;
    const employerIndex = Math.floor(random() * employerIds.length);
    const offer: Offer = {
      id: randomUUID(),
      number: 100_000 + i,
      employerId: employerIds[employerIndex]!,
      employerName: `ENTREPRISE PARTENAIRE ${employerIndex + 1}`,
      title: `${title} (${i + 1})`,
      romeCode,
      romeLabel,
      romeVersion: '4.0',
      diplomaIds: ['cap-cuisine'],
      contractType: contractTypes[i % contractTypes.length]!,
      startDate: '2026-09-01',
      durationMonths: 24,
      positions: 1 + (i % 3),
      rhythm: '2 semaines en entreprise, 1 semaine au CFA',
      communeCode,
      communeName,
      description: 'Au sein d’une équipe de dix personnes, vous apprendrez le métier pas à pas.',
      handicapCommitment: i % 4 === 0,
      sharedWithStructure: true,
      franceTravail: i % 2 === 0,
      status: offerStatuses[random() < 0.6 ? 0 : random() < 0.5 ? 1 : 2]!,
      createdBy,
      createdAt: at,
      publishedAt: at,
      archiveAt: new Date(Date.parse(at) + 182 * 86_400_000).toISOString(),
      applicationsCount: 0,
      version: 1,
      updatedAt: at,
    };
    offerList.push(offer);
    yield { entity: 'offer', data: offer, at: offer.createdAt };
  }
  for (let i = 0; i < applications; i++) {
    const data = application(i, offerList[Math.floor(random() * offerList.length)]!, random);
    yield { entity: 'application', data, at: data.receivedAt };
  }
}

/** The demo structure with its members, employers and offers, written straight into the platform's database. */
async function seedPlatform(
  count: number,
  employers: number,
  offers: number,
  applications: number,
): Promise<void> {
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
    const referent = db.prepare('select id from users where mail = ?').get(DEMO_REFERENT.mail) as {
      id: string;
    };
    const insertEntity = db.prepare(
      `insert into sync_log (structure_id, entity, entity_id, seq, version, deleted, data, owner_user_id, changed_at)
       values (?, ?, ?, ?, 1, 0, ?, null, ?)`,
    );
    for (const { entity, data, at } of employersAndOffers(employers, offers, applications, referent.id)) {
      insertEntity.run(structure.id, entity, data.id, ++seq, JSON.stringify(data), at);
    }
    db.prepare('update structure_sequences set last_seq = ? where structure_id = ?').run(seq, structure.id);
  })();
  db.close();
}

await seedPlatform(Number(membersArg), Number(employersArg), Number(offersArg), Number(applicationsArg));
