import { z } from '../zod';
import { problemSchema } from './problem';

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
export const integerParam = (message: string) =>
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

// ---- batched push: `POST /sync/push` (issue 15) ----------------------------------------------

/** Most mutations one push may carry; a longer outbox goes in several batches. */
export const PUSH_BATCH_MAX = 200;

/** Where a mutation of a batch may go: an API path under /api/v1, never the batch path itself. */
const mutationPathSchema = z
  .string({ error: 'Le chemin « path » de la modification est obligatoire.' })
  .max(300, 'Le chemin « path » de la modification est trop long.')
  .regex(/^\/[A-Za-z0-9/_.:-]*$/, 'Le chemin « path » de la modification est invalide.')
  .refine((path) => !path.startsWith('/sync/'), 'Le chemin « path » ne peut pas viser la synchronisation.');

/** One local change, as its single REST request would carry it (same idempotency key, same base version). */
export const pushMutationSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  method: z.enum(['POST', 'PATCH', 'PUT', 'DELETE'], {
    error: 'La méthode « method » doit être POST, PATCH, PUT ou DELETE.',
  }),
  path: mutationPathSchema,
  /** The version the change was made on (updates: what `If-Match` carries on the single path). */
  baseVersion: z.number().int().nonnegative().optional(),
  /**
   * Instead of `baseVersion`: the position (0-based) of an earlier mutation of this batch on the
   * same row, whose answer's `version` this change is made on (several offline edits of one row
   * go in one batch, each on the version the previous one produced, as the single path's
   * If-Match does once the previous change is acknowledged).
   */
  onTopOf: z.number().int().nonnegative().optional(),
  body: z.record(z.string(), z.unknown()).optional(),
});
export type PushMutation = z.infer<typeof pushMutationSchema>;

export const pushRequestSchema = z.object({
  mutations: z
    .array(pushMutationSchema, { error: 'La liste « mutations » est obligatoire.' })
    .min(1, 'La liste « mutations » est vide.')
    .max(PUSH_BATCH_MAX, `La liste « mutations » dépasse ${PUSH_BATCH_MAX} modifications.`)
    .superRefine((mutations, context) => {
      for (const [index, mutation] of mutations.entries()) {
        if (mutation.onTopOf === undefined) continue;
        if (mutation.baseVersion !== undefined)
          context.addIssue({
            code: 'custom',
            path: [index, 'onTopOf'],
            message: 'Une modification porte « baseVersion » ou « onTopOf », pas les deux.',
          });
        else if (mutation.onTopOf >= index)
          context.addIssue({
            code: 'custom',
            path: [index, 'onTopOf'],
            message: 'La position « onTopOf » doit désigner une modification précédente du lot.',
          });
      }
    }),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * One result per mutation, in order. The batch stops at the first mutation that is not applied
 * (409, 412, 4xx, 5xx): that one is `refused` with the answer its single path would have given,
 * every later one is `not_applied` (untouched, to send again).
 */
export const pushResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('applied'), status: z.number().int(), data: z.unknown() }),
  z.object({
    outcome: z.literal('refused'),
    status: z.number().int(),
    problem: problemSchema,
    /** Seconds, as the single path's `Retry-After` (429, 503, "en cours"). */
    retryAfter: z.number().int().nonnegative().optional(),
  }),
  z.object({ outcome: z.literal('not_applied') }),
]);
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.object({ results: z.array(pushResultSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

// ---- bootstrap snapshot: `GET /sync/snapshot` (issue 15) -------------------------------------

/**
 * `GET /sync/snapshot?upTo=<cursor>&after=<seq>`: the feed's live rows (no tombstones) with
 * `after < seq <= upTo`, in seq order, as NDJSON. Without `upTo` the platform takes its cursor
 * of the moment. The feed is compacted, so a row changed after `upTo` has left the snapshot and
 * comes with the incremental feed from `upTo`: snapshot + feed since `upTo` is consistent, and a
 * bootstrap cut off resumes with `after` = the last seq it stored.
 */
export const snapshotQuerySchema = z.object({
  upTo: integerParam('Le curseur « upTo » doit être un entier positif ou nul.').optional(),
  after: integerParam('La position « after » doit être un entier positif ou nul.').default(0),
});
export type SnapshotQuery = z.infer<typeof snapshotQuerySchema>;

export const SNAPSHOT_CONTENT_TYPE = 'application/x-ndjson';

/** The lines of a snapshot: one header, the rows, one end line (a stream without it was cut). */
export const snapshotLineSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('header'),
    /** Continue the incremental feed from here once every row is stored. */
    cursor: z.number().int().nonnegative(),
    /** Rows this stream will carry (for the progress bar). */
    total: z.number().int().nonnegative(),
  }),
  z.object({
    kind: z.literal('row'),
    seq: z.number().int().positive(),
    entity: z.string(),
    id: z.string(),
    version: z.number().int().positive(),
    data: z.unknown(),
  }),
  z.object({ kind: z.literal('end'), cursor: z.number().int().nonnegative(), rows: z.number().int() }),
]);
export type SnapshotLine = z.infer<typeof snapshotLineSchema>;
