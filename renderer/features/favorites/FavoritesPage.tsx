import { Anchor, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { messageOf } from '../../api/client';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ExportCsvButton } from '../../ui/ExportCsvButton';
import { plural } from '../../ui/plural';
import { usePageTitle } from '../../ui/usePageTitle';
import { favoritesCsv } from '../profiles/exportProfiles';
import { PROFILES_PATH } from '../profiles/paths';
import { useFavorites, useRemoveFavorite } from '../profiles/queries';
import { FavoritesTable } from './FavoritesTable';
import { filterFavorites } from './filterFavorites';

/** "Mon espace › Favoris": the profiles the team set aside, newest first, searchable. */
export function FavoritesPage() {
  usePageTitle('Favoris');
  const favorites = useFavorites();
  const remove = useRemoveFavorite();
  const heading = useRef<HTMLHeadingElement>(null);
  const [text, setText] = useState('');
  const rows = useMemo(() => filterFavorites(favorites.data ?? [], text), [favorites.data, text]);
  return (
    <Stack gap="sm">
      {/* Focus comes back here when the row whose button had it goes away. */}
      <Title order={1} ref={heading} tabIndex={-1}>
        Favoris
      </Title>
      <Group align="flex-end" justify="space-between">
        <TextInput
          label="Rechercher"
          description="Nom, métier, commune ou qui l’a ajouté"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          w={320}
        />
        <Group>
          <Anchor component={Link} to={PROFILES_PATH} size="sm">
            Rechercher des profils
          </Anchor>
          <ExportCsvButton run={async () => favoritesCsv(rows)} label="Exporter en CSV : favoris" />
        </Group>
      </Group>
      {favorites.isPending && <Loader aria-label="Chargement des favoris" />}
      {favorites.error && (
        <ErrorAlert message={messageOf(favorites.error)} onRetry={() => void favorites.refetch()} />
      )}
      {favorites.data && (
        <Text size="sm" role="status" aria-live="polite">
          {rows.length > 0
            ? plural(rows.length, 'favori', 'favoris')
            : text.trim()
              ? 'Aucun favori ne correspond à cette recherche.'
              : 'Aucun favori pour l’instant : « Ajouter aux favoris » dans les détails d’un profil le met ici, pour toute l’équipe.'}
        </Text>
      )}
      {rows.length > 0 && (
        <FavoritesTable
          rows={rows}
          removingId={remove.isPending ? remove.variables.id : null}
          onRemove={(favorite) => {
            heading.current?.focus();
            remove.mutate(favorite);
          }}
        />
      )}
    </Stack>
  );
}
