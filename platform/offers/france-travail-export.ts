import { isoDateTimeSchema } from '../../shared/domain/fields';
import { contractTypeSchema } from '../../shared/domain/offers';
import { z } from '../../shared/zod';
import type { PlatformDb } from '../db/open';
import type { MemberRow } from '../http/membership';
import { visibleTo } from './visibility';

export const FRANCE_TRAVAIL_FORMAT = 'plateforme-apprentissage-nouvelle-aquitaine/offres-france-travail';
export const FRANCE_TRAVAIL_FORMAT_VERSION = '1.0';

/**
 * `GET /offers/france-travail-export`: the structure's offers "En cours" whose box "Je souhaite
 * que cette offre soit transmise à France travail" is ticked, in the form France Travail needs to
 * diffuse them. Nobody's contact details: candidates apply through the platform.
 */
export const franceTravailExportSchema = z
  .object({
    format: z.literal(FRANCE_TRAVAIL_FORMAT),
    formatVersion: z.literal(FRANCE_TRAVAIL_FORMAT_VERSION),
    generatedAt: isoDateTimeSchema,
    offers: z.array(
      z.object({
        number: z.number().int().positive().describe("N° d'offre sur la plateforme"),
        title: z.string(),
        romeCode: z.string().describe('Code du métier'),
        romeVersion: z.string().describe('Version du ROME du code (4.0)'),
        contractType: contractTypeSchema,
        startDate: z.string().describe('Date de début (AAAA-MM-JJ)'),
        durationMonths: z.number().int(),
        positions: z.number().int().describe('Nombre de postes'),
        communeCode: z.string().describe('Code INSEE de la commune du lieu de travail'),
        description: z.string(),
        handicapCommitment: z
          .boolean()
          .describe('L’employeur est engagé en faveur de l’emploi des personnes en situation de handicap'),
        employer: z.object({ siret: z.string(), name: z.string() }),
      }),
    ),
  })
  .describe(
    `Format « ${FRANCE_TRAVAIL_FORMAT} », version ${FRANCE_TRAVAIL_FORMAT_VERSION} : generatedAt (date de production), puis une entrée par offre.`,
  );
export type FranceTravailExport = z.infer<typeof franceTravailExportSchema>;

/** The export for a member: the offers they may see (others' unshared offers stay hidden), by number. */
export async function franceTravailExport(
  db: PlatformDb,
  member: MemberRow,
  now: Date,
): Promise<FranceTravailExport> {
  const rows = await db
    .selectFrom('offers')
    .innerJoin('employers', 'employers.id', 'offers.employer_id')
    .select([
      'offers.number',
      'offers.title',
      'offers.rome_code',
      'offers.rome_version',
      'offers.contract_type',
      'offers.start_date',
      'offers.duration_months',
      'offers.positions',
      'offers.commune_code',
      'offers.description',
      'offers.handicap_commitment',
      'offers.employer_name',
      'employers.siret',
    ])
    .where('offers.structure_id', '=', member.structure_id)
    .where('offers.status', '=', 'en_cours')
    .where('offers.france_travail', '=', 1)
    .where(visibleTo(member))
    .orderBy('offers.number')
    .execute();
  return {
    format: FRANCE_TRAVAIL_FORMAT,
    formatVersion: FRANCE_TRAVAIL_FORMAT_VERSION,
    generatedAt: now.toISOString(),
    offers: rows.map((row) => ({
      number: row.number,
      title: row.title,
      romeCode: row.rome_code,
      romeVersion: row.rome_version,
      contractType: row.contract_type,
      startDate: row.start_date,
      durationMonths: row.duration_months,
      positions: row.positions,
      communeCode: row.commune_code,
      description: row.description,
      handicapCommitment: row.handicap_commitment === 1,
      employer: { siret: row.siret, name: row.employer_name },
    })),
  };
}
