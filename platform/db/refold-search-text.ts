import type { Kysely } from 'kysely';
import { profileSearchTextOf, searchTextOf } from '../offers/search-text';
import type { PlatformDatabase } from './schema';

/**
 * Computes every offer's and profile's `search_text` again from the columns it is made of, with
 * the search fold of today, writing only the rows whose key changed. Written for the move to the
 * shared fold (shared/text/fold.ts: "Søren" was keyed "s ren", "Straße" "stra e"); running it
 * again later only brings keys up to date, which is why it uses the live code and not a frozen
 * copy (a migration that appends to a key, as 0006 does, must freeze its copy instead).
 */
export async function refoldSearchText(db: Kysely<PlatformDatabase>): Promise<number> {
  let changed = 0;
  const offers = await db
    .selectFrom('offers')
    .select(['id', 'title', 'description', 'rome_label', 'employer_name', 'search_text'])
    .execute();
  for (const offer of offers) {
    const key = searchTextOf(offer);
    if (key === offer.search_text) continue;
    await db.updateTable('offers').set({ search_text: key }).where('id', '=', offer.id).execute();
    changed += 1;
  }
  const profiles = await db
    .selectFrom('candidate_profiles')
    .select(['id', 'rome_label', 'diplomas', 'presentation', 'commune_name', 'search_text'])
    .execute();
  for (const profile of profiles) {
    const diplomas = JSON.parse(profile.diplomas) as { diplomaId: string }[];
    const key = profileSearchTextOf(
      profile,
      diplomas.map((d) => d.diplomaId),
    );
    if (key === profile.search_text) continue;
    await db
      .updateTable('candidate_profiles')
      .set({ search_text: key })
      .where('id', '=', profile.id)
      .execute();
    changed += 1;
  }
  return changed;
}
