import type { User } from '../../../shared/domain/account';
import type { HeadcountBand } from '../../../shared/domain/company';
import type { Structure } from '../../../shared/domain/structure';
import type { LocalDb } from './open';
import type { AccountTable, StructureTable } from './schema';

function toUser(row: AccountTable): User {
  return {
    id: row.id,
    mail: row.mail,
    firstName: row.first_name,
    lastName: row.last_name,
    mobile: row.mobile,
    structureId: row.structure_id,
    role: row.role,
    createdAt: row.created_at,
  };
}

function toStructure(row: StructureTable): Structure {
  return {
    id: row.id,
    siret: row.siret,
    legalName: row.legal_name,
    nafCode: row.naf_code,
    nafLabel: row.naf_label,
    headcountBand: row.headcount_band as HeadcountBand | null,
    tradeName: row.trade_name,
    email: row.email,
    phone: row.phone,
    website: row.website,
    address: {
      street: row.street,
      postalCode: row.postal_code,
      communeCode: row.commune_code,
      communeName: row.commune_name,
    },
    acceptsThirdGradeInterns: row.accepts_third_grade_interns === 1,
    acceptsSecondGradeInterns: row.accepts_second_grade_interns === 1,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

function structureRow(structure: Structure): StructureTable {
  return {
    id: structure.id,
    siret: structure.siret,
    legal_name: structure.legalName,
    naf_code: structure.nafCode,
    naf_label: structure.nafLabel,
    headcount_band: structure.headcountBand,
    trade_name: structure.tradeName,
    email: structure.email,
    phone: structure.phone,
    website: structure.website,
    street: structure.address.street,
    postal_code: structure.address.postalCode,
    commune_code: structure.address.communeCode,
    commune_name: structure.address.communeName,
    accepts_third_grade_interns: structure.acceptsThirdGradeInterns ? 1 : 0,
    accepts_second_grade_interns: structure.acceptsSecondGradeInterns ? 1 : 0,
    version: structure.version,
    updated_at: structure.updatedAt,
    sync_state: 'synced',
  };
}

/** The signed-in user and their structure as last received from the platform. */
export class AccountRepository {
  constructor(private readonly db: LocalDb) {}

  async user(): Promise<User | null> {
    const row = await this.db.selectFrom('account').selectAll().executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async structure(): Promise<Structure | null> {
    const row = await this.db.selectFrom('structure').selectAll().executeTakeFirst();
    return row ? toStructure(row) : null;
  }

  /** Stores what the platform said, together, so the cache never holds a user without their structure. */
  async save(user: User, structure: Structure | null): Promise<void> {
    const fetchedAt = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      if (structure) {
        const row = structureRow(structure);
        await trx
          .insertInto('structure')
          .values(row)
          .onConflict((oc) => oc.column('id').doUpdateSet(row))
          .execute();
      }
      const account: AccountTable = {
        id: user.id,
        mail: user.mail,
        first_name: user.firstName,
        last_name: user.lastName,
        mobile: user.mobile,
        structure_id: user.structureId,
        role: user.role,
        created_at: user.createdAt,
        fetched_at: fetchedAt,
      };
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
