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
import type { z } from '../../../shared/zod';
import { applicationRequest } from '../applications/requests';
import {
  applicationHiddenFromUser,
  forgetApplicationsHiddenFrom,
  seesUnsharedApplication,
} from '../applications/visibility';
import type { ApplicationSortKeys, OfferSortKeys } from '../db/schema';
import { searchKey } from '../db/search-key';
import type { WriteTx } from '../db/store';
import { forgetOffersHiddenFrom, hiddenFromUser, seesUnsharedOffer } from '../offers/visibility';
import type { Fields } from './merge';
import { recountTally } from './tally';

type Columns = Record<string, string | number | null>;

/** What the platform sends for every synced entity. */
export interface EntityData {
  id: string;
  version: number;
}

/** The REST request that sends one local change. */
export interface UpdateRequest {
  method: 'PATCH' | 'POST';
  path: string;
  body: Fields;
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
  table: 'structure' | 'account' | 'member' | 'employer' | 'offer' | 'application';
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
  updateRequest?: (id: string, payload: Fields, known: Fields) => UpdateRequest;
  /**
   * Fields the platform keeps once set, whoever set them first (the first reading of an
   * application): a local change of such a field the platform already set is dropped, not a conflict.
   */
  firstWriteWins?: readonly string[];
  /** The REST path of a creation made on the desktop (POST, with Idempotency-Key). */
  createPath?: () => string;
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

/** The request of a local change of a row (undefined when the desktop does not edit this entity). */
export function updateRequestOf(
  entity: SyncEntity,
  id: string,
  payload: Fields,
  known: Fields,
): UpdateRequest | undefined {
  if (entity.updateRequest) return entity.updateRequest(id, payload, known);
  const path = entity.updatePath?.(id);
  return path ? { method: 'PATCH', path, body: payload } : undefined;
}

/** Checks a definition against its data type, then files it with the others. */
function entity<T extends EntityData>(definition: SyncEntity<T>): SyncEntity {
  return definition as unknown as SyncEntity;
}

/** The feed's name for unshared offers: the same data, sent only to their author and the référent. */
const PRIVATE_OFFER = 'private_offer';
/** The same for the applications to unshared offers. */
const PRIVATE_APPLICATION = 'private_application';

/** Feed names that are another name of a declared entity (same table, same outbox entries). */
const feedAliases: Record<string, SyncEntityName> = {
  [PRIVATE_OFFER]: 'offer',
  [PRIVATE_APPLICATION]: 'application',
};

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
        // Applications first: which ones to drop follows from their offers.
        forgetApplicationsHiddenFrom(tx, after.id);
        recountTally(tx, syncEntities.application);
        forgetOffersHiddenFrom(tx, after.id);
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
    }),
    fromColumns: (row) => applicationFromColumns(row as never),
    patchSchema: applicationPatchSchema,
    updateRequest: applicationRequest,
    firstWriteWins: ['readAt'],
    // Shared → unshared offer: its author and the référent keep its applications (see offers).
    survivesTombstone: (tx, feedName, id) =>
      feedName === PRIVATE_APPLICATION || seesUnsharedApplication(tx, id),
    hiddenFromUser: applicationHiddenFromUser,
    isArrival: (before, after) => before === undefined && after.status === 'a_traiter',
    tallyColumn: 'status',
  }),
};

export function entityNamed(name: string): SyncEntity | undefined {
  const known = Object.hasOwn(feedAliases, name) ? feedAliases[name] : name;
  return Object.hasOwn(syncEntities, known!) ? syncEntities[known as SyncEntityName] : undefined;
}
