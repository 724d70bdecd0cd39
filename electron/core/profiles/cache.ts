import type { ApplicantProfile } from '../../../shared/domain/applications';
import { profileLevel, type Profile } from '../../../shared/domain/profiles';
import type { ReadTx, WriteTx } from '../db/store';
import { profileDocument } from '../search/documents';
import { indexDocument, unindexDocument } from '../search/search-index';
import {
  profileFromColumns,
  profileToColumns,
  type ProfileColumns,
  type ProfileOwnColumns,
} from '../../../shared/db/profile-rows';

// The profiles this desktop has seen (applications, favourites, alerts, online searches and
// "Détails"), kept as they pass so that "Rechercher des profils" and "Détails" work offline.
// Profiles are never edited by their candidates; they are deleted, and then leave here too:
// when an application comes back anonymised, or the platform answers 404 for one (never on a
// favourite's or an alert's tombstone: see cacheCarriedProfile in sync/entities.ts).

const columns: ReadonlyArray<keyof ProfileOwnColumns> = [
  'id',
  'first_name',
  'last_name',
  'age',
  'rome_code',
  'rome_label',
  'level',
  'diplomas',
  'commune_code',
  'commune_name',
  'mobility_km',
  'available_from',
  'contract_types',
  'presentation',
  'oeth',
  'created_at',
];

// The commune's centre read off the referential by the same statement. (A join would be one
// lookup instead of two, but SQLite plans an INSERT … SELECT with an upsert six times slower.)
const insert = `insert into profile (${columns.join(', ')}, latitude, longitude)
  values (${columns.map((c) => `@${c}`).join(', ')},
    (select latitude from commune where code = @commune_code),
    (select longitude from commune where code = @commune_code))`;

const upsert = `${insert} on conflict (id) do update set ${[...columns, 'latitude', 'longitude']
  .filter((c) => c !== 'id')
  .map((c) => `${c} = excluded.${c}`)
  .join(', ')}`;

/** A profile as the platform describes it now (a search, "Détails", a favourite, an alert): stored or refreshed. */
export function cacheProfile(tx: WriteTx, profile: Profile): void {
  const before = tx.get<{ rowid: number }>('select rowid from profile where id = ?', [profile.id]);
  const written = tx.exec(upsert, profileToColumns(profile));
  const rowid = before?.rowid ?? Number(written.lastInsertRowid);
  indexDocument(tx, 'profile', rowid, profileDocument(profile), before === undefined);
}

/**
 * The profile an application was made with: kept only when the profile is not here yet (what
 * the platform says of the profile itself says more). Its age is the one of that day, and the
 * application's date stands for the profile's own.
 */
export function cacheApplicantProfile(tx: WriteTx, applicant: ApplicantProfile, appliedAt: string): void {
  const profile: Profile = { ...applicant, level: profileLevel(applicant.diplomas), createdAt: appliedAt };
  const added = tx.exec(`${insert} on conflict (id) do nothing`, profileToColumns(profile));
  if (added.changes > 0)
    indexDocument(tx, 'profile', Number(added.lastInsertRowid), profileDocument(profile), true);
}

/** The candidate deleted the profile (or closed the account): nothing of it stays here. */
export function forgetProfile(tx: WriteTx, id: string): void {
  const gone = tx.get<{ rowid: number }>('delete from profile where id = ? returning rowid', [id]);
  if (gone) unindexDocument(tx, 'profile', gone.rowid);
}

export function findCachedProfile(tx: ReadTx, id: string): Profile | undefined {
  const row = tx.get<ProfileColumns>('select * from profile where id = ?', [id]);
  return row && profileFromColumns(row);
}

/**
 * The communes referential changed: the profiles' commune centres follow it. Only the rows
 * whose centre moved (or was unknown) are written: after the first download of the referential
 * the cache may hold 100,000 profiles, and a new version rarely moves a centre.
 */
export function relocateProfiles(tx: WriteTx): void {
  tx.exec(`update profile set latitude = commune.latitude, longitude = commune.longitude
    from commune where commune.code = profile.commune_code
    and (profile.latitude is not commune.latitude or profile.longitude is not commune.longitude)`);
}
