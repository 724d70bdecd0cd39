import { z } from '../zod';

/** The ROME version offers are coded in (France Travail's ROME 4.0, release v460). */
export const ROME_VERSION = '4.0';

export const romeCodeSchema = z
  .string({ error: 'Le champ « Métier » est obligatoire.' })
  .trim()
  .toUpperCase()
  .regex(
    /^[A-N]\d{4}$/,
    'Métier invalide : choisissez un métier de la liste (code ROME, par exemple D1102).',
  );

/** A ROME 4.0 métier (`GET /referentials/rome`). */
export const romeEntrySchema = z.object({
  code: z.string(),
  label: z.string(),
  /** The ROME "domaine professionnel" (e.g. D11), for "same domain" matches. */
  domainCode: z.string(),
});
export type RomeEntry = z.infer<typeof romeEntrySchema>;

/** The national certification levels apprenticeship diplomas are classed at (décret 2019-14). */
export const diplomaLevelSchema = z.number().int().min(3).max(7);

/** The levels with the diplomas people know them by, as staff read them. */
export const diplomaLevelLabels: Record<number, string> = {
  3: 'Niveau 3 (CAP, BEP)',
  4: 'Niveau 4 (Bac, BP)',
  5: 'Niveau 5 (Bac+2 : BTS…)',
  6: 'Niveau 6 (Bac+3 : licence, BUT)',
  7: 'Niveau 7 (Bac+5 : master, ingénieur)',
};

export const diplomaKinds = [
  'CAP',
  'CAP agricole',
  'BP',
  'BPA',
  'Mention complémentaire',
  'Bac pro',
  'BTS',
  'BTSA',
  'BUT',
  'Licence pro',
  'Titre professionnel',
  'Master',
  "Diplôme d'ingénieur",
] as const;

/** A diploma or title an offer prepares for (`GET /referentials/diplomas`). */
export const diplomaSchema = z.object({
  /** Stable identifier, e.g. "cap-cuisine". */
  id: z.string(),
  label: z.string(),
  kind: z.enum(diplomaKinds),
  level: diplomaLevelSchema,
});
export type Diploma = z.infer<typeof diplomaSchema>;

export const communeCodeSchema = z
  .string({ error: 'Le champ « Lieu » est obligatoire.' })
  .trim()
  .regex(/^\d[\dAB]\d{3}$/, 'Lieu invalide : choisissez une commune de Nouvelle-Aquitaine dans la liste.');

/** A commune of Nouvelle-Aquitaine (`GET /referentials/communes`), with its centre point. */
export const communeSchema = z.object({
  code: z.string(),
  name: z.string(),
  postalCode: z.string(),
  departementCode: z.string(),
  latitude: z.number(),
  longitude: z.number(),
});
export type Commune = z.infer<typeof communeSchema>;

export const referentialNames = ['rome', 'diplomas', 'communes', 'naf'] as const;
export type ReferentialName = (typeof referentialNames)[number];

/** `GET /referentials/{name}`: the whole list and its version (a desktop re-downloads on change). */
export const referentialSchemas = {
  rome: romeEntrySchema,
  diplomas: diplomaSchema,
  communes: communeSchema,
  naf: z.object({ code: z.string(), label: z.string() }),
} as const;

export function referentialResponseSchema<N extends ReferentialName>(name: N) {
  return z.object({ version: z.string(), items: z.array(referentialSchemas[name]) });
}

/** Great-circle distance between two points, in km (communes' centre points). */
export function distanceKm(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
