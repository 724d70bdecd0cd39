import type { Alert } from '../../shared/domain/alerts';
import type { Application } from '../../shared/domain/applications';
import { matchProfile } from '../../shared/domain/match';
import type { Contact, Favorite, Profile } from '../../shared/domain/profiles';
import { OFFER_ID } from './applications';

// Profiles, favourites, contacts and alerts as the platform sends them, for tests of the desktop.

export const PROFILE_ID = 'c1000000-0000-4000-8000-000000000001';

/** Inès Laborde, who prepares a CAP Cuisine in Bordeaux. */
export function sampleProfile(id = PROFILE_ID, overrides: Partial<Profile> = {}): Profile {
  return {
    id,
    firstName: 'Inès',
    lastName: 'Laborde',
    age: 18,
    romeCode: 'G1602',
    romeLabel: 'Personnel de cuisine',
    level: 3,
    diplomas: [{ id: 'cap-cuisine', label: 'CAP Cuisine', level: 3, state: 'prepare' }],
    communeCode: '33063',
    communeName: 'Bordeaux',
    mobilityKm: 30,
    availableFrom: '2026-09-01',
    contractTypes: ['apprentissage'],
    presentation: 'Élève motivée, passionnée de pâtisserie et de cuisine régionale.',
    oeth: false,
    createdAt: '2026-02-01T09:00:00.000Z',
    ...overrides,
  };
}

export function sampleFavorite(profile: Profile, overrides: Partial<Favorite> = {}): Favorite {
  return {
    id: profile.id,
    profile,
    addedBy: 'Camille Martin',
    addedAt: '2026-03-01T09:00:00.000Z',
    version: 1,
    updatedAt: '2026-03-01T09:00:00.000Z',
    ...overrides,
  };
}

export function sampleContact(id: string, profile: Profile, overrides: Partial<Contact> = {}): Contact {
  return {
    id,
    profileId: profile.id,
    profileName: `${profile.firstName} ${profile.lastName}`,
    offerId: OFFER_ID,
    offerNumber: 12,
    offerTitle: 'Commis de cuisine',
    message: 'Bonjour, notre offre pourrait vous intéresser : appelez le 05 56 00 00 00.',
    sentBy: 'Camille Martin',
    sentAt: '2026-03-02T09:00:00.000Z',
    version: 1,
    updatedAt: '2026-03-02T09:00:00.000Z',
    ...overrides,
  };
}

/** An alert for the sample offer (Commis de cuisine in Bordeaux), scored by the shared match. */
export function sampleAlert(id: string, profile: Profile, overrides: Partial<Alert> = {}): Alert {
  const match = matchProfile(
    {
      romeCode: 'G1602',
      diplomas: [{ id: 'cap-cuisine', label: 'CAP Cuisine', level: 3 }],
      latitude: 44.8378,
      longitude: -0.5792,
      startDate: '2026-09-01',
      contractType: 'apprentissage',
    },
    { ...profile, latitude: 44.8378, longitude: -0.5792 },
  );
  return {
    id,
    offerId: OFFER_ID,
    offerNumber: 12,
    offerTitle: 'Commis de cuisine',
    profile,
    score: match.score,
    reasons: match.reasons,
    dismissed: false,
    dismissedBy: null,
    createdAt: '2026-03-03T09:00:00.000Z',
    version: 1,
    updatedAt: '2026-03-03T09:00:00.000Z',
    ...overrides,
  };
}

/** The application once its candidate deleted the profile: abandoned, without personal data. */
export function withdrawn(application: Application, version: number): Application {
  return { ...application, profile: null, message: null, status: 'abandonnee', version };
}
