import { z } from '../zod';

/**
 * The regional directory of observation internships ("Vite mon stage"): structures that host
 * pupils of troisième (one week, 5 days) or seconde (two weeks, 10 days).
 */
export const observationLevels = ['troisieme', 'seconde'] as const;
export const observationLevelSchema = z.enum(observationLevels, {
  error: 'Le niveau doit être « troisieme » ou « seconde ».',
});
export type ObservationLevel = z.infer<typeof observationLevelSchema>;

export const observationLevelLabels: Record<ObservationLevel, string> = {
  troisieme: 'Stage de troisième (1 semaine, 5 jours)',
  seconde: 'Stage de seconde (2 semaines, 10 jours)',
};

/** `GET /observation-hosts?commune=&niveau=&page=`. */
export const observationHostsQuerySchema = z.object({
  commune: z
    .string({ error: 'Le code commune doit être un texte.' })
    .regex(/^\d[\dAB]\d{3}$/, 'Code commune invalide : le code INSEE a 5 caractères (par exemple 33063).')
    .optional(),
  niveau: observationLevelSchema.optional(),
  page: z
    .string({ error: 'La page doit être un entier positif.' })
    .regex(/^[1-9]\d{0,5}$/, 'La page doit être un entier positif.')
    .transform(Number)
    .default(1),
});

export const observationHostSchema = z.object({
  siret: z.string(),
  name: z.string().describe('Nom commercial, sinon raison sociale'),
  nafLabel: z.string(),
  address: z.object({
    street: z.string(),
    postalCode: z.string(),
    communeCode: z.string(),
    communeName: z.string(),
  }),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  levels: z.array(observationLevelSchema),
});
export type ObservationHost = z.infer<typeof observationHostSchema>;

export const observationHostsPageSchema = z.object({
  hosts: z.array(observationHostSchema),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  total: z.number().int().nonnegative(),
});
