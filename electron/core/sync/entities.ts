import type { SyncEntityName } from '../../../shared/api/sync';
import {
  applicationFromColumns,
  applicationToColumns,
  employerFromColumns,
  employerToColumns,
  memberFromColumns,
  memberToColumns,
  offerFromColumns,
  offerToColumns,
  structureFromColumns,
  structureToColumns,
  userFromColumns,
  userToColumns,
} from '../../../shared/db/rows';
import { memberSchema, userPatchSchema, userSchema } from '../../../shared/domain/account';
import {
  applicantName,
  applicationPatchSchema,
  applicationSchema,
  type Application,
} from '../../../shared/domain/applications';
import { employerFormSchema, employerPatchSchema, employerSchema } from '../../../shared/domain/employers';
import { offerFieldsSchema, offerPatchSchema, offerSchema, type Offer } from '../../../shared/domain/offers';
import { structurePatchSchema, structureSchema } from '../../../shared/domain/structure';
import { alertPatchSchema, alertSchema } from '../../../shared/domain/alerts';
import type { SearchKind } from '../../../shared/domain/global-search';
import { contactSchema, favoriteSchema, type Profile } from '../../../shared/domain/profiles';
import type { z } from '../../../shared/zod';
import { applicationRequest } from '../applications/requests';
import {
  dashboardColumns,
  moveDashboardTallies,
  TALLIED_COLUMNS,
  untallyApplication,
  type Tallied,
} from '../dashboard/tallies';
import type { ApplicationSortKeys, OfferSortKeys } from '../db/schema';
import { searchKey } from '../db/search-key';
import type { WriteTx } from '../db/store';
import {
  offerBoundHiddenFrom,
  offerBoundHiddenFromUser,
  seesUnsharedOfferBound,
  type OfferBoundTable,
} from '../offers/offer-bound';
import { hiddenFromUser, offersHiddenFrom, seesUnsharedOffer } from '../offers/visibility';
import { cacheApplicantProfile, cacheProfile, forgetProfile } from '../profiles/cache';
import {
  alertFromColumns,
  alertToColumns,
  contactFromColumns,
  contactToColumns,
  favoriteFromColumns,
  favoriteToColumns,
} from '../../../shared/db/profile-rows';
import { applicationDocument, employerDocument, offerDocument } from '../search/documents';
import { indexDocument, unindexDocument, type SearchDocument } from '../search/search-index';
import { dropLocalRow } from './local-state';
import type { Fields } from './merge';

type Columns = Record<string, string | number | null>;

/** What the platform sends for every synced entity. */
export interface EntityData {
  id: string;
  version: number;
}

/** The REST request that sends one local change. */
export interface ChangeRequest {
  method: 'PATCH' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: Fields;
}

/**
 * What else follows a row besides its table (the search index, the profiles cache): every
 * write (pull, local change, acknowledgement) and deletion of a row goes through
 * local-state.ts, which calls these in the same transaction.
 */
export interface RowFollower<T> {
  /** Columns of the row as it was before a write that `written` needs (WrittenRow.previous). */
  reads?: readonly string[];
  /**
   * The row was written. Not called when nothing was (an older version than the one here), nor
   * when the platform's same version of a row here as the platform has it comes again (a pull
   * from the start): what follows the row is there already.
   */
  written?(tx: WriteTx, data: T, row: WrittenRow): void;
  /** The row of this rowid is about to be deleted. */
  deleting?(tx: WriteTx, rowid: number): void;
}

export interface WrittenRow {
  /** Its SQLite rowid. */
  rowid: number;
  /** Whether it is new here. */
  created: boolean;
  /** Whether it came in another version than the one here (new here included), not by a local change. */
  newVersion: boolean;
  /** The `reads` columns of the row as it was (undefined when it is new here). */
  previous: Record<string, unknown> | undefined;
}

/**
 * One synced entity type. A feature plugs into the sync engine by declaring one of these:
 * its local table, how its data maps to columns, and (if the desktop edits it) which fields
 * it may change and where the change goes on the platform.
 */
