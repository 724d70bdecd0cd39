import { randomUUID } from 'node:crypto';
import type { MemberRole } from '../../shared/domain/account';
import { hashPassword } from '../auth/passwords';
import type { PlatformDb } from '../db/open';
import type { StructuresTable } from '../db/schema';
import { recordStructure, recordUser } from '../sync/log';
import { DEMO_CFA_SIRET } from './directory';

const DEMO_PASSWORD = 'Demo-Formation-2026!';

/** The demo référent's credentials, given in the README. */
export const DEMO_REFERENT = {
  mail: 'referent@cfa-demo.fr',
  password: DEMO_PASSWORD,
  firstName: 'Claire',
  lastName: 'Lacoste',
  mobile: '+33612345678',
};

/** A gestionnaire of the demo structure, approved by its référent. */
export const DEMO_GESTIONNAIRE = {
  mail: 'gestionnaire@cfa-demo.fr',
  password: DEMO_PASSWORD,
  firstName: 'Julien',
  lastName: 'Etcheverry',
  mobile: '+33698765432',
};

/** A collaborator whose request to join the demo structure awaits the référent's approval. */
export const DEMO_PENDING = {
  mail: 'nouveau.collaborateur@cfa-demo.fr',
  password: DEMO_PASSWORD,
  firstName: 'Léa',
  lastName: 'Darrigrand',
  mobile: '+33711223344',
};

const demoAccounts: Array<{ account: typeof DEMO_REFERENT; role: MemberRole }> = [
  { account: DEMO_REFERENT, role: 'referent' },
  { account: DEMO_GESTIONNAIRE, role: 'gestionnaire' },
  { account: DEMO_PENDING, role: 'pending' },
];

/**
 * Establishments of the directory registered as structures without any user (as if their
 * référent had left), which host pupils in observation internships: the directory of
 * `GET /observation-hosts` is not empty on a demo platform.
 */
export const DEMO_OBSERVATION_HOSTS = [
  {
    siret: '56227036300012',
    email: 'contact@patisserie-coustau.fr',
    phone: '+33556480112',
    third: 1,
    second: 1,
  },
  {
    siret: '41613662000018',
    email: 'cabinet@etchegaray-assurances.fr',
    phone: '+33556790433',
    third: 0,
    second: 1,
  },
  { siret: '40840239400048', email: 'stages@datavigne.fr', phone: '+33557120945', third: 1, second: 1 },
  {
    siret: '73110479000019',
    email: 'auboneboeuf.pessac@orange.fr',
    phone: '+33556361278',
    third: 1,
    second: 0,
  },
  {
    siret: '60098314200016',
    email: 'lamiedubourg.limoges@free.fr',
    phone: '+33555320614',
    third: 1,
    second: 0,
  },
  { siret: '93980579200032', email: 'contact@elec-cassagne.fr', phone: '+33559025587', third: 0, second: 1 },
  {
    siret: '76754890200018',
    email: 'accueil@lalanne-expertise.fr',
    phone: '+33559840321',
    third: 1,
    second: 1,
  },
  {
    siret: '95852880400049',
    email: 'bonjour@traiteur-cote-de-beaute.fr',
    phone: '+33546417709',
    third: 1,
    second: 0,
  },
] as const;

/** A structure made from its establishment in the company directory. */
export async function structureFromDirectory(
  db: PlatformDb,
  siret: string,
  nafLabels: ReadonlyMap<string, string>,
  extra: Partial<StructuresTable>,
): Promise<StructuresTable> {
  const company = await db
    .selectFrom('companies')
    .selectAll()
    .where('siret', '=', siret)
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    siret: company.siret,
    legal_name: company.legal_name,
    naf_code: company.naf_code,
    naf_label: nafLabels.get(company.naf_code) ?? company.naf_code,
    headcount_band: company.headcount_band,
    trade_name: company.trade_name,
    email: null,
    phone: null,
    website: null,
    street: company.street,
    postal_code: company.postal_code,
    commune_code: company.commune_code,
    commune_name: company.commune_name,
    accepts_third_grade_interns: 0,
    accepts_second_grade_interns: 0,
    reply_templates: null,
    version: 1,
    created_at: now,
    updated_at: now,
    ...extra,
  };
}

/**
 * The demo training centre with its référent, a gestionnaire and a pending collaborator, and a
 * few host structures of the observation directory. Idempotent: what exists is left alone, what
 * is missing (a platform seeded by an older version) is added.
 */
export async function seedDemo(db: PlatformDb, nafLabels: ReadonlyMap<string, string>): Promise<void> {
  const sirets = [DEMO_CFA_SIRET, ...DEMO_OBSERVATION_HOSTS.map((host) => host.siret)];
  const existingStructures = await db
    .selectFrom('structures')
    .select('siret')
    .where('siret', 'in', sirets)
    .execute();
  const existingMails = await db
    .selectFrom('users')
    .select('mail')
    .where(
      'mail',
      'in',
      demoAccounts.map(({ account }) => account.mail),
    )
    .execute();
  const registered = new Set(existingStructures.map((row) => row.siret));
  const missingAccounts = demoAccounts.filter(
    ({ account }) => !existingMails.some((row) => row.mail === account.mail),
  );
  if (registered.size === sirets.length && missingAccounts.length === 0) return;
  // Argon2 is slow on purpose: the three accounts share one hash of their common password.
  const passwordHash = missingAccounts.length > 0 ? await hashPassword(DEMO_PASSWORD) : '';

  await db.transaction().execute(async (trx) => {
    if (!registered.has(DEMO_CFA_SIRET)) {
      const structure = await structureFromDirectory(trx, DEMO_CFA_SIRET, nafLabels, {
        email: 'contact@cfa-demo.fr',
        phone: '+33556000000',
        website: 'https://www.cfa-demo.fr',
        accepts_third_grade_interns: 1,
      });
      await trx.insertInto('structures').values(structure).execute();
      await recordStructure(trx, structure);
    }
    for (const host of DEMO_OBSERVATION_HOSTS) {
      if (registered.has(host.siret)) continue;
      const structure = await structureFromDirectory(trx, host.siret, nafLabels, {
        email: host.email,
        phone: host.phone,
        accepts_third_grade_interns: host.third,
        accepts_second_grade_interns: host.second,
      });
      await trx.insertInto('structures').values(structure).execute();
      await recordStructure(trx, structure);
    }

    const demo = await trx
      .selectFrom('structures')
      .select('id')
      .where('siret', '=', DEMO_CFA_SIRET)
      .executeTakeFirstOrThrow();
    const referent = await trx
      .selectFrom('users')
      .select('id')
      .where('structure_id', '=', demo.id)
      .where('role', '=', 'referent')
      .executeTakeFirst();
    for (const { account, role } of missingAccounts) {
      // Someone else may have become the référent meanwhile: the structure keeps only one.
      if (role === 'referent' && referent) continue;
      const now = new Date().toISOString();
      const user = await trx
        .insertInto('users')
        .values({
          id: randomUUID(),
          mail: account.mail,
          password_hash: passwordHash,
          first_name: account.firstName,
          last_name: account.lastName,
          mobile: account.mobile,
          consent_at: now,
          structure_id: demo.id,
          structure_joined_at: now,
          role: role === 'pending' ? null : role,
          created_at: now,
          updated_at: now,
          version: 1,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordUser(trx, user);
    }
  });
}
