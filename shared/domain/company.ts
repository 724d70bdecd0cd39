import { z } from '../zod';
import { compactDigits, isValidSiret } from '../validation/siret';
import { stringField } from './fields';

export const SIRET_INVALID = 'Numéro de Siret invalide';
export const SIRET_UNKNOWN = 'Aucun établissement trouvé pour ce Siret';

/** A SIRET as typed (spaces and dots tolerated), reduced to its 14 digits and checked. */
export const siretSchema = stringField('Siret')
  .transform(compactDigits)
  .refine((value) => value.length > 0, 'Le champ « Siret » est obligatoire.')
  .refine(isValidSiret, SIRET_INVALID);

/** INSEE's "tranche d'effectif salarié" codes, as in the SIRENE directory. */
export const headcountBandLabels = {
  NN: 'Unité non employeuse',
  '00': '0 salarié',
  '01': '1 ou 2 salariés',
  '02': '3 à 5 salariés',
  '03': '6 à 9 salariés',
  '11': '10 à 19 salariés',
  '12': '20 à 49 salariés',
  '21': '50 à 99 salariés',
  '22': '100 à 199 salariés',
  '31': '200 à 249 salariés',
  '32': '250 à 499 salariés',
  '41': '500 à 999 salariés',
  '42': '1 000 à 1 999 salariés',
  '51': '2 000 à 4 999 salariés',
  '52': '5 000 à 9 999 salariés',
  '53': '10 000 salariés et plus',
} as const;
export type HeadcountBand = keyof typeof headcountBandLabels;
export const headcountBandSchema = z.enum(
  Object.keys(headcountBandLabels) as [HeadcountBand, ...HeadcountBand[]],
  {
    error: 'Effectif invalide : choisissez une tranche de la liste.',
  },
);

export const nafCodeSchema = z
  .string()
  .regex(/^\d{2}\.\d{2}[A-Z]$/, 'Code NAF invalide (par exemple 85.59A).');

export const addressSchema = z.object({
  street: z.string(),
  postalCode: z.string(),
  communeCode: z.string().describe('Code INSEE de la commune'),
  communeName: z.string(),
});

/** An establishment of the company directory (SIRENE), `GET /companies/{siret}`. */
export const companySchema = z.object({
  siret: z.string(),
  siren: z.string(),
  legalName: z.string(),
  tradeName: z.string().nullable(),
  nafCode: nafCodeSchema,
  nafLabel: z.string(),
  headcountBand: headcountBandSchema.nullable(),
  address: addressSchema,
  active: z.boolean(),
});
export type Company = z.infer<typeof companySchema>;
