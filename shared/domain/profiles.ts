import { z } from '../zod';
import { applicantProfileSchema } from './applications';
import { MOBILITY_MAX_KM } from './candidates';
import { isoDateTimeSchema, requiredText, searchText, uuidSchema } from './fields';
import { contractTypeSchema } from './offers';
import { communeCodeSchema, romeCodeSchema } from './referentials';
import { syncStateSchema } from './sync';

// "Rechercher des profils", "Favoris", "Contacter ce profil" (DESIGN.md §5, §7). Staff see a
// candidate's project, never a mail, a phone or an address: they talk through platform messages.

/**
 * A candidate's profile as staff see it (`GET /profiles/{id}`, search results, and the profiles
 * cached on a desktop): the same fields as an application's snapshot, with the age of today.
 */
export const profileSchema = applicantProfileSchema.extend({
  /** The highest level among the diplomas prepared or held (3 to 7). */
  level: z.number().int(),
  createdAt: isoDateTimeSchema,
});
export type Profile = z.infer<typeof profileSchema>;

/** The level a profile is shown with: its highest diploma, prepared or held. */
export function profileLevel(diplomas: ReadonlyArray<{ level: number }>): number {
  return diplomas.reduce((best, diploma) => Math.max(best, diploma.level), 0);
}

/** A filter naming what the referentials do not know (the platform and the offline search say the same). */
export const COMMUNE_UNKNOWN =
  'Commune inconnue : choisissez une commune de Nouvelle-Aquitaine dans la liste.';
export const DIPLOMA_UNKNOWN = 'Diplôme inconnu : choisissez un diplôme de la liste.';
export const ROME_UNKNOWN = 'Métier inconnu : choisissez un métier de la liste.';

export const PROFILE_SEARCH_MAX_KM = MOBILITY_MAX_KM;
export const RADIUS_NEEDS_COMMUNE = 'Choisissez une commune pour chercher dans un rayon.';

/**
 * A kilometre count of a search, optional (query strings give text, IPC numbers: both are read).
 * '' and null are absent, not 0: radius 0 means "this commune only".
 */
const kilometres = (label: string) =>
  z.preprocess(
    (value) => (value === '' || value === null ? undefined : value),
    z.coerce
      .number({ error: `Le champ « ${label} » doit être un nombre de kilomètres.` })
      .int(`Le champ « ${label} » doit être un nombre entier de kilomètres.`)
      .min(0, `Le champ « ${label} » ne peut pas être négatif.`)
      .max(PROFILE_SEARCH_MAX_KM, `Le champ « ${label} » ne doit pas dépasser ${PROFILE_SEARCH_MAX_KM} km.`)
      .optional(),
  );

/**
 * "Rechercher des profils": `GET /profiles` (query string) and the desktop's channel
 * `profiles.search`. Keywords are plain words (quotes, stars, NEAR and SQL mean nothing).
 * The platform also refuses a commune it does not know (field `commune`).
 */
export const profilesQuerySchema = z
  .object({
    /** Keywords: métier, diploma, presentation. */
    q: searchText().trim().max(200, 'La recherche ne doit pas dépasser 200 caractères.').optional(),
    /** One diploma prepared or held (referential id, e.g. "cap-cuisine"). */
    diploma: z.string().trim().min(1, 'Diplôme invalide.').max(100, 'Diplôme invalide.').optional(),
    /** The highest level at least this one (3 to 7). */
    level: z.coerce
      .number({ error: 'Niveau de diplôme invalide (3 à 7).' })
      .int('Niveau de diplôme invalide (3 à 7).')
      .min(3, 'Niveau de diplôme invalide (3 à 7).')
      .max(7, 'Niveau de diplôme invalide (3 à 7).')
      .optional(),
    rome: romeCodeSchema.optional(),
    /** The commune searched around (INSEE code); the radius needs it. */
    commune: communeCodeSchema.optional(),
    radiusKm: kilometres('Rayon'),
    /** Available on or before this day (aaaa-mm-jj). */
    availableBy: z.iso.date({ error: 'Date de disponibilité invalide (aaaa-mm-jj).' }).optional(),
    contractType: contractTypeSchema.optional(),
    /** Only candidates who declared the OETH. */
    oeth: z
      .union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')], {
        error: 'Filtre OETH invalide.',
      })
      .optional(),
    /** Candidates ready to travel at least this far. */
    mobilityMinKm: kilometres('Mobilité'),
    page: z.coerce
      .number({ error: 'La page doit être un entier positif.' })
      .int('La page doit être un entier positif.')
      .min(1, 'La page doit être un entier positif.')
      .default(1),
  })
  .strict()
  .superRefine((query, context) => {
    if (query.radiusKm !== undefined && query.commune === undefined)
      context.addIssue({ code: 'custom', path: ['radiusKm'], message: RADIUS_NEEDS_COMMUNE });
  });
