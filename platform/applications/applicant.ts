import type { ApplicantProfile } from '../../shared/domain/applications';
import type { ContractType } from '../../shared/domain/offers';
import { diplomasOf } from '../candidates/profiles';
import type { CandidateProfilesTable, CandidatesTable } from '../db/schema';
import { diplomaById } from '../referentials/lookups';

/** Age in whole years on `at` (UTC calendar), from a birth date aaaa-mm-jj. */
export function ageOn(birthDate: string, at: Date): number {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const birthdayPassed =
    at.getUTCMonth() + 1 > month || (at.getUTCMonth() + 1 === month && at.getUTCDate() >= day);
  return Math.max(0, at.getUTCFullYear() - year - (birthdayPassed ? 0 : 1));
}

/**
 * The profile as staff see it with an application, taken when it is made: the candidate's name
 * and age (never the birth date, mail or phone), the project, diplomas with their label and level.
 */
export function applicantProfileOf(
  candidate: Pick<CandidatesTable, 'first_name' | 'last_name' | 'birth_date'>,
  profile: CandidateProfilesTable,
  at: Date,
): ApplicantProfile {
  return {
    id: profile.id,
    firstName: candidate.first_name,
    lastName: candidate.last_name,
    age: ageOn(candidate.birth_date, at),
    romeCode: profile.rome_code,
    romeLabel: profile.rome_label,
    diplomas: diplomasOf(profile).flatMap(({ diplomaId, state }) => {
      const diploma = diplomaById().get(diplomaId);
      return diploma ? [{ id: diplomaId, label: diploma.label, level: diploma.level, state }] : [];
    }),
    communeCode: profile.commune_code,
    communeName: profile.commune_name,
    mobilityKm: profile.mobility_km,
    availableFrom: profile.available_from,
    contractTypes: JSON.parse(profile.contract_types) as ContractType[],
    presentation: profile.presentation,
    oeth: profile.oeth === 1,
  };
}
