import { Anchor, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { messageOf } from '../../api/client';
import { formatShortDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ExportCsvButton } from '../../ui/ExportCsvButton';
import { PageNav } from '../../ui/PageNav';
import { exportFavorites } from '../profiles/exportProfiles';
import { profileName } from '../profiles/labels';
import { profilePath, PROFILES_PATH } from '../profiles/paths';
import { useFavorites, useRemoveFavorite } from '../profiles/queries';
import { SyncStateBadge } from '../sync/SyncStateBadge';
import { FROM_DASHBOARD } from './paths';
import { CandidateName } from '../profiles/CandidateName';

/** Favourites shown per page (the list is the whole structure's, loaded at once). */
const PAGE_SIZE = 10;

/** The dashboard's "Favoris": the profiles the structure's team set aside, newest first, 10 a page. */
export function FavoritesBlock() {
  const favorites = useFavorites();
  const remove = useRemoveFavorite();
  const heading = useRef<HTMLHeadingElement>(null);
  const rows = favorites.data ?? [];
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  // The last row of the last page removed (here or by a sync): the page before it, which stays.
  if (favorites.data && page > pages) setPage(pages);
  const current = Math.min(page, pages);
  const shown = rows.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="dashboard-favorites">
      <Stack>
        <Group justify="space-between">
          {/* Focus comes back here when the row whose button had it goes away. */}
          <Title order={2} id="dashboard-favorites" ref={heading} tabIndex={-1}>
            Favoris
          </Title>
          <Group>
            <Anchor component={Link} to={PROFILES_PATH} size="sm">
              Rechercher des profils
            </Anchor>
            {rows.length > 0 && <ExportCsvButton run={exportFavorites} label="Exporter en CSV : favoris" />}
          </Group>
        </Group>
        {favorites.isPending && <Loader aria-label="Chargement des favoris" />}
        {favorites.error && (
          <ErrorAlert message={messageOf(favorites.error)} onRetry={() => void favorites.refetch()} />
        )}
        {favorites.data && rows.length === 0 && (
          <Text size="sm">
            Aucun favori pour l’instant : « Ajouter aux favoris » dans les détails d’un profil le met ici,
            pour toute l’équipe.
          </Text>
        )}
        {rows.length > 0 && (
          <Table.ScrollContainer minWidth={800}>
            <Table striped highlightOnHover verticalSpacing="xs">
              <Table.Caption>Profils favoris de la structure</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Candidat</Table.Th>
                  <Table.Th scope="col">Projet</Table.Th>
                  <Table.Th scope="col">Commune</Table.Th>
                  <Table.Th scope="col">Ajouté</Table.Th>
                  <Table.Th scope="col">Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((favorite) => {
                  const name = profileName(favorite.profile);
                  return (
                    <Table.Tr key={favorite.id}>
                      <Table.Th scope="row" fw={500}>
                        <CandidateName oeth={favorite.profile.oeth}>
                          <Anchor
                            component={Link}
                            to={profilePath(favorite.id)}
                            state={FROM_DASHBOARD}
                            size="sm"
                          >
                            {name}
                          </Anchor>
                        </CandidateName>
                      </Table.Th>
                      <Table.Td>{favorite.profile.romeLabel}</Table.Td>
                      <Table.Td>{favorite.profile.communeName}</Table.Td>
                      <Table.Td>
                        <Stack gap={4}>
                          <Text size="sm">
                            Par {favorite.addedBy}, le {formatShortDate(favorite.addedAt)}
                          </Text>
                          <SyncStateBadge state={favorite.syncState} size="sm" />
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Button
                          variant="subtle"
                          size="xs"
                          loading={remove.isPending && remove.variables.id === favorite.id}
                          aria-label={`Retirer des favoris : ${name}`}
                          onClick={() => {
                            heading.current?.focus();
                            remove.mutate(favorite);
                          }}
                        >
                          Retirer des favoris
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <PageNav label="Pages des favoris" total={pages} value={current} onChange={setPage} />
      </Stack>
    </Card>
  );
}