export type ProfilesQuery = z.output<typeof profilesQuerySchema>;
export type ProfilesQueryInput = z.input<typeof profilesQuerySchema>;

export const PROFILES_PAGE_SIZE = 20;

/** One search result: the profile, and its distance from the searched commune when one was given. */
export const profileResultSchema = profileSchema.extend({ distanceKm: z.number().nullable() });
export type ProfileResult = z.infer<typeof profileResultSchema>;

export const profilesPageSchema = z.object({
  profiles: z.array(profileResultSchema),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  total: z.number().int().nonnegative(),
});
export type ProfilesPage = z.infer<typeof profilesPageSchema>;

/**
 * A favourite of the structure (synced entity `favorite`, `PUT/DELETE /favorites/{profileId}`):
 * shared by the whole team, like its offers, with who added it. Its id is the profile's.
 */
export const favoriteSchema = z.object({
  id: uuidSchema,
  /** The platform removes the favourite when the candidate deletes the profile or closes the account. */
  profile: profileSchema,
  addedBy: z.string(),
  addedAt: isoDateTimeSchema,
  version: z.number().int().nonnegative(),
  updatedAt: isoDateTimeSchema,
});
export type Favorite = z.infer<typeof favoriteSchema>;

export const CONTACT_NEEDS_OFFER = 'Choisissez l’offre pour laquelle vous contactez ce profil.';
export const CONTACT_OFFER_NOT_OPEN =
  'Cette offre n’est pas « En cours » : seule une offre en cours peut être proposée à un profil.';

/** "Contacter ce profil": what staff write (`POST /profiles/{id}/contact` carries it with the contact's id). */
export const contactFieldsSchema = z.object({
  offerId: z.string({ error: CONTACT_NEEDS_OFFER }).trim().min(1, CONTACT_NEEDS_OFFER).pipe(uuidSchema),
  message: requiredText('Message', 4000),
});
export type ContactFields = z.output<typeof contactFieldsSchema>;
export type ContactFieldsInput = z.input<typeof contactFieldsSchema>;

/** `POST /profiles/{profileId}/contact`: the id is made by the desktop (offline, idempotent retries). */
export const contactCreateSchema = contactFieldsSchema.extend({ id: uuidSchema }).strict();

/** A message sent to a profile for one offer (synced entity `contact`): the profile's history. */
export const contactSchema = z.object({
  id: uuidSchema,
  profileId: uuidSchema,
  /** "Prénom Nom" of the candidate when it was sent (kept if the profile goes). */
  profileName: z.string(),
  offerId: uuidSchema,
  /** Null while the offer is provisoire on this desktop. */
  offerNumber: z.number().int().positive().nullable(),
  offerTitle: z.string(),
  message: z.string(),
  sentBy: z.string(),
  sentAt: isoDateTimeSchema,
  version: z.number().int().nonnegative(),
  updatedAt: isoDateTimeSchema,
});
export type Contact = z.infer<typeof contactSchema>;

/** A favourite as cached on this desktop. */
export const localFavoriteSchema = favoriteSchema.extend({ syncState: syncStateSchema });
export type LocalFavorite = z.infer<typeof localFavoriteSchema>;

/** A contact as cached on this desktop ("provisoire" until the platform has it). */
export const localContactSchema = contactSchema.extend({ syncState: syncStateSchema });
export type LocalContact = z.infer<typeof localContactSchema>;

/**
 * Where a profile search was answered: by the platform, or (offline) among the profiles cached
 * on this desktop, those that applied, the favourites and the alerts; the page says which.
 */
export const profileSearchSourceSchema = z.enum(['platform', 'cache']);
export const profileSearchSchema = profilesPageSchema.extend({ source: profileSearchSourceSchema });
export type ProfileSearch = z.infer<typeof profileSearchSchema>;
