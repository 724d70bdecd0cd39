import { z } from '../zod';
import {
  accountDeletionSchema,
  accountExportSchema,
  credentialsSchema,
  mailChangeSchema,
  passwordChangeFormSchema,
  registrationFormSchema,
  userPatchSchema,
} from '../domain/account';
import {
  applicationReplyFields,
  applicationReplySchema,
  applicationStatusSchema,
  checkReplyRules,
  replyRulesParams,
} from '../domain/applications';
import { employerFormSchema, employerPatchSchema } from '../domain/employers';
import { memberParamsSchema, transferSchema } from '../domain/members';
import {
  contractTypeSchema,
  offerFieldsSchema,
  offerPatchSchema,
  offerStatusSchema,
  publicOffersPageSchema,
  publicOffersQuerySchema,
} from '../domain/offers';
import { configPatchSchema, configViewSchema } from '../domain/config';
import { proxyLoginAnswerSchema } from '../domain/proxy-login';
import { communeSchema, diplomaSchema, romeEntrySchema } from '../domain/referentials';
import { companySchema, siretSchema } from '../domain/company';
import {
  applicationDetailsSchema,
  connectivitySchema,
  localApplicationSchema,
  localEmployerSchema,
  localMemberSchema,
  localOfferSchema,
  localStructureSchema,
  localUserSchema,
  sessionSchema,
} from '../domain/session';
import { structureCreateSchema, structurePatchSchema } from '../domain/structure';
import { conflictChoiceSchema, syncIssueSchema, syncStatusSchema } from '../domain/sync';
import { updateStatusSchema } from '../domain/updates';
import { localAlertSchema } from '../domain/alerts';
import { globalSearchQuerySchema, globalSearchSchema } from '../domain/global-search';
import {
  contactFieldsSchema,
  localContactSchema,
  localFavoriteSchema,
  profileSchema,
  profileSearchSchema,
  profileSearchSourceSchema,
  profilesQuerySchema,
} from '../domain/profiles';
import { searchText } from '../domain/fields';
import {
  applicationsPerOfferSchema,
  applicationsPerWeekSchema,
  dashboardTodoQuerySchema,
  dashboardTodoSchema,
  firstAnswerDelaySchema,
} from '../domain/dashboard';
import { channel } from './define';

const none = z.object({}).strict().optional();
const done = z.object({ done: z.literal(true) });

/**
 * Every channel between the renderer and the main process (or the web host), declared once.
 * Preload bridge, renderer client and handler types are all derived from this object.
 */
const byId = z.object({ id: z.uuid({ error: 'Identifiant invalide.' }) }).strict();
const search = z.object({ q: searchText().max(200).default('') }).strict();

/** One CSV row that could not be imported, and why (French). */
const importRejectionSchema = z.object({ line: z.number().int(), siret: z.string(), reason: z.string() });

