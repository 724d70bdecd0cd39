import { z } from '../zod';

/** The entities of a structure's change feed (DESIGN.md §4). */
export const syncEntityNames = [
  'structure',
  'account',
  'member',
  'employer',
  'offer',
  'application',
  'favorite',
  'contact',
  'alert',
] as const;
export type SyncEntityName = (typeof syncEntityNames)[number];

/** One change: the entity's whole current state, or a tombstone. */
export const changeSchema = z.object({
  /** Position in the structure's sequence (strictly increasing). */
  seq: z.number().int().positive(),
  entity: z.string(),
  id: z.string(),
  version: z.number().int().positive(),
  deleted: z.boolean(),
  data: z.unknown().nullable(),
});
export type Change = z.infer<typeof changeSchema>;

/** `GET /sync/changes?since=<cursor>&limit=<n>`. */
const integerParam = (message: string) =>
  z
    .string({ error: message })
    .regex(/^\d{1,15}$/, message)
    .transform(Number);

export const changesQuerySchema = z.object({
  since: integerParam('Le curseur « since » doit être un entier positif ou nul.').default(0),
  limit: integerParam('La limite doit être un entier entre 1 et 5000.')
    .refine((n) => n >= 1 && n <= 5000, 'La limite doit être un entier entre 1 et 5000.')
    .default(1000),
  /** Ask for `remaining` (costs a count): the first page of a pull does, for its progress bar. */
  count: z.enum(['true', 'false']).default('false'),
});

export const changesPageSchema = z.object({
  changes: z.array(changeSchema),
  /** Pass it as `since` for the next page. */
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  /** Changes after this page, when asked for with `count=true` (for progress bars). */
  remaining: z.number().int().nonnegative().nullable(),
});
export type ChangesPage = z.infer<typeof changesPageSchema>;

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const idempotencyKeySchema = z
  .string()
  .min(8, 'Idempotency-Key trop courte.')
  .max(200, 'Idempotency-Key trop longue.')
  .regex(/^[\w.:-]+$/, 'Idempotency-Key invalide.');
