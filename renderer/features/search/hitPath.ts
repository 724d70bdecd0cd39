import type { SearchHit, SearchKind } from '../../../shared/domain/global-search';
import { applicationPath } from '../applications/paths';
import { employerPath } from '../employers/paths';
import { editOfferPath } from '../offers/paths';
import { profilePath } from '../profiles/paths';

const pages: Record<SearchKind, (id: string) => string> = {
  offer: editOfferPath,
  employer: employerPath,
  application: applicationPath,
  profile: profilePath,
};

/** The page a result of the global search opens. */
export function hitPath(hit: Pick<SearchHit, 'kind' | 'id'>): string {
  return pages[hit.kind](hit.id);
}