export interface SyncEntity<T extends EntityData = EntityData> {
  name: SyncEntityName;
  /** What the user calls it, in French ("Ma structure"). */
  label: string;
  table:
    | 'structure'
    | 'account'
    | 'member'
    | 'employer'
    | 'offer'
    | 'application'
    | 'favorite'
    | 'contact'
    | 'alert';
  schema: z.ZodType<T>;
  toColumns(data: T): Columns;
  fromColumns(row: Columns): T;
  /** The fields a local change may carry, validated before anything is written. */
  patchSchema?: z.ZodObject;
  /** The REST path of an update (PATCH, with If-Match and Idempotency-Key). */
  updatePath?: (id: string) => string;
  /**
   * The request of an update when it depends on what the change carries (instead of
   * `updatePath`): an application's reply is POSTed to its own path, its reading PATCHed.
   * `known` is the platform's last known state of the row. Sent with If-Match and
   * Idempotency-Key like any update; changes going to different requests are never merged.
   */
  updateRequest?: (id: string, payload: Fields, known: Fields) => ChangeRequest;
  /**
   * Fields the platform keeps once set, whoever set them first (the first reading of an
   * application): a local change of such a field the platform already set is dropped, not a conflict.
   */
  firstWriteWins?: readonly string[];
  /** The REST path of a creation made on the desktop (POST of the payload and the id, with Idempotency-Key). */
  createPath?: () => string;
  /**
   * The request of a creation when it is not a POST to `createPath` (a favourite is PUT to its
   * profile's path, a contact POSTed under its profile). Sent with Idempotency-Key.
   */
  createRequest?: (id: string, payload: Fields) => ChangeRequest;
  /**
   * The REST path of a deletion made on the desktop (DELETE, with Idempotency-Key; the platform's
   * 404 means it is done already).
   */
  deletePath?: (id: string) => string;
  /**
   * Whether the waiting changes of a row only matter while it exists (an alert's dismissal): a
   * tombstone does not park them, since the row may come back under another feed name (moved
   * with its offer's sharing) and they apply to it again; the platform's 404 settles them.
   */
  settledByDeletion?: boolean;
  /**
   * The fields a creation carries (all of them when absent). A change of another field made
   * before the creation is acknowledged waits behind it as an update.
   */
  createSchema?: z.ZodObject;
  /**
   * A tombstone that does not delete the row: it only moves to another feed name the user also
   * reads, whose entry follows (an offer's sharing changed). `feedName` is the tombstone's.
   */
  survivesTombstone?: (tx: WriteTx, feedName: string, id: string) => boolean;
  /**
   * Whether the user may no longer see this row, kept only for their unsent changes (an offer
   * of someone else after losing the référent role): it goes when the last of them is dropped.
   */
  hiddenFromUser?: (tx: WriteTx, id: string) => boolean;
  /** What else follows when the platform's state of a row is stored (a role change, say). */
  onServerState?: (tx: WriteTx, before: T | undefined, after: T) => void;
  /** What else follows when the platform deleted a row (`gone` is the row as it was here). */
  onServerDeletion?: (tx: WriteTx, gone: T) => void;
  follow?: RowFollower<T>;
  /**
   * A column whose number of rows per value is kept in the table `<table>_tally` (keyed by the
   * same column name) as rows are written and deleted here: the dashboard's counts per status
   * without counting 200,000 rows. Code that deletes rows in bulk recounts (recountTally).
   */
  tallyColumn?: string;
  /**
   * Whether a row stored by a pull is news the user is told of (an application to process this
   * desktop had never seen): counted per sync run, except during an account's first full pull.
   */
  isArrival?: (before: T | undefined, after: T) => boolean;
}

/** The fields local changes may set (the keys of the entity's patch schema). */
export function editableFields(entity: SyncEntity): ReadonlySet<string> {
  return new Set(entity.patchSchema ? Object.keys(entity.patchSchema.shape) : []);
}

/** Whether local changes of this entity can be sent to the platform. */
export function isUpdatable(entity: SyncEntity): boolean {
  return entity.updateRequest !== undefined || entity.updatePath !== undefined;
}

/** Whether rows of this entity can be created on the desktop. */
export function isCreatable(entity: SyncEntity): boolean {
  return entity.createRequest !== undefined || entity.createPath !== undefined;
}

/** The request of a local change of a row (undefined when the desktop does not edit this entity). */
export function updateRequestOf(
  entity: SyncEntity,
  id: string,
  payload: Fields,
  known: Fields,
): ChangeRequest | undefined {
  if (entity.updateRequest) return entity.updateRequest(id, payload, known);
  const path = entity.updatePath?.(id);
  return path ? { method: 'PATCH', path, body: payload } : undefined;
}

/** The request of a creation made here (undefined when the desktop does not create this entity). */
export function createRequestOf(entity: SyncEntity, id: string, payload: Fields): ChangeRequest | undefined {
  if (entity.createRequest) return entity.createRequest(id, payload);
  const path = entity.createPath?.();
  return path ? { method: 'POST', path, body: { ...payload, id } } : undefined;
}

/** Checks a definition against its data type, then files it with the others. */
function entity<T extends EntityData>(definition: SyncEntity<T>): SyncEntity {
  return definition as unknown as SyncEntity;
}

