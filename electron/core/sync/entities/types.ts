import type { SyncEntityName } from '../../../../shared/api/sync';
import type { z } from '../../../../shared/zod';
import type { WriteTx } from '../../db/store';
import type { Fields } from '../merge';

// What a synced entity is, for the engine and for local-state.ts: the leaf every other module of
// the sync imports (nothing here imports an entity, so nothing loops back).

export type Columns = Record<string, string | number | null>;

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
export function defineEntity<T extends EntityData>(definition: SyncEntity<T>): SyncEntity {
  return definition as unknown as SyncEntity;
}
