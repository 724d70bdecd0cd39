import { profileLevel, type Profile } from '../../shared/domain/profiles';
import { applicantProfileOf } from '../applications/applicant';
import type { PlatformDb } from '../db/open';
import type { CandidateProfilesTable, CandidatesTable } from '../db/schema';
import { ProblemError } from '../http/problem';

// A candidate's profile as staff see it: what an application shows of its candidate, with the
// profile's level and date. Only the candidate's name and birth date are ever read (the age is
// shown), never their mail or phone.

export const PROFILE_GONE = 'Ce profil n’existe plus : le candidat l’a supprimé.';

export const profileGone = () => new ProblemError(404, 'profile_gone', PROFILE_GONE);

type Candidate = Pick<CandidatesTable, 'first_name' | 'last_name' | 'birth_date'>;

export function toProfile(candidate: Candidate, profile: CandidateProfilesTable, now: Date): Profile {
  const applicant = applicantProfileOf(candidate, profile, now);
  return { ...applicant, level: profileLevel(applicant.diplomas), createdAt: profile.created_at };
}

/** The profiles of these ids that still exist, as staff see them today. */
export async function profilesById(
  db: PlatformDb,
  ids: readonly string[],
  now: Date,
): Promise<Map<string, Profile>> {
  const found = new Map<string, Profile>();
  // A page of results passes 20 ids, a computation of alerts up to ALERTS_PER_OFFER per offer for
  // all of a structure's offers at once: read in slices, under SQLite's limit of bound variables.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('candidate_profiles')
      .innerJoin('candidates', 'candidates.id', 'candidate_profiles.candidate_id')
      .selectAll('candidate_profiles')
      .select(['candidates.first_name', 'candidates.last_name', 'candidates.birth_date'])
      .where('candidate_profiles.id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) found.set(row.id, toProfile(row, row, now));
  }
  return found;
}

/** One profile as staff see it; 404 once the candidate deleted it. */
export async function profileToRead(db: PlatformDb, id: string, now: Date): Promise<Profile> {
  const profile = (await profilesById(db, [id], now)).get(id);
  if (!profile) throw profileGone();
  return profile;
}