/** The feed's name for unshared offers: the same data, sent only to their author and the référent. */
const PRIVATE_OFFER = 'private_offer';
/** Feed names that are another name of a declared entity (same table, same outbox entries). */
const feedAliases: Record<string, SyncEntityName> = {
  [PRIVATE_OFFER]: 'offer',
  // What is bound to unshared offers, sent only to their author and the référent.
  private_application: 'application',
  private_contact: 'contact',
  private_alert: 'alert',
};

/**
 * Rows bound to an offer follow its sharing (see offers/offer-bound.ts): moved with it between
 * `<table>` and `private_<table>`, kept only for unsent changes once the user no longer sees it.
 */
function boundToOffer(table: OfferBoundTable) {
  return {
    survivesTombstone: (tx: WriteTx, feedName: string, id: string) =>
      feedName === `private_${table}` || seesUnsharedOfferBound(tx, table, id),
    hiddenFromUser: (tx: WriteTx, id: string) => offerBoundHiddenFromUser(tx, table, id),
  };
}

/** Keeps a kind's documents in the search index as its rows are written and deleted. */
function searchable<T extends EntityData>(
  kind: SearchKind,
  document: (data: T) => SearchDocument,
): Required<Pick<RowFollower<T>, 'written' | 'deleting'>> {
  return {
    written: (tx, data, row) => indexDocument(tx, kind, row.rowid, document(data), row.created),
    deleting: (tx, rowid) => unindexDocument(tx, kind, rowid),
  };
}

const searchableApplication = searchable('application', applicationDocument);

/**
 * Favourites and alerts carry their profile as the platform describes it: kept in the profiles
 * cache when one comes in a new version (new here included), not at a local change (a
 * dismissal) nor when the same version comes again. Their tombstones leave the profile alone: a
 * colleague removing a favourite, an alert moving with its offer's sharing say nothing of the
 * profile. It goes only when its candidate deleted it (an application anonymised, the
 * platform's 404 in "Détails"); the favourites and alerts of it are synced rows and stay until
 * the platform removes them, and only a newer version of one brings the profile back.
 */
function cacheCarriedProfile(tx: WriteTx, profile: Profile, row: WrittenRow): void {
  if (row.newVersion) cacheProfile(tx, profile);
}

function offerSortKeys(offer: Offer): OfferSortKeys {
  return {
    title_key: searchKey(offer.title),
    employer_key: searchKey(offer.employerName),
    number_key: offer.number ?? Number.MAX_SAFE_INTEGER,
  };
}

function applicationSortKeys(application: Application): ApplicationSortKeys {
  return {
    applicant_key: application.profile ? searchKey(applicantName(application)) : '',
    offer_key: searchKey(application.offerTitle),
    profile_id: application.profile?.id ?? null,
  };
}