/** "Mes offres": one tab, filtered and sorted, one page at a time. */
export const offersListQuerySchema = z
  .object({
    status: offerStatusSchema,
    employerId: z.uuid().optional(),
    romeCode: z.string().optional(),
    contractType: contractTypeSchema.optional(),
    communeCode: z.string().optional(),
    q: searchText().max(200).optional(),
    sort: z.enum(['createdAt', 'number', 'title', 'employer', 'startDate']).default('createdAt'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export type OffersListQuery = z.input<typeof offersListQuerySchema>;

/** "Candidatures": one status (or all), filtered (offre, employeur, dates), sorted, one page at a time. */
export const applicationsListQuerySchema = z
  .object({
    status: applicationStatusSchema.optional(),
    offerId: z.uuid().optional(),
    employerId: z.uuid().optional(),
    /** Received on or after / on or before these days (local calendar days, aaaa-mm-jj). */
    receivedFrom: z.iso.date({ error: 'Date « du » invalide.' }).optional(),
    receivedTo: z.iso.date({ error: 'Date « au » invalide.' }).optional(),
    q: searchText().max(200).optional(),
    /** Only those "A traiter" for more than REPLY_REMINDER_DAYS days. */
    overdue: z.boolean().optional(),
    sort: z.enum(['receivedAt', 'number', 'applicant', 'offer']).default('receivedAt'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export type ApplicationsListQuery = z.input<typeof applicationsListQuerySchema>;

/** The dashboard's "Candidatures" block: counts per status, for everything or for one offer or employer. */
export const applicationCountsSchema = z.object({
  total: z.number().int(),
  a_traiter: z.number().int(),
  recevable: z.number().int(),
  refusee: z.number().int(),
  abandonnee: z.number().int(),
  /** "A traiter" for more than REPLY_REMINDER_DAYS days. */
  overdue: z.number().int(),
});
export type ApplicationCounts = z.infer<typeof applicationCountsSchema>;

/** "À propos": version, platform address and where this desktop keeps its data. */
export const aboutSchema = z.object({
  version: z.string(),
  platformUrl: z.string(),
  dataDir: z.string(),
  /** True in the desktop app, false in the web host (browser). */
  electron: z.boolean(),
});
export type About = z.infer<typeof aboutSchema>;

/**
 * "Détails" of a profile: from the platform when it answers, else from this desktop's cache, with
 * what the structure did with it (favourite, contacts, applications, alerts) as cached here.
 */
export const profileDetailsSchema = z.object({
  profile: profileSchema,
  source: profileSearchSourceSchema,
  favorite: localFavoriteSchema.nullable(),
  /** "Contacter ce profil", most recent first. */
  contacts: z.array(localContactSchema),
  /** Its applications to the structure's offers, most recent first. */
  applications: z.array(localApplicationSchema),
  /** Its alerts not dismissed, best first. */
  alerts: z.array(localAlertSchema),
});
export type ProfileDetails = z.infer<typeof profileDetailsSchema>;

const byProfile = z.object({ profileId: z.uuid({ error: 'Profil invalide.' }) }).strict();

export const contract = {
  'session.get': channel(none, sessionSchema),
  'auth.register': channel(registrationFormSchema, z.object({ mail: z.string() })),
  'auth.login': channel(credentialsSchema, sessionSchema),
  /**
   * "Se déconnecter": the account's local data stays on this desktop unless `eraseLocalData`
   * (then changes not yet sent are lost: the renderer asks for an explicit confirmation).
   */
  'auth.logout': channel(z.object({ eraseLocalData: z.boolean().optional() }).strict().optional(), done),
  'companies.lookup': channel(z.object({ siret: siretSchema }).strict(), companySchema),
  'structure.get': channel(none, localStructureSchema.nullable()),
  /** First login: creates the structure, or asks to join it when it exists (then pending). */
  'structure.create': channel(structureCreateSchema.strict(), sessionSchema),
  /** A pending collaborator withdraws their request (to enter another Siret, say). */
  'structure.cancelRequest': channel(none, sessionSchema),
  /** Saved locally at once, online or not; sent to the platform by the sync engine. */
  'structure.update': channel(structurePatchSchema, localStructureSchema),
  'account.update': channel(userPatchSchema.strict(), localUserSchema),
  /** Needs the platform: confirmed by the current password. */
  'account.changeMail': channel(mailChangeSchema.strict(), localUserSchema),
  'account.changePassword': channel(passwordChangeFormSchema, done),
  /** Closes the account on the platform, then erases its data from this desktop. */
  'account.delete': channel(accountDeletionSchema.strict(), done),
  /** Everything the platform keeps about the user, as JSON (right of access). */
  'account.export': channel(none, accountExportSchema),
  /** Erases the local data of an account that is not signed in (kept after a removal). */
  'account.deleteLocalData': channel(z.object({ userId: z.uuid() }).strict(), sessionSchema),
  /** Referentials cached on this desktop (downloaded from the platform at sync), searchable offline. */
  'referentials.rome': channel(search, z.array(romeEntrySchema)),
  'referentials.diplomas': channel(none, z.array(diplomaSchema)),
  'referentials.communes': channel(search, z.array(communeSchema)),
  /** "Suivi des employeurs": every partner employer with their offer counts (the list is virtualised). */
  'employers.list': channel(none, z.array(localEmployerSchema)),
  'employers.get': channel(byId, localEmployerSchema),
  /** "Envoyer la demande": saved here at once ("En attente"), sent at the next sync. */
  'employers.create': channel(employerFormSchema.strict(), localEmployerSchema),
  'employers.update': channel(
    z.object({ id: z.uuid(), patch: employerPatchSchema }).strict(),
    localEmployerSchema,
  ),
  /** A CSV import's valid rows, written in one transaction; rows refused here are reported. */
  'employers.import': channel(
    z
      .object({
        rows: z
          .array(z.object({ line: z.number().int(), values: z.record(z.string(), z.unknown()) }))
          .max(20_000),
      })
      .strict(),
    z.object({ imported: z.number().int(), rejected: z.array(importRejectionSchema) }),
  ),
  'offers.list': channel(
    offersListQuerySchema,
    z.object({ rows: z.array(localOfferSchema), total: z.number().int() }),
  ),
  'offers.counts': channel(none, z.record(offerStatusSchema, z.number().int())),
  'offers.get': channel(byId, localOfferSchema),
  /** "Créer une offre": published "En cours" here at once, numbered by the platform at the next sync. */
  'offers.create': channel(offerFieldsSchema.strict(), localOfferSchema),
  'offers.update': channel(z.object({ id: z.uuid(), patch: offerPatchSchema }).strict(), localOfferSchema),
  /** A new offer with the same content, "En cours"; the original stays where it was. */
  'offers.duplicate': channel(byId, localOfferSchema),
  /** "Consulter toutes les offres": needs the platform. */
  'offers.publicSearch': channel(publicOffersQuerySchema.strict(), publicOffersPageSchema),
  'applications.list': channel(
    applicationsListQuerySchema,
    z.object({ rows: z.array(localApplicationSchema), total: z.number().int() }),
  ),
  'applications.counts': channel(
    z.object({ offerId: z.uuid().optional(), employerId: z.uuid().optional() }).strict().optional(),
    applicationCountsSchema,
  ),
  'applications.get': channel(byId, applicationDetailsSchema),
  /** The first opening of "Détails" here: recorded in the history ("lue", by whom), synced. */
  'applications.markRead': channel(byId, applicationDetailsSchema),
  /** "Répondre à cette candidature": the status changes here at once, the reply is sent at the next sync. */
  'applications.reply': channel(
    z.object({ id: z.uuid(), reply: applicationReplySchema }).strict(),
    applicationDetailsSchema,
  ),
  /**
   * One answer to several applications of the same status, written in one transaction (all or
   * none). The message may hold a template's placeholders, filled for each application.
   */
  'applications.replyMany': channel(
    applicationReplyFields
      .extend({
        ids: z
          .array(z.uuid(), { error: 'Sélectionnez au moins une candidature.' })
          .min(1, 'Sélectionnez au moins une candidature.')
          .max(500, 'Pas plus de 500 candidatures à la fois.'),
      })
      .strict()
      .superRefine(checkReplyRules, replyRulesParams),
    z.object({ replied: z.number().int() }),
  ),
  /**
   * "Rechercher des profils": the platform answers; offline (or when it cannot be reached) the
   * profiles cached here are searched with the same filters, and `source` says so.
   */
  'profiles.search': channel(profilesQuerySchema, profileSearchSchema),
  /** "Détails" of a profile (offline: if cached here, else a French sentence saying it needs the platform). */
  'profiles.get': channel(byId, profileDetailsSchema),
  /** The dashboard's "À faire": what waits for someone here, most urgent first (see dashboard.ts). */
  'dashboard.todo': channel(dashboardTodoQuerySchema, dashboardTodoSchema),
  /** The dashboard's three charts, from the local cache. */
  'dashboard.applicationsPerWeek': channel(none, applicationsPerWeekSchema),
  'dashboard.firstAnswerDelay': channel(none, firstAnswerDelaySchema),
  'dashboard.applicationsPerOffer': channel(none, applicationsPerOfferSchema),
  /** The dashboard's "Favoris": the structure's favourites, most recent first. */
  'favorites.list': channel(none, z.array(localFavoriteSchema)),
  /** "Ajouter aux favoris": kept here at once, sent at the next sync (PUT /favorites/{profileId}). */
  'favorites.add': channel(byProfile, localFavoriteSchema),
  /** "Retirer des favoris" (DELETE /favorites/{profileId} at the next sync). */
  'favorites.remove': channel(byProfile, done),
  /**
   * "Contacter ce profil": an offer of the structure "En cours" and a message, both required;
   * kept in the profile's history at once, sent at the next sync (the candidate is notified).
   */
  'contacts.send': channel(
    z.object({ profileId: byProfile.shape.profileId, contact: contactFieldsSchema }).strict(),
    localContactSchema,
  ),
  /** The dashboard's "Alertes" (or one offer's), not dismissed, best first. */
  'alerts.list': channel(
    z
      .object({ offerId: z.uuid().optional(), limit: z.number().int().min(1).max(5000).default(50) })
      .strict()
      .optional(),
    z.array(localAlertSchema),
  ),
  /** "Ignorer cette alerte": hidden here at once, for the whole structure after the next sync. */
  'alerts.dismiss': channel(byId, done),
  /** The global search box (Ctrl+K): offers, employers, applications and profiles cached here. */
  'search.global': channel(globalSearchQuerySchema, globalSearchSchema),
  /** "Utilisateurs de ma structure", as cached here (référent only). */
  'members.list': channel(none, z.array(localMemberSchema)),
  /** Role changes need the platform; each answers the members as they are now. */
  'members.approve': channel(memberParamsSchema.strict(), z.array(localMemberSchema)),
  'members.transfer': channel(transferSchema.strict(), z.array(localMemberSchema)),
  'members.remove': channel(memberParamsSchema.strict(), z.array(localMemberSchema)),
  /** "À propos": what the user or their IT support needs to identify this installation. */
  'app.about': channel(none, aboutSchema),
  /** « Paramètres »: each value with its source (administrator, user, default) and whether it is locked. */
  'config.get': channel(none, configViewSchema),
  /** Refused, naming the field, when the administrator locked it; null restores the default. */
  'config.update': channel(configPatchSchema, configViewSchema),
  /** Desktop updates; in the web host every one answers phase « unavailable ». */
  'update.status': channel(none, updateStatusSchema),
  /** « Rechercher une mise à jour » now, whatever the 6-hour schedule. */
  'update.check': channel(none, updateStatusSchema),
  /** « Plus tard »: no prompt until the next check. */
  'update.later': channel(none, updateStatusSchema),
  /** « Redémarrer pour mettre à jour »: refused during a sync run (code conflict), never forced. */
  'update.restart': channel(none, updateStatusSchema),
  /** The answer to « Authentification du proxy » (event proxy.loginRequired): credentials or cancel. */
  'proxy.login': channel(proxyLoginAnswerSchema, done),
  'connectivity.get': channel(none, connectivitySchema),
  'connectivity.check': channel(none, connectivitySchema),
  'sync.status': channel(none, syncStatusSchema),
  /** "Synchroniser maintenant": retries at once, waits for the run. */
  'sync.now': channel(none, syncStatusSchema),
  /** A screen that shows the platform's latest state opened: a pull soon, not waited for. */
  'sync.refresh': channel(none, done),
  'sync.issues': channel(none, z.array(syncIssueSchema)),
  /** One field of a conflict: keep my value or the platform's. */
  'sync.resolve': channel(
    z.object({ id: z.string().min(1), field: z.string().min(1), choice: conflictChoiceSchema }).strict(),
    z.array(syncIssueSchema),
  ),
  /** Sends a refused change again as it is (after the cause was fixed elsewhere). */
  'sync.resend': channel(z.object({ id: z.string().min(1) }).strict(), z.array(syncIssueSchema)),
  /** Drops a refused or conflicting change: the platform's version comes back. */
  'sync.discard': channel(z.object({ id: z.string().min(1) }).strict(), z.array(syncIssueSchema)),
};

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export const channelNames = Object.keys(contract) as ChannelName[];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

/** What a caller sends (before parsing: the raw form values). */
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
/** What a handler receives (after parsing: trimmed, normalised). */
export type ChannelParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;

export type Handlers = {
  [C in ChannelName]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>>;
};
