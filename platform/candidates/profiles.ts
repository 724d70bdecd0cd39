import { randomUUID } from 'node:crypto';
import type { candidateProfileSchema, ProfileCreate } from '../../shared/domain/candidates';
import { labelOf } from '../../shared/domain/labels';
import type { ContractType } from '../../shared/domain/offers';
import { ROME_VERSION } from '../../shared/domain/referentials';
import type { z } from '../../shared/zod';
import type { CandidateProfilesTable } from '../db/schema';
import { ProblemError } from '../http/problem';
import { profileSearchTextOf } from '../offers/search-text';
import { communeByCode, diplomaById, romeByCode } from '../referentials/lookups';

export type CandidateProfile = z.infer<typeof candidateProfileSchema>;
export type ProfileDiploma = ProfileCreate['diplomas'][number];

interface Refusal {
  code: string;
  field: keyof ProfileCreate;
  detail: string;
}

/** The diplomas of a profile, stored as a JSON array of { diplomaId, state }. */
export function diplomasOf(row: Pick<CandidateProfilesTable, 'diplomas'>): ProfileDiploma[] {
  return JSON.parse(row.diplomas) as ProfileDiploma[];
}

/** One 422 naming every field of the profile that refers to nothing. */
function refusal(refusals: Refusal[]): ProblemError {
  const [first] = refusals;
  return new ProblemError(
    422,
    first!.code,
    refusals.length === 1
      ? first!.detail
      : `Profil impossible à enregistrer : ${refusals.map((r) => `« ${labelOf(r.field)} »`).join(', ')}.`,
    refusals.map(({ field, detail }) => ({ field, detail })),
  );
}

/**
 * A new profile of the candidate, not yet inserted: its métier, diplomas and commune must exist
 * in the referentials (one 422 naming every field that refers to nothing), and it copies their
 * labels and the commune's centre. A diploma named twice is kept once, with its first state.
 */
export function newProfile(
  candidateId: string,
  fields: ProfileCreate,
  now: Date,
  id: string = randomUUID(),
): CandidateProfilesTable {
  const refusals: Refusal[] = [];
  const rome = romeByCode().get(fields.romeCode);
  if (!rome) {
    refusals.push({
      code: 'rome_unknown',
      field: 'romeCode',
      detail: `Le code ${fields.romeCode} n’est pas un métier du ROME ${ROME_VERSION} : choisissez un métier de la liste.`,
    });
  }
  const unknown = fields.diplomas
    .map((d) => d.diplomaId)
    .filter((diplomaId) => !diplomaById().has(diplomaId));
  if (unknown.length > 0) {
    refusals.push({
      code: 'diploma_unknown',
      field: 'diplomas',
      detail: `${unknown.length === 1 ? 'Diplôme inconnu' : 'Diplômes inconnus'} : ${unknown.map((d) => `« ${d} »`).join(', ')}. Choisissez les diplômes dans la liste.`,
    });
  }
  const commune = communeByCode().get(fields.communeCode);
  if (!commune) {
    refusals.push({
      code: 'commune_unknown',
      field: 'communeCode',
      detail: 'Aucune commune de Nouvelle-Aquitaine n’a ce code INSEE : choisissez la commune dans la liste.',
    });
  }
  if (!rome || !commune || unknown.length > 0) throw refusal(refusals);
  const diplomas = fields.diplomas.filter(
    (d, index) => fields.diplomas.findIndex((other) => other.diplomaId === d.diplomaId) === index,
  );
  return {
    id,
    candidate_id: candidateId,
    rome_code: rome.code,
    rome_label: rome.label,
    diplomas: JSON.stringify(diplomas.map(({ diplomaId, state }) => ({ diplomaId, state }))),
    commune_code: commune.code,
    commune_name: commune.name,
    latitude: commune.latitude,
    longitude: commune.longitude,
    mobility_km: fields.mobilityKm,
    available_from: fields.availableFrom,
    contract_types: JSON.stringify([...new Set(fields.contractTypes)]),
    presentation: fields.presentation,
    oeth: fields.oeth ? 1 : 0,
    search_text: profileSearchTextOf(
      { rome_label: rome.label, presentation: fields.presentation, commune_name: commune.name },
      diplomas.map((d) => d.diplomaId),
    ),
    created_at: now.toISOString(),
  };
}

/** A profile as its candidate reads it. */
export function toCandidateProfile(row: CandidateProfilesTable): CandidateProfile {
  return {
    id: row.id,
    romeCode: row.rome_code,
    diplomas: diplomasOf(row),
    communeCode: row.commune_code,
    mobilityKm: row.mobility_km,
    availableFrom: row.available_from,
    contractTypes: JSON.parse(row.contract_types) as ContractType[],
    presentation: row.presentation,
    oeth: row.oeth === 1,
    createdAt: row.created_at,
  };
}