export const syncEntities: Record<SyncEntityName, SyncEntity> = {
  structure: entity({
    name: 'structure',
    label: 'Ma structure',
    table: 'structure',
    schema: structureSchema,
    toColumns: (data) => ({ ...structureToColumns(data) }),
    fromColumns: (row) => structureFromColumns(row as never),
    patchSchema: structurePatchSchema,
    updatePath: () => '/structure',
  }),
  account: entity({
    name: 'account',
    label: 'Mes informations personnelles',
    table: 'account',
    schema: userSchema,
    toColumns: (data) => ({ ...userToColumns(data) }),
    fromColumns: (row) => userFromColumns(row as never),
    patchSchema: userPatchSchema.strict(),
    updatePath: () => '/me',
    // The platform sends the unshared offers of others to the référent only, and only while they are.
    onServerState: (tx, before, after) => {
      if (before?.role === 'referent' && after.role !== 'referent') {
        // What is bound to offers first: which rows to drop follows from their offers.
        for (const bound of [syncEntities.application, syncEntities.contact, syncEntities.alert])
          for (const id of offerBoundHiddenFrom(tx, bound.table as OfferBoundTable, after.id))
            dropLocalRow(tx, bound, id);
        for (const id of offersHiddenFrom(tx, after.id)) dropLocalRow(tx, syncEntities.offer, id);
      }
    },
  }),
  member: entity({
    name: 'member',
    label: 'Utilisateurs de ma structure',
    table: 'member',
    schema: memberSchema,
    toColumns: (data) => ({ ...memberToColumns(data) }),
    fromColumns: (row) => memberFromColumns(row as never),
  }),
  employer: entity({
    name: 'employer',
    label: 'Employeur partenaire',
    table: 'employer',
    schema: employerSchema,
    toColumns: (data) => ({ ...employerToColumns(data) }),
    fromColumns: (row) => employerFromColumns(row as never),
    patchSchema: employerPatchSchema,
    createSchema: employerFormSchema,
    createPath: () => '/employers',
    updatePath: (id) => `/employers/${id}`,
    follow: searchable('employer', employerDocument),
  }),
  offer: entity({
    name: 'offer',
    label: 'Offre',
    table: 'offer',
    schema: offerSchema,
    toColumns: (data) => ({ ...offerToColumns(data), ...offerSortKeys(data) }),
    fromColumns: (row) => offerFromColumns(row as never),
    patchSchema: offerPatchSchema,
    createSchema: offerFieldsSchema,
    createPath: () => '/offers',
    updatePath: (id) => `/offers/${id}`,
    // Unshared → shared: everyone sees it. Shared → unshared: its author and the référent do.
    survivesTombstone: (tx, feedName, id) => feedName === PRIVATE_OFFER || seesUnsharedOffer(tx, id),
    hiddenFromUser,
    follow: searchable('offer', offerDocument),
  }),
  application: entity({
    name: 'application',
    label: 'Candidature',
    table: 'application',
    schema: applicationSchema,
    toColumns: (data) => ({
      ...applicationToColumns(data),
      // One format (UTC, milliseconds), so that dates compare as text in ranges and sorts.
      received_at: new Date(data.receivedAt).toISOString(),
      ...applicationSortKeys(data),
      ...dashboardColumns(data),
    }),
    fromColumns: (row) => applicationFromColumns(row as never),
    patchSchema: applicationPatchSchema,
    updateRequest: applicationRequest,
    firstWriteWins: ['readAt'],
    ...boundToOffer('application'),
    isArrival: (before, after) => before === undefined && after.status === 'a_traiter',
    tallyColumn: 'status',
    follow: {
      reads: ['profile_id', ...TALLIED_COLUMNS],
      written: (tx, data, row) => {
        searchableApplication.written(tx, data, row);
        const after = {
          offer_id: data.offerId,
          status: data.status,
          received_at: new Date(data.receivedAt).toISOString(),
        };
        moveDashboardTallies(tx, row.previous as Tallied | undefined, {
          ...after,
          ...dashboardColumns(data),
        });
        const had = row.previous?.profile_id as string | null | undefined;
        // The profile it was made with, kept when the row brings one it did not have (not at
        // each new version of it). Anonymised (the candidate deleted the profile): the profile
        // it had leaves the profiles cache. Decided here, once the write happened: an older
        // version refused by the version guard changes nothing.
        if (data.profile) {
          if (data.profile.id !== had) cacheApplicantProfile(tx, data.profile, data.receivedAt);
        } else if (had) forgetProfile(tx, had);
      },
      deleting: (tx, rowid) => {
        searchableApplication.deleting(tx, rowid);
        untallyApplication(tx, rowid);
      },
    },
  }),
  favorite: entity({
    name: 'favorite',
    label: 'Favori',
    table: 'favorite',
    schema: favoriteSchema,
    toColumns: (data) => ({ ...favoriteToColumns(data) }),
    fromColumns: (row) => favoriteFromColumns(row as never),
    // Its id is its profile's: adding it again is harmless (PUT).
    createRequest: (id) => ({ method: 'PUT', path: `/favorites/${id}`, body: {} }),
    deletePath: (id) => `/favorites/${id}`,
    follow: { written: (tx, data, row) => cacheCarriedProfile(tx, data.profile, row) },
  }),
  contact: entity({
    name: 'contact',
    label: 'Contact d’un profil',
    table: 'contact',
    schema: contactSchema,
    toColumns: (data) => ({ ...contactToColumns(data) }),
    fromColumns: (row) => contactFromColumns(row as never),
    createRequest: (id, payload) => ({
      method: 'POST',
      path: `/profiles/${String(payload.profileId)}/contact`,
      body: { id, offerId: payload.offerId, message: payload.message },
    }),
    ...boundToOffer('contact'),
  }),
  alert: entity({
    name: 'alert',
    label: 'Alerte',
    table: 'alert',
    schema: alertSchema,
    toColumns: (data) => ({ ...alertToColumns(data) }),
    fromColumns: (row) => alertFromColumns(row as never),
    patchSchema: alertPatchSchema,
    updatePath: (id) => `/alerts/${id}`,
    // An alert the platform dropped (the profile applied, the offer closed) needs no dismissal.
    settledByDeletion: true,
    // Alerts are deleted, unlike applications and contacts: every tombstone is taken as one,
    // and a move with the offer's sharing brings the alert back right after it.
    hiddenFromUser: (tx, id) => offerBoundHiddenFromUser(tx, 'alert', id),
    follow: { written: (tx, data, row) => cacheCarriedProfile(tx, data.profile, row) },
  }),
};

export function entityNamed(name: string): SyncEntity | undefined {
  const known = Object.hasOwn(feedAliases, name) ? feedAliases[name] : name;
  return Object.hasOwn(syncEntities, known!) ? syncEntities[known as SyncEntityName] : undefined;
}
