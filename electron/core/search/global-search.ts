import { sql } from 'kysely';
import { employerFromColumns, offerFromColumns } from '../../../shared/db/rows';
import { applicationFromColumns } from '../../../shared/db/application-rows';
import { applicantName, applicationStatusLabels } from '../../../shared/domain/applications';
import { employerName, employerStatusLabels } from '../../../shared/domain/employers';
import {
  searchKinds,
  type GlobalSearch,
  type SearchHit,
  type SearchKind,
} from '../../../shared/domain/global-search';
import { offerStatusLabels } from '../../../shared/domain/offers';
import type { ApplicationTable, EmployerTable, OfferTable, ProfileTable } from '../db/schema';
import type { ReadTx } from '../db/store';
import { profileFromColumns } from '../../../shared/db/profile-rows';
import { ftsQuery } from './fts-query';
import { matchingIds } from './search-index';

// The global search box (Ctrl+K): what is here of offers, employers, applications and profiles,
// found by the full-text index, offline included, named as their pages name them.

function line(...parts: Array<string | null | undefined>): string {
  return parts.filter(Boolean).join(' · ');
}

/** The rows of these ids, in their order (a row gone since it was indexed is left out). */
function rowsOf<Row extends { id: string }>(tx: ReadTx, table: SearchKind, ids: string[]): Row[] {
  if (ids.length === 0) return [];
  const rows = tx.all<Row>(sql`select * from ${sql.table(table)} where id in (${sql.join(ids)})`);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A hit per row found: the title its page has, and a line of what tells it apart. */
const hitsOf: Record<SearchKind, (tx: ReadTx, ids: string[]) => SearchHit[]> = {
  offer: (tx, ids) =>
    rowsOf<OfferTable>(tx, 'offer', ids)
      .map(offerFromColumns)
      .map((offer) => ({
        kind: 'offer',
        id: offer.id,
        title:
          offer.number === null ? `Offre provisoire — ${offer.title}` : `N° ${offer.number} — ${offer.title}`,
        detail: line(offer.employerName, offer.communeName, offerStatusLabels[offer.status]),
      })),
  employer: (tx, ids) =>
    rowsOf<EmployerTable>(tx, 'employer', ids)
      .map(employerFromColumns)
      .map((employer) => ({
        kind: 'employer',
        id: employer.id,
        title: employerName(employer),
        detail: line(employer.address?.communeName, employerStatusLabels[employer.status]),
      })),
  application: (tx, ids) =>
    rowsOf<ApplicationTable>(tx, 'application', ids)
      .map(applicationFromColumns)
      .map((application) => ({
        kind: 'application',
        id: application.id,
        title: `Candidature n° ${application.number} — ${applicantName(application)}`,
        detail: line(
          `N° ${application.offerNumber} — ${application.offerTitle}`,
          applicationStatusLabels[application.status],
        ),
      })),
  profile: (tx, ids) =>
    rowsOf<ProfileTable>(tx, 'profile', ids)
      .map(profileFromColumns)
      .map((profile) => ({
        kind: 'profile',
        id: profile.id,
        title: `${profile.firstName} ${profile.lastName} — ${profile.romeLabel}`,
        detail: line(profile.communeName, `Mobilité : ${profile.mobilityKm} km`),
      })),
};

/** The rows whose words start with every word typed, `limit` per kind, in the order of searchKinds. */
export function searchEverything(tx: ReadTx, q: string, limit: number): GlobalSearch {
  const query = ftsQuery(q);
  if (!query) return { groups: [] };
  return {
    groups: searchKinds
      .map((kind) => ({ kind, hits: hitsOf[kind](tx, matchingIds(tx, kind, query, limit)) }))
      .filter((group) => group.hits.length > 0),
  };
}
