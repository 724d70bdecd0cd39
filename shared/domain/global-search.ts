import { z } from '../zod';
import { cleanString } from './fields';

// The global search box (Ctrl+K / Cmd+K): what is cached on this desktop, found at once,
// offline included, whatever the accents typed ("eleve" finds "élève").

export const searchKinds = ['offer', 'employer', 'application', 'profile'] as const;
export type SearchKind = (typeof searchKinds)[number];

/** The groups of results, in this order. */
export const searchKindLabels: Record<SearchKind, string> = {
  offer: 'Offres',
  employer: 'Employeurs',
  application: 'Candidatures',
  profile: 'Profils',
};

/** Channel `search.global`: plain words; quotes, stars, NEAR or SQL are searched as text. */
export const globalSearchQuerySchema = z
  .object({
    q: cleanString('Recherche', 'Tapez des mots à chercher.').max(
      200,
      'La recherche ne doit pas dépasser 200 caractères.',
    ),
    /** Results per group. */
    limit: z.number().int().min(1).max(50).default(5),
  })
  .strict();
export type GlobalSearchQuery = z.input<typeof globalSearchQuerySchema>;

export const searchHitSchema = z.object({
  kind: z.enum(searchKinds),
  /** The row's id: the result opens its page. */
  id: z.string(),
  /** "N° 1042 — Cuisinier", "EURL Ducasse Bâtiment", "Inès Laborde — Cuisinier"… */
  title: z.string(),
  /** A second line (commune, status, employer). */
  detail: z.string(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const globalSearchSchema = z.object({
  groups: z.array(z.object({ kind: z.enum(searchKinds), hits: z.array(searchHitSchema) })),
});
export type GlobalSearch = z.infer<typeof globalSearchSchema>;
