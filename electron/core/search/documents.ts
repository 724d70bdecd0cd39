import type { Application } from '../../../shared/domain/applications';
import type { Employer } from '../../../shared/domain/employers';
import type { Offer } from '../../../shared/domain/offers';
import type { Profile } from '../../../shared/domain/profiles';
import type { SearchDocument } from './search-index';

// The words each kind of row is found by (migration 0005 built the same from the rows already
// there). Titles hold what names a row (its number, its name); bodies the rest.

const words = (...parts: Array<string | number | null | undefined>) =>
  parts.filter((part) => part !== null && part !== undefined && part !== '').join(' ');

export function offerDocument(offer: Offer): SearchDocument {
  return {
    title: words(offer.number, offer.title),
    body: words(offer.romeLabel, offer.employerName, offer.communeName),
  };
}

export function employerDocument(employer: Employer): SearchDocument {
  return {
    title: words(employer.tradeName, employer.legalName, employer.siret),
    body: words(employer.address?.communeName, employer.contactFirstName, employer.contactLastName),
  };
}

export function applicationDocument(application: Application): SearchDocument {
  const { profile } = application;
  return {
    title: words(application.number, profile?.firstName, profile?.lastName),
    body: words(application.offerTitle, application.employerName),
  };
}

/** A profile's body is what "Rechercher des profils" matches keywords in: métier, diplomas, commune, presentation. */
export function profileDocument(
  profile: Pick<
    Profile,
    'firstName' | 'lastName' | 'romeLabel' | 'diplomas' | 'communeName' | 'presentation'
  >,
): SearchDocument {
  return {
    title: words(profile.firstName, profile.lastName),
    body: words(
      profile.romeLabel,
      ...profile.diplomas.map((diploma) => diploma.label),
      profile.communeName,
      profile.presentation,
    ),
  };
}
