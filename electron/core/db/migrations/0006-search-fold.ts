import { sql, type Kysely, type Migration } from 'kysely';
import { fold, searchWords } from '../../../../shared/text/fold';

/**
 * 0006_search_fold: every search folds with shared/text/fold.ts (issue 18): the keys and index
 * words of rows written before ("s ren" for "Søren", "strae" for "Straße") are made again.
 * Released: never edited.
 *
 * It uses the live fold on purpose: its job is to bring stored keys to what the fold of this
 * version makes, and a later change of the fold comes with a migration of its own. The columns
 * it reads are the schema of 0005, spelled out here.
 */
export const searchFold: Migration = {
  async up(db: Kysely<any>) {
    await rekey(db, 'offer', { title_key: 'title', employer_key: 'employer_name' });
    await rekey(db, 'rome', { search: 'label' });
    await rekey(db, 'diploma', { search: 'label' });
    await rekey(db, 'commune', { search: 'name' });
    await rekeyApplications(db);
    for (const kind of searchKinds) await reindex(db, kind);
  },
};

async function rekey(db: Kysely<any>, table: string, keys: Record<string, string>): Promise<void> {
  const pairs = Object.entries(keys);
  const rows = await db
    .selectFrom(table)
    .select(sql<number>`rowid`.as('rowid'))
    .select(pairs.flatMap(([key, source]) => [key, source]))
    .execute();
  for (const row of rows) {
    const changed = Object.fromEntries(
      pairs
        .map(([key, source]) => [key, searchWords(String(row[source] ?? ''))] as const)
        .filter(([key, value]) => value !== row[key]),
    );
    if (Object.keys(changed).length > 0)
      await db
        .updateTable(table)
        .set(changed)
        .where(sql`rowid`, '=', row.rowid)
        .execute();
  }
}

async function rekeyApplications(db: Kysely<any>): Promise<void> {
  const rows = await sql<{
    rowid: number;
    applicant_key: string;
    offer_key: string;
    offer_title: string;
    first_name: string | null;
    last_name: string | null;
  }>`select rowid, applicant_key, offer_key, offer_title,
      profile ->> '$.firstName' as first_name, profile ->> '$.lastName' as last_name
    from application`.execute(db);
  for (const row of rows.rows) {
    const applicant_key =
      row.first_name === null ? '' : searchWords(`${row.first_name} ${row.last_name ?? ''}`);
    const offer_key = searchWords(row.offer_title);
    if (applicant_key !== row.applicant_key || offer_key !== row.offer_key)
      await db
        .updateTable('application')
        .set({ applicant_key, offer_key })
        .where(sql`rowid`, '=', row.rowid)
        .execute();
  }
}

/** The documents of each kind as 0005 numbered and composed them (search/documents.ts). */
const searchKinds = [
  {
    table: 'offer',
    base: 1n,
    title: sql`coalesce(number, '') || ' ' || title`,
    body: sql`rome_label || ' ' || employer_name || ' ' || commune_name`,
  },
  {
    table: 'employer',
    base: 2n,
    title: sql`coalesce(trade_name, '') || ' ' || coalesce(legal_name, '') || ' ' || siret`,
    body: sql`coalesce(commune_name, '') || ' ' || contact_first_name || ' ' || contact_last_name`,
  },
  {
    table: 'application',
    base: 3n,
    title: sql`number || ' ' || coalesce(profile ->> '$.firstName', '') || ' ' || coalesce(profile ->> '$.lastName', '')`,
    body: sql`offer_title || ' ' || employer_name`,
  },
  {
    table: 'profile',
    base: 4n,
    title: sql`first_name || ' ' || last_name`,
    body: sql`rome_label || ' ' || coalesce((select group_concat(d.value ->> '$.label', ' ')
        from json_each(diplomas) as d), '') || ' ' || commune_name || ' ' || presentation`,
  },
];

/**
 * What the index's tokenizer (unicode61, remove_diacritics 2) made of a text before: case and
 * accents folded, œ and æ spelled out by 0005. Only where that differs from the shared fold (ø,
 * ß, ł, ﬁ…) is a document written again; ASCII left after it tokenizes the same both ways.
 */
function needsRefold(text: string): boolean {
  const before = text.replace(/[œŒ]/g, 'oe').replace(/[æÆ]/g, 'ae').normalize('NFD').replace(/\p{M}/gu, '');
  // eslint-disable-next-line no-control-regex
  return /[^\u0000-\u007f]/.test(before);
}

async function reindex(db: Kysely<any>, kind: (typeof searchKinds)[number]): Promise<void> {
  const base = kind.base * 2n ** 40n;
  const rows = await sql<{ rowid: number; title: string | null; body: string | null }>`
    select rowid, ${kind.title} as title, ${kind.body} as body from ${sql.table(kind.table)}`.execute(db);
  for (const row of rows.rows) {
    const title = row.title ?? '';
    const body = row.body ?? '';
    if (!needsRefold(title) && !needsRefold(body)) continue;
    await sql`insert or replace into search_fts (rowid, title, body)
      values (${base + BigInt(row.rowid)}, ${fold(title)}, ${fold(body)})`.execute(db);
  }
}
