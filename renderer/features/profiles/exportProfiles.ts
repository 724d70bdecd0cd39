import type { LocalAlert } from '../../../shared/domain/alerts';
import { diplomaStateLabels } from '../../../shared/domain/candidates';
import { contractTypeLabels } from '../../../shared/domain/offers';
import type {
  LocalFavorite,
  Profile,
  ProfileResult,
  ProfilesQueryInput,
} from '../../../shared/domain/profiles';
import { call } from '../../api/client';
import { downloadCsv, type CsvColumn } from '../../ui/csv';
import { formatDay, formatShortDate } from '../../ui/dates';
import { notifySuccess } from '../../ui/notify';
import { offerTitleLine, profileName } from './labels';

// A profile as staff see it: never a mail, a phone or an address (the platform sends none).
const profileColumns: ReadonlyArray<CsvColumn<Profile>> = [
  { header: 'Candidat', value: profileName },
  { header: 'Âge', value: (profile) => profile.age },
  { header: 'Métier', value: (profile) => profile.romeLabel },
  { header: 'Code ROME', value: (profile) => profile.romeCode },
  { header: 'Niveau', value: (profile) => profile.level },
  {
    header: 'Diplômes',
    value: (profile) =>
      profile.diplomas.map((d) => `${d.label} (${diplomaStateLabels[d.state].toLowerCase()})`).join(' ; '),
  },
  { header: 'Commune', value: (profile) => profile.communeName },
  { header: 'Mobilité (km)', value: (profile) => profile.mobilityKm },
  { header: 'Disponible à partir du', value: (profile) => formatDay(profile.availableFrom) },
  {
    header: 'Contrats recherchés',
    value: (profile) => profile.contractTypes.map((type) => contractTypeLabels[type]).join(' ; '),
  },
  { header: 'OETH', value: (profile) => (profile.oeth ? 'Oui' : 'Non') },
];

function about<Row>(profileOf: (row: Row) => Profile): Array<CsvColumn<Row>> {
  return profileColumns.map((column) => ({
    header: column.header,
    value: (row) => column.value(profileOf(row)),
  }));
}

/** The platform answers 20 profiles a page: an export stops at this many. */
export const PROFILES_EXPORT_MAX = 1000;

/** "Exporter en CSV" of a search: every page of it, in its order, up to PROFILES_EXPORT_MAX. */
export async function exportProfileSearch(query: ProfilesQueryInput): Promise<void> {
  const profiles: ProfileResult[] = [];
  let total = 0;
  for (let page = 1; profiles.length < PROFILES_EXPORT_MAX; page++) {
    const answer = await call('profiles.search', { ...query, page });
    total = answer.total;
    profiles.push(...answer.profiles);
    if (answer.profiles.length === 0 || profiles.length >= total) break;
  }
  downloadCsv(
    'profils',
    [...about<ProfileResult>((row) => row), { header: 'Distance (km)', value: (row) => row.distanceKm }],
    profiles.slice(0, PROFILES_EXPORT_MAX),
  );
  if (total > PROFILES_EXPORT_MAX)
    notifySuccess(
      `Les ${PROFILES_EXPORT_MAX} premiers profils sur ${total} sont exportés : affinez la recherche pour les autres.`,
    );
}

/** "Exporter en CSV" of the page "Favoris": the favourites it shows, filter applied. */
export function favoritesCsv(favorites: readonly LocalFavorite[]): void {
  downloadCsv<LocalFavorite>(
    'favoris',
    [
      ...about<LocalFavorite>((row) => row.profile),
      { header: 'Ajouté par', value: (row) => row.addedBy },
      { header: 'Ajouté le', value: (row) => formatShortDate(row.addedAt) },
    ],
    favorites,
  );
}

/** "Exporter en CSV" of the page "Alertes": the alerts it shows, filters applied. */
export function alertsCsv(alerts: readonly LocalAlert[]): void {
  downloadCsv<LocalAlert>(
    'alertes',
    [
      { header: 'Offre', value: offerTitleLine },
      { header: 'Score', value: (alert) => alert.score },
      {
        header: 'Raisons',
        value: (alert) =>
          alert.reasons
            .filter((reason) => reason.met)
            .map((reason) => reason.text)
            .join(' ; '),
      },
      ...about<LocalAlert>((alert) => alert.profile),
    ],
    alerts,
  );
}
