import type { Alert } from '../domain/alerts';
import type { MatchReason } from '../domain/match';
import type { Contact, Favorite, Profile } from '../domain/profiles';

// How favourites, contacts, alerts and the profiles seen here are stored on the desktop. A
// profile inside a favourite or an alert is kept as the platform sent it (JSON): the row reads
// back whole, offline, whatever the profiles cache holds.

export interface ProfileColumns {
  id: string;
  first_name: string;
  last_name: string;
  age: number;
  rome_code: string;
  rome_label: string;
  level: number;
  /** JSON array of { id, label, level, state }. */
  diplomas: string;
  commune_code: string;
  commune_name: string;
  /** The commune's centre, from the communes referential (null while it is not here). */
  latitude: number | null;
  longitude: number | null;
  mobility_km: number;
  available_from: string;
  /** JSON array of contract types. */
  contract_types: string;
  presentation: string;
  oeth: number;
  created_at: string;
}

/** Everything but the commune's centre, which the cache reads off the communes referential. */
export type ProfileOwnColumns = Omit<ProfileColumns, 'latitude' | 'longitude'>;

export function profileToColumns(profile: Profile): ProfileOwnColumns {
  return {
    id: profile.id,
    first_name: profile.firstName,
    last_name: profile.lastName,
    age: profile.age,
    rome_code: profile.romeCode,
    rome_label: profile.romeLabel,
    level: profile.level,
    diplomas: JSON.stringify(profile.diplomas),
    commune_code: profile.communeCode,
    commune_name: profile.communeName,
    mobility_km: profile.mobilityKm,
    available_from: profile.availableFrom,
    contract_types: JSON.stringify(profile.contractTypes),
    presentation: profile.presentation,
    oeth: profile.oeth ? 1 : 0,
    created_at: profile.createdAt,
  };
}

export function profileFromColumns(row: ProfileOwnColumns): Profile {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    age: row.age,
    romeCode: row.rome_code,
    romeLabel: row.rome_label,
    level: row.level,
    diplomas: JSON.parse(row.diplomas) as Profile['diplomas'],
    communeCode: row.commune_code,
    communeName: row.commune_name,
    mobilityKm: row.mobility_km,
    availableFrom: row.available_from,
    contractTypes: JSON.parse(row.contract_types) as Profile['contractTypes'],
    presentation: row.presentation,
    oeth: row.oeth === 1,
    createdAt: row.created_at,
  };
}

export interface FavoriteColumns {
  id: string;
  /** JSON of the profile. */
  profile: string;
  added_by: string;
  added_at: string;
  version: number;
  updated_at: string;
}

export function favoriteToColumns(favorite: Favorite): FavoriteColumns {
  return {
    id: favorite.id,
    profile: JSON.stringify(favorite.profile),
    added_by: favorite.addedBy,
    added_at: favorite.addedAt,
    version: favorite.version,
    updated_at: favorite.updatedAt,
  };
}

export function favoriteFromColumns(row: FavoriteColumns): Favorite {
  return {
    id: row.id,
    profile: JSON.parse(row.profile) as Profile,
    addedBy: row.added_by,
    addedAt: row.added_at,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export interface ContactColumns {
  id: string;
  profile_id: string;
  profile_name: string;
  offer_id: string;
  offer_number: number | null;
  offer_title: string;
  message: string;
  sent_by: string;
  sent_at: string;
  version: number;
  updated_at: string;
}

export function contactToColumns(contact: Contact): ContactColumns {
  return {
    id: contact.id,
    profile_id: contact.profileId,
    profile_name: contact.profileName,
    offer_id: contact.offerId,
    offer_number: contact.offerNumber,
    offer_title: contact.offerTitle,
    message: contact.message,
    sent_by: contact.sentBy,
    sent_at: contact.sentAt,
    version: contact.version,
    updated_at: contact.updatedAt,
  };
}

export function contactFromColumns(row: ContactColumns): Contact {
  return {
    id: row.id,
    profileId: row.profile_id,
    profileName: row.profile_name,
    offerId: row.offer_id,
    offerNumber: row.offer_number,
    offerTitle: row.offer_title,
    message: row.message,
    sentBy: row.sent_by,
    sentAt: row.sent_at,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export interface AlertColumns {
  id: string;
  offer_id: string;
  offer_number: number;
  offer_title: string;
  /** Denormalised from the profile, for a profile's alerts. */
  profile_id: string;
  /** JSON of the profile. */
  profile: string;
  score: number;
  /** JSON array of the match's reasons. */
  reasons: string;
  dismissed: number;
  dismissed_by: string | null;
  created_at: string;
  version: number;
  updated_at: string;
}

export function alertToColumns(alert: Alert): AlertColumns {
  return {
    id: alert.id,
    offer_id: alert.offerId,
    offer_number: alert.offerNumber,
    offer_title: alert.offerTitle,
    profile_id: alert.profile.id,
    profile: JSON.stringify(alert.profile),
    score: alert.score,
    reasons: JSON.stringify(alert.reasons),
    dismissed: alert.dismissed ? 1 : 0,
    dismissed_by: alert.dismissedBy,
    created_at: alert.createdAt,
    version: alert.version,
    updated_at: alert.updatedAt,
  };
}

export function alertFromColumns(row: AlertColumns): Alert {
  return {
    id: row.id,
    offerId: row.offer_id,
    offerNumber: row.offer_number,
    offerTitle: row.offer_title,
    profile: JSON.parse(row.profile) as Profile,
    score: row.score,
    reasons: JSON.parse(row.reasons) as MatchReason[],
    dismissed: row.dismissed === 1,
    dismissedBy: row.dismissed_by,
    createdAt: row.created_at,
    version: row.version,
    updatedAt: row.updated_at,
  };
}
