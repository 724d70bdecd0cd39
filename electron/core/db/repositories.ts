import type { User } from '../../../shared/domain/account';
import type { Structure } from '../../../shared/domain/structure';
import {
  structureFromColumns,
  structureToColumns,
  userFromColumns,
  userToColumns,
} from '../../../shared/db/rows';
import type { LocalDb } from './open';
import type { AccountTable, StructureTable } from './schema';

/** The signed-in user and their structure as last received from the platform. */
export class AccountRepository {
  constructor(private readonly db: LocalDb) {}

  async user(): Promise<User | null> {
    const row = await this.db.selectFrom('account').selectAll().executeTakeFirst();
    return row ? userFromColumns(row) : null;
  }

  async structure(): Promise<Structure | null> {
    const row = await this.db.selectFrom('structure').selectAll().executeTakeFirst();
    return row ? structureFromColumns(row) : null;
  }

  /** Stores what the platform said, together, so the cache never holds a user without their structure. */
  async save(user: User, structure: Structure | null): Promise<void> {
    const account: AccountTable = { ...userToColumns(user), fetched_at: new Date().toISOString() };
    await this.db.transaction().execute(async (trx) => {
      if (structure) {
        const row: StructureTable = { ...structureToColumns(structure), sync_state: 'synced' };
        await trx
          .insertInto('structure')
          .values(row)
          .onConflict((oc) => oc.column('id').doUpdateSet(row))
          .execute();
      }
      await trx.deleteFrom('account').where('id', '!=', user.id).execute();
      await trx
        .insertInto('account')
        .values(account)
        .onConflict((oc) => oc.column('id').doUpdateSet(account))
        .execute();
      // Keep the cached structure while the account still belongs to it, even if it was not re-fetched.
      await trx
        .deleteFrom('structure')
        .where('id', '!=', user.structureId ?? '')
        .execute();
    });
  }
}
