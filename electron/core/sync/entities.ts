import type { SyncEntityName } from '../../../shared/api/sync';
import {
  memberFromColumns,
  memberToColumns,
  structureFromColumns,
  structureToColumns,
  userFromColumns,
  userToColumns,
} from '../../../shared/db/rows';
import { memberSchema, userPatchSchema, userSchema } from '../../../shared/domain/account';
import { structurePatchSchema, structureSchema } from '../../../shared/domain/structure';
import type { z } from '../../../shared/zod';

type Columns = Record<string, string | number | null>;

/** What the platform sends for every synced entity. */
export interface EntityData {
  id: string;
  version: number;
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
  table: 'structure' | 'account' | 'member';
  schema: z.ZodType<T>;
  toColumns(data: T): Columns;
  fromColumns(row: Columns): T;
  /** The fields a local change may carry, validated before anything is written. */
  patchSchema?: z.ZodObject;
  /** The REST path of an update (PATCH, with If-Match and Idempotency-Key). */
  updatePath?: (id: string) => string;
}

/** The fields local changes may set (the keys of the entity's patch schema). */
export function editableFields(entity: SyncEntity): ReadonlySet<string> {
  return new Set(entity.patchSchema ? Object.keys(entity.patchSchema.shape) : []);
}

/** Checks a definition against its data type, then files it with the others. */
function entity<T extends EntityData>(definition: SyncEntity<T>): SyncEntity {
  return definition as unknown as SyncEntity;
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
  }),
  member: entity({
    name: 'member',
    label: 'Utilisateurs de ma structure',
    table: 'member',
    schema: memberSchema,
    toColumns: (data) => ({ ...memberToColumns(data) }),
    fromColumns: (row) => memberFromColumns(row as never),
  }),
};

export function entityNamed(name: string): SyncEntity | undefined {
  return Object.hasOwn(syncEntities, name) ? syncEntities[name as SyncEntityName] : undefined;
}
