import type { MemberRole, Role } from '../../shared/domain/account';
import type { PlatformDb } from '../db/open';
import type { UsersTable } from '../db/schema';
import { recordDeparture, recordUser } from '../sync/log';

// Every change of a user's place in a structure goes through here: a conditional UPDATE (the
// user must still be where the caller saw them, so that of two concurrent requests only one
// applies), the version bump the desktops rely on, and the structure's feed, in the caller's
// transaction.

/** `role` as SQL sees it: a pending collaborator is attached without one. */
function inRole(role: MemberRole): Role | null {
  return role === 'pending' ? null : role;
}

/**
 * Attaches a user who has no structure to `structureId`, as `role` (or as a pending
 * collaborator), since now. Undefined when they meanwhile got a structure.
 */
export async function attachToStructure(
  trx: PlatformDb,
  userId: string,
  structureId: string,
  role: MemberRole,
): Promise<UsersTable | undefined> {
  const now = new Date().toISOString();
  const row = await trx
    .updateTable('users')
    .set((eb) => ({
      structure_id: structureId,
      structure_joined_at: now,
      role: inRole(role),
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', userId)
    .where('structure_id', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (row) await recordUser(trx, row);
  return row;
}

/**
 * Moves a member of `structureId` from role `from` to `to`. An approval (from pending) also
 * becomes their joining date. Undefined when they are no longer `from` in that structure.
 */
export async function changeRole(
  trx: PlatformDb,
  userId: string,
  structureId: string,
  from: MemberRole,
  to: Role,
): Promise<UsersTable | undefined> {
  const now = new Date().toISOString();
  const fromRole = inRole(from);
  const row = await trx
    .updateTable('users')
    .set((eb) => ({
      role: to,
      updated_at: now,
      version: eb('version', '+', 1),
      ...(from === 'pending' ? { structure_joined_at: now } : {}),
    }))
    .where('id', '=', userId)
    .where('structure_id', '=', structureId)
    .where('role', fromRole === null ? 'is' : '=', fromRole)
    .returningAll()
    .executeTakeFirst();
  if (row) await recordUser(trx, row);
  return row;
}

/**
 * Detaches a user from `structureId` if they still hold one of `roles` there; their account
 * itself stays. Undefined when they do not.
 */
export async function detachFromStructure(
  trx: PlatformDb,
  userId: string,
  structureId: string,
  roles: MemberRole[],
): Promise<UsersTable | undefined> {
  const named = roles.filter((role): role is Role => role !== 'pending');
  const row = await trx
    .updateTable('users')
    .set((eb) => ({
      structure_id: null,
      structure_joined_at: null,
      role: null,
      updated_at: new Date().toISOString(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', userId)
    .where('structure_id', '=', structureId)
    .where((eb) =>
      eb.or([
        ...(roles.includes('pending') ? [eb('role', 'is', null)] : []),
        ...(named.length > 0 ? [eb('role', 'in', named)] : []),
      ]),
    )
    .returningAll()
    .executeTakeFirst();
  if (row) await recordDeparture(trx, structureId, row.id, row.version);
  return row;
}
