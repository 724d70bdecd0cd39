import { receivedState, type Application } from '../../shared/domain/applications';
import type { Structure } from '../../shared/domain/structure';
import { EMPLOYER_ID, STRUCTURE_ID } from './scripted-engine';

// Applications and a structure as the platform sends them, for tests of the desktop's cache.

export const OFFER_ID = '3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a98';

/** An application "A traiter" received a day before `now`, as the platform numbers it. */
export function sampleApplication(
  id: string,
  overrides: Partial<Application> = {},
  now = new Date(),
): Application {
  const receivedAt = new Date(now.getTime() - 86_400_000).toISOString();
  return {
    id,
    number: 1,
    offerId: OFFER_ID,
    offerNumber: 12,
    offerTitle: 'Commis de cuisine',
    employerId: EMPLOYER_ID,
    employerName: 'Brasserie du Port',
    profile: {
      id: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e',
      firstName: 'Émilie',
      lastName: 'Darrigrand',
      age: 19,
      romeCode: 'G1602',
      romeLabel: 'Personnel de cuisine',
      diplomas: [{ id: 'cap-cuisine', label: 'CAP Cuisine', level: 3, state: 'prepare' }],
      communeCode: '33063',
      communeName: 'Bordeaux',
      mobilityKm: 20,
      availableFrom: '2026-09-01',
      contractTypes: ['apprentissage'],
      presentation: 'Motivée par la cuisine de brasserie.',
      oeth: false,
    },
    message: 'Bonjour, je suis très intéressée par votre offre.',
    ...receivedState(receivedAt),
    updatedAt: receivedAt,
    ...overrides,
  };
}

/** The structure of the scripted platform's user. */
export function sampleStructure(overrides: Partial<Structure> = {}): Structure {
  return {
    id: STRUCTURE_ID,
    siret: '92193444400016',
    legalName: 'CFA DES METIERS DE BORDEAUX',
    nafCode: '85.32Z',
    nafLabel: 'Enseignement secondaire technique ou professionnel',
    headcountBand: null,
    tradeName: 'CFA Bordeaux Métiers',
    email: null,
    phone: null,
    website: null,
    address: { street: '1 rue du Port', postalCode: '33000', communeCode: '33063', communeName: 'Bordeaux' },
    acceptsThirdGradeInterns: false,
    acceptsSecondGradeInterns: false,
    replyTemplates: null,
    version: 1,
    updatedAt: '2026-01-05T09:00:00.000Z',
    ...overrides,
  };
}
