import { describe, expect, it } from 'vitest';
import { usePlatform } from '../test-support';
import { refoldSearchText } from './refold-search-text';

// Migration 0008_search_fold: the keys made before the shared fold ("s ren" for "Søren") are
// made again from the columns they come from, and nothing else is touched.

const platform = usePlatform({ seed: 'demo' });

describe('refoldSearchText', () => {
  it('re-keys offers and profiles whose key the shared fold changes, and only those', async () => {
    const db = platform().db;
    const offer = await db.selectFrom('offers').select(['id', 'search_text']).executeTakeFirstOrThrow();
    const profile = await db
      .selectFrom('candidate_profiles')
      .select(['id', 'search_text'])
      .executeTakeFirstOrThrow();
    // As the previous fold keyed them: "ø" and "ß" were not letters.
    await db
      .updateTable('offers')
      .set({ title: 'Commis chez Søren', search_text: 'commis chez s ren' })
      .where('id', '=', offer.id)
      .execute();
    await db
      .updateTable('candidate_profiles')
      .set({ presentation: 'Stage à Straße', search_text: 'stage a stra e' })
      .where('id', '=', profile.id)
      .execute();

    expect(await refoldSearchText(db)).toBe(2);
    const [offerKey, profileKey] = await Promise.all([
      db.selectFrom('offers').select('search_text').where('id', '=', offer.id).executeTakeFirstOrThrow(),
      db
        .selectFrom('candidate_profiles')
        .select('search_text')
        .where('id', '=', profile.id)
        .executeTakeFirstOrThrow(),
    ]);
    expect(offerKey.search_text).toMatch(/^commis chez soren /);
    expect(profileKey.search_text).toContain('stage a strasse');
    expect(await refoldSearchText(db)).toBe(0);
  });
});
