import { expect } from 'vitest';
import type { EmployerFormInput } from '../../shared/domain/employers';
import type { OfferFormInput } from '../../shared/domain/offers';
import type { LocalEmployer } from '../../shared/domain/session';
import type { Platform } from '../../platform/server';
import type { TestDesktop } from './desktops';

// Employers and offers as staff type them, and establishments of the reference platform's
// directory that no structure has asked for yet.

/** Establishments of the directory, open or closed, that no structure is or partners. */
export async function directorySirets(
  platform: Platform,
  options: { active: boolean; count: number },
): Promise<string[]> {
  const rows = await platform.db
    .selectFrom('companies')
    .select('siret')
    .where('active', '=', options.active ? 1 : 0)
    .where('siret', 'not in', (eb) => eb.selectFrom('employers').select('siret'))
    .where('siret', 'not in', (eb) => eb.selectFrom('structures').select('siret'))
    .orderBy('siret')
    .limit(options.count)
    .execute();
  if (rows.length < options.count) throw new Error('annuaire de démonstration trop petit');
  return rows.map((row) => row.siret);
}

/** "Ajouter un employeur", as typed (spaces in the SIRET and the phone number). */
export function employerForm(siret: string, overrides: Partial<EmployerFormInput> = {}): EmployerFormInput {
  return {
    siret: `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`,
    contactLastName: 'Larrieu',
    contactFirstName: 'Maïté',
    contactMail: 'Maite.Larrieu@Exemple.fr',
    contactPhone: '05 56 12 34 56',
    ...overrides,
  };
}

/** A partner employer the platform accepted (asked for from this desktop, then synced). */
export async function acceptedEmployer(platform: Platform, desktop: TestDesktop): Promise<LocalEmployer> {
  const [siret] = await directorySirets(platform, { active: true, count: 1 });
  const request = await desktop.call('employers.create', employerForm(siret!));
  await desktop.call('sync.now');
  const employer = await desktop.call('employers.get', { id: request.id });
  expect(employer.status).toBe('acceptee');
  return employer;
}

/** "Créer une offre" for a métier, a diploma and a commune of the referentials. */
export function offerForm(employerId: string, overrides: Partial<OfferFormInput> = {}): OfferFormInput {
  return {
    employerId,
    title: 'Électricien du bâtiment en alternance',
    romeCode: 'F1602',
    diplomaIds: ['cap-electricien', 'bp-electricien'],
    contractType: 'apprentissage',
    startDate: '2026-09-01',
    durationMonths: 24,
    positions: 1,
    rhythm: '2 semaines en entreprise, 1 semaine au CFA',
    communeCode: '33039',
    description: 'Installation et mise en service des équipements électriques sur chantier.',
    handicapCommitment: true,
    sharedWithStructure: true,
    franceTravail: false,
    ...overrides,
  };
}
