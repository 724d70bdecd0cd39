import type { Kysely, Migration } from 'kysely';

/**
 * The sort indexes of "Mes offres" (0003), each followed by the columns the tab's broad filters
 * read (contract type, commune): a page's offers are then found, in order, from the index alone
 * (covering; see offersListSql), and only its 50 rows are read from the table. Unchanged in
 * name, wider in content. Released: never edited.
 */
const OFFER_SORT_INDEXES: Record<string, string[]> = {
  offer_status_created: ['status', 'created_at', 'id', 'contract_type', 'commune_code'],
  offer_status_number: ['status', 'number_key', 'id', 'contract_type', 'commune_code'],
  offer_status_title: ['status', 'title_key', 'id', 'contract_type', 'commune_code'],
  offer_status_employer_name: ['status', 'employer_key', 'id', 'contract_type', 'commune_code'],
  offer_status_start: ['status', 'start_date', 'id', 'contract_type', 'commune_code'],
};

export const coveringListIndexes: Migration = {
  async up(db: Kysely<any>) {
    for (const [name, columns] of Object.entries(OFFER_SORT_INDEXES)) {
      await db.schema.dropIndex(name).execute();
      await db.schema.createIndex(name).on('offer').columns(columns).execute();
    }
  },
};
