import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { LocalFavorite } from '../../../shared/domain/profiles';
import { formatCount } from '../../ui/plural';
import { FAVORITES_PATH } from '../favorites/paths';
import { DashboardCard } from './DashboardCard';
import type { Loadable } from './loadable';

/** "Favoris": how many profiles the team set aside, and the way to them. */
export function FavoritesSummary({ state }: { state: Loadable<LocalFavorite[]> }) {
  return (
    <DashboardCard
      id="dashboard-favorites"
      title="Favoris"
      state={state}
      actions={
        <Anchor component={Link} to={FAVORITES_PATH} size="sm">
          Voir mes favoris
        </Anchor>
      }
    >
      {(favorites) => (
        <>
          <Text fz={24} fw={700} lh={1.1}>
            {formatCount(favorites.length)}
          </Text>
          <Text size="xs">
            {favorites.length === 0
              ? 'Aucun favori : « Ajouter aux favoris » dans les détails d’un profil.'
              : favorites.length > 1
                ? 'profils favoris de la structure'
                : 'profil favori de la structure'}
          </Text>
        </>
      )}
    </DashboardCard>
  );
}
