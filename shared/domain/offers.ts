import { z } from '../zod';
import { isoDateTimeSchema, optionalText, requiredText, searchText, uuidSchema } from './fields';
import { communeCodeSchema, romeCodeSchema } from './referentials';

export const contractTypes = ['apprentissage', 'professionnalisation', 'stage'] as const;
export const contractTypeSchema = z.enum(contractTypes, {
  error: 'Type de contrat invalide : Apprentissage, Professionnalisation ou Stage.',
});
export type ContractType = z.infer<typeof contractTypeSchema>;
export const contractTypeLabels: Record<ContractType, string> = {
  apprentissage: 'Apprentissage',
  professionnalisation: 'Professionnalisation',
  stage: 'Stage',
};

export const offerStatuses = ['en_cours', 'pourvue', 'archivee'] as const;
export const offerStatusSchema = z.enum(offerStatuses, { error: 'Statut d’offre invalide.' });
export type OfferStatus = z.infer<typeof offerStatusSchema>;
/** The tabs of "Mes offres" (DESIGN.md §7). */
export const offerTabLabels: Record<OfferStatus, string> = {
  en_cours: 'En cours',
  pourvue: 'Pourvues',
  archivee: 'Archivées',
};

/** One offer's status (the tabs of "Mes offres", `offerTabLabels`, name them in the plural). */
export const offerStatusLabels: Record<OfferStatus, string> = {
  en_cours: 'En cours',
  pourvue: 'Pourvue',
  archivee: 'Archivée',
};

/** The platform archives an offer this many months after its publication. */
export const OFFER_LIFETIME_MONTHS = 6;

export const HANDICAP_COMMITMENT =
  'Cet employeur est engagé en faveur de l’emploi des personnes en situation de handicap';

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .number({ error: `Le champ « ${label} » doit être un nombre entier.` })
    .int(`Le champ « ${label} » doit être un nombre entier.`)
    .min(min, `Le champ « ${label} » doit être au moins ${min}.`)
    .max(max, `Le champ « ${label} » ne doit pas dépasser ${max}.`);

const box = z.boolean({ error: 'Case à cocher invalide.' });

/** What staff fill in "Créer une offre" (and change with "Modifier"). */
export const offerFieldsSchema = z.object({
  employerId: uuidSchema.describe("L'employeur (un partenaire accepté)"),
  title: requiredText('Intitulé', 150),
  romeCode: romeCodeSchema,
  diplomaIds: z
    .array(z.string().min(1), { error: 'Choisissez au moins un diplôme.' })
    .min(1, 'Choisissez au moins un diplôme.')
    .max(10, 'Pas plus de 10 diplômes par offre.'),
  contractType: contractTypeSchema,
  startDate: z.iso.date({ error: 'Date de début invalide (jj/mm/aaaa).' }),
  durationMonths: wholeNumber('Durée (mois)', 1, 48),
  positions: wholeNumber('Nombre de postes', 1, 99),
  rhythm: optionalText("Rythme de l'alternance", 200),
  communeCode: communeCodeSchema,
  description: requiredText('Description', 5000),
  handicapCommitment: box,
  sharedWithStructure: box,
  franceTravail: box,
});
export type OfferFields = z.output<typeof offerFieldsSchema>;
export type OfferFormInput = z.input<typeof offerFieldsSchema>;

/** `POST /offers`: the id is made by the desktop (offline creation, idempotent retries). */
export const offerCreateSchema = offerFieldsSchema.extend({ id: uuidSchema }).strict();

/** `PATCH /offers/{id}`: "Modifier", "Marquer comme pourvue", "Archiver". */
export const offerPatchSchema = offerFieldsSchema.extend({ status: offerStatusSchema }).partial().strict();

/** An offer of the structure (synced entity `offer`): stored values, no input transforms. */
export const offerSchema = offerFieldsSchema.extend({
  id: uuidSchema,
  rhythm: z.string().nullable(),
  /** "N° d'offre", given by the platform: null while "provisoire". */
  number: z.number().int().positive().nullable(),
  employerName: z.string(),
  romeLabel: z.string(),
  romeVersion: z.string(),
  communeName: z.string(),
  status: offerStatusSchema,
  createdBy: uuidSchema,
  createdAt: isoDateTimeSchema,
  /** When it went "En cours" on the platform (null while provisoire). */
  publishedAt: isoDateTimeSchema.nullable(),
  /** When the platform will archive it (6 months after publication). */
  archiveAt: isoDateTimeSchema.nullable(),
  applicationsCount: z.number().int().nonnegative(),
  /** 0 while the platform has never seen it. */
  version: z.number().int().nonnegative(),
  updatedAt: isoDateTimeSchema,
});
export type Offer = z.infer<typeof offerSchema>;

/** "Consulter toutes les offres" (`GET /offers/public`): every structure's offers "En cours". */
export const publicOffersQuerySchema = z.object({
  q: searchText().trim().max(200, 'La recherche ne doit pas dépasser 200 caractères.').optional(),
  rome: romeCodeSchema.optional(),
  level: z.coerce
    .number({ error: 'Niveau de diplôme invalide (3 à 7).' })
    .int('Niveau de diplôme invalide (3 à 7).')
    .min(3, 'Niveau de diplôme invalide (3 à 7).')
    .max(7, 'Niveau de diplôme invalide (3 à 7).')
    .optional(),
  contractType: contractTypeSchema.optional(),
  commune: communeCodeSchema.optional(),
  radiusKm: z.coerce
    .number({ error: 'Le rayon doit être un nombre de kilomètres.' })
    .min(0, 'Le rayon ne peut pas être négatif.')
    .max(200, 'Le rayon ne doit pas dépasser 200 km.')
    .optional(),
  /** One offer by its "N° d'offre" (a candidate quoting it). */
  number: z.coerce
    .number({ error: "N° d'offre invalide." })
    .int("N° d'offre invalide.")
    .positive("N° d'offre invalide.")
    .optional(),
  page: z.coerce.number().int().min(1, 'La page doit être un entier positif.').default(1),
});
export type PublicOffersQuery = z.input<typeof publicOffersQuerySchema>;

/** An offer as anyone may read it: no contact detail of the employer or of the structure. */
export const publicOfferSchema = z.object({
  id: uuidSchema,
  number: z.number().int().positive(),
  title: z.string(),
  romeCode: z.string(),
  romeLabel: z.string(),
  diplomas: z.array(z.object({ id: z.string(), label: z.string(), level: z.number().int() })),
  contractType: contractTypeSchema,
  startDate: z.string(),
  durationMonths: z.number().int(),
  positions: z.number().int(),
  rhythm: z.string().nullable(),
  communeCode: z.string(),
  communeName: z.string(),
  /** From the searched commune, when one was given. */
  distanceKm: z.number().nullable(),
  description: z.string(),
  handicapCommitment: z.boolean(),
  employerName: z.string(),
  structureName: z.string(),
  publishedAt: isoDateTimeSchema,
});
export type PublicOffer = z.infer<typeof publicOfferSchema>;

export const publicOffersPageSchema = z.object({
  offers: z.array(publicOfferSchema),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  total: z.number().int().nonnegative(),
});
