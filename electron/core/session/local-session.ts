import { sql } from 'kysely';
import { structureFromColumns, userFromColumns } from '../../../shared/db/rows';
import type { LocalStructure, LocalUser } from '../../../shared/domain/session';
import type { AccountTable, StructureTable } from '../db/schema';
import type { LocalStore } from '../db/store';
import type { EntityData } from '../sync/entities';
import { syncEntities } from '../sync/entities';
import { applyServerState, hasWaitingChanges } from '../sync/local-state';

/** The signed-in user and their structure, as cached here (with their sync state). */
export function readLocalSession(
  store: LocalStore,
): Promise<{ user: LocalUser | null; structure: LocalStructure | null }> {
  return store.read((tx) => {
    const account = tx.first<AccountTable>(sql`select * from account limit 1`);
    const structure = account?.structure_id
      ? tx.first<StructureTable>(sql`select * from structure where id = ${account.structure_id}`)
      : undefined;
    return {
      user: account ? { ...userFromColumns(account), syncState: account.sync_state } : null,
      structure: structure ? { ...structureFromColumns(structure), syncState: structure.sync_state } : null,
    };
  });
}

/**
 * Stores the user (and their structure) as the platform returned them at sign-in, without
 * overwriting local changes still waiting in the outbox.
 */
export function storeSignedInState(
  store: LocalStore,
  user: EntityData & { id: string },
  structure: (EntityData & { id: string }) | null,
): Promise<void> {
  return store.write((tx) => {
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
  });
}
