import { sql } from 'kysely';
import { membershipOf, type User } from '../../../shared/domain/account';
import { structureFromColumns, userFromColumns } from '../../../shared/db/rows';
import type { LocalStructure, LocalUser } from '../../../shared/domain/session';
import { joinRequestSchema, type JoinRequest, type Structure } from '../../../shared/domain/structure';
import { AppError } from '../../../shared/ipc/errors';
import type { AccountTable, StructureTable } from '../db/schema';
import type { LocalStore, ReadTx, WriteTx } from '../db/store';
import { cursorKey } from '../sync/engine';
import { syncEntities } from '../sync/entities';
import { applyServerState, hasWaitingChanges } from '../sync/local-state';
import { recountTally } from '../sync/tally';
import { clearSearchIndex } from '../search/search-index';
import { clearDashboardTallies } from '../dashboard/tallies';

const JOIN_REQUEST_KEY = 'membership.joinRequest';

export interface LocalSession {
  user: LocalUser | null;
  structure: LocalStructure | null;
  joinRequest: JoinRequest | null;
}

function readJoinRequest(tx: ReadTx): JoinRequest | null {
  const row = tx.first<{ value: string }>(sql`select value from meta where key = ${JOIN_REQUEST_KEY}`);
  if (!row) return null;
  const parsed = joinRequestSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : null;
}

/** The signed-in user, their structure and their pending request, as cached here (with their sync state). */
export function readLocalSession(store: LocalStore): Promise<LocalSession> {
  return store.read((tx) => {
    const account = tx.first<AccountTable>(sql`select * from account limit 1`);
    // A pending collaborator is attached to the structure but holds none of its data.
    const structure =
      account?.structure_id && account.role
        ? tx.first<StructureTable>(sql`select * from structure where id = ${account.structure_id}`)
        : undefined;
    return {
      user: account ? { ...userFromColumns(account), syncState: account.sync_state } : null,
      structure: structure ? { ...structureFromColumns(structure), syncState: structure.sync_state } : null,
      joinRequest:
        account && membershipOf(userFromColumns(account)) === 'pending' ? readJoinRequest(tx) : null,
    };
  });
}

/** What the platform says of the user's place in a structure. */
export interface PlatformMembership {
  user: User;
  structure: Structure | null;
  joinRequest: JoinRequest | null;
}

/** The synced entities that belong to a structure (all but the user's own account). */
const structureEntities = Object.values(syncEntities).filter((entity) => entity.name !== 'account');

/**
 * The cached data of a structure the user no longer belongs to goes, so that it is never shown
 * again. Changes to it that were never sent are not dropped silently: the caller is refused,
 * and the data stays until its owner deletes it (its sign-out notice says how).
 */
function forgetStructure(tx: WriteTx, structureId: string, name: string): void {
  const unsent =
    tx.first<{ n: number }>(
      sql`select count(*) as n from outbox where entity != ${syncEntities.account.name}`,
    )?.n ?? 0;
  if (unsent > 0) {
    throw new AppError(
      'conflict',
      `Ce poste garde ${unsent === 1 ? 'une modification' : `${unsent} modifications`} jamais envoyée${unsent === 1 ? '' : 's'} pour la structure « ${name} », dont vous ne faites plus partie. Supprimez d’abord les données locales de ce compte, puis reconnectez-vous.`,
    );
  }
  for (const entity of structureEntities) {
    tx.run(sql`delete from ${sql.table(entity.table)}`);
    recountTally(tx, entity);
  }
  clearDashboardTallies(tx);
  // What followed those rows: the profiles seen through them, and the search index of it all.
  tx.run(sql`delete from profile`);
  clearSearchIndex(tx);
  tx.run(sql`delete from shadow where entity != ${syncEntities.account.name}`);
  tx.run(sql`delete from meta where key = ${cursorKey(structureId)}`);
}

/**
 * Stores the user, their structure and their pending request as the platform returned them,
 * without overwriting local changes still waiting in the outbox.
 */
export function storeMembership(store: LocalStore, membership: PlatformMembership): Promise<void> {
  const { user, structure, joinRequest } = membership;
  return store.write((tx) => {
    const before = tx.first<AccountTable>(sql`select * from account limit 1`);
    const stillMember = before?.structure_id === user.structureId && user.role !== null;
    if (before?.structure_id && before.role && !stillMember) {
      const name = tx.first<{ legal_name: string }>(
        sql`select legal_name from structure where id = ${before.structure_id}`,
      )?.legal_name;
      forgetStructure(tx, before.structure_id, name ?? 'précédente');
    }
    // One account per database: a row of another user cannot be here, but never show one.
    tx.run(sql`delete from account where id != ${user.id}`);
    applyServerState(tx, syncEntities.account, user, hasWaitingChanges(tx, 'account', user.id));
    if (structure) {
      applyServerState(
        tx,
        syncEntities.structure,
        structure,
        hasWaitingChanges(tx, 'structure', structure.id),
      );
    }
    if (joinRequest)
      tx.exec('insert or replace into meta (key, value) values (?, ?)', [
        JOIN_REQUEST_KEY,
        JSON.stringify(joinRequest),
      ]);
    else tx.run(sql`delete from meta where key = ${JOIN_REQUEST_KEY}`);
  });
}
