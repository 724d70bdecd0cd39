import { z } from '../zod';
import { REPLY_REMINDER_DAYS } from './applications';
import { isoDateTimeSchema } from './fields';

/**
 * "Tableau de bord": the "À faire" list and the three charts. All are computed by the core
 * from the local cache (offline included), never in React.
 */

/** An application "A traiter" for more than this many days is in "À faire". */
export const TODO_WAITING_DAYS = REPLY_REMINDER_DAYS;
/** An offer "En cours" archived by the platform within this many days is in "À faire". */
export const TODO_ARCHIVE_WITHIN_DAYS = 30;
/** How many weeks the weekly charts show, the current one included. */
export const CHART_WEEKS = 12;
/** How many offers "Candidatures par offre" shows. */
export const CHART_TOP_OFFERS = 10;

/**
 * Every line carries `dueAt`, the instant it became (or becomes) due, and the list is sorted
 * on it, oldest first: refused changes and conflicts are due since they happened, collaborator
 * requests since they were made, an application TODO_WAITING_DAYS days after it was received,
 * an offer on the day the platform archives it.
 */
const todoBase = { dueAt: isoDateTimeSchema };

export const todoItemSchema = z.discriminatedUnion('kind', [
  z.object({
    ...todoBase,
    kind: z.literal('application_waiting'),
    applicationId: z.uuid(),
    /** Null while the application was received here but not yet numbered (never in practice). */
    number: z.number().int().nullable(),
    /** Null once the candidate's data was removed. */
    applicantName: z.string().nullable(),
    offerTitle: z.string(),
    /** Whole days since it was received. */
    days: z.number().int().nonnegative(),
  }),
  z.object({
    ...todoBase,
    kind: z.literal('offer_archiving'),
    offerId: z.uuid(),
    /** Null for an offer created here and not yet numbered by the platform. */
    number: z.number().int().nullable(),
    title: z.string(),
    employerName: z.string(),
    archiveAt: isoDateTimeSchema,
    /** Calendar days (Paris) left before it is archived (0 = today, or already passed while offline). */
    daysLeft: z.number().int().nonnegative(),
  }),
  z.object({
    ...todoBase,
    kind: z.literal('member_request'),
    userId: z.uuid(),
    name: z.string(),
  }),
  z.object({
    ...todoBase,
    kind: z.enum(['sync_refused', 'sync_conflict']),
    /** The outbox id, as in `sync.issues`. */
    issueId: z.string(),
    /** "Ma structure", "Offre n° 12"… as in `sync.issues`. */
    entityLabel: z.string(),
  }),
]);
export type TodoItem = z.infer<typeof todoItemSchema>;

export const dashboardTodoQuerySchema = z
  .object({ limit: z.number().int().min(1).max(200).default(20) })
  .strict()
  .optional();

export const dashboardTodoSchema = z.object({
  /** The first `limit` lines, by `dueAt`. */
  items: z.array(todoItemSchema),
  /** How many lines there are in all (the list says "et N autres"). */
  total: z.number().int().nonnegative(),
});
export type DashboardTodo = z.infer<typeof dashboardTodoSchema>;

/** A week, Monday 00:00 Europe/Paris, as a calendar date (AAAA-MM-JJ). */
const weekStartSchema = z.iso.date();

/** "Candidatures reçues par semaine": by the status they have now, oldest week first. */
export const applicationsPerWeekSchema = z.array(
  z.object({
    weekStart: weekStartSchema,
    a_traiter: z.number().int().nonnegative(),
    recevable: z.number().int().nonnegative(),
    refusee: z.number().int().nonnegative(),
    abandonnee: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
);
export type ApplicationsPerWeek = z.infer<typeof applicationsPerWeekSchema>;

/**
 * "Délai médian avant une première réponse": for the applications received each week and
 * answered since, the median time from reception to the first answer, in days (one decimal).
 * The first answer is the history's first reply: a later one (a refusal after an interview)
 * does not count. A reply made offline counts once the platform has it.
 */
export const firstAnswerDelaySchema = z.array(
  z.object({
    weekStart: weekStartSchema,
    /** Null when none of that week's applications has been answered. */
    medianDays: z.number().nonnegative().nullable(),
    answered: z.number().int().nonnegative(),
  }),
);
export type FirstAnswerDelay = z.infer<typeof firstAnswerDelaySchema>;

/**
 * "Candidatures par offre": the CHART_TOP_OFFERS offers "En cours" with the most applications,
 * most first, ties by number (a provisional one last); offers without any are left out.
 */
export const applicationsPerOfferSchema = z.array(
  z.object({
    offerId: z.uuid(),
    number: z.number().int().nullable(),
    title: z.string(),
    employerName: z.string(),
    total: z.number().int().nonnegative(),
    a_traiter: z.number().int().nonnegative(),
  }),
);
export type ApplicationsPerOffer = z.infer<typeof applicationsPerOfferSchema>;
