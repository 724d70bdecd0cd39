import type { LocalFavorite } from '../../../shared/domain/profiles';
import { fold } from '../alerts/filterAlerts';
import { profileName } from '../profiles/labels';

/** The favourites whose candidate's name, métier, commune or adder hold every word typed. */
export function filterFavorites(favorites: readonly LocalFavorite[], text: string): LocalFavorite[] {
  const words = fold(text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...favorites];
  return favorites.filter((favorite) => {
    const { profile } = favorite;
    const haystack = fold(
      [profileName(profile), profile.romeLabel, profile.communeName, favorite.addedBy].join(' '),
    );
    return words.every((word) => haystack.includes(word));
  });
}
