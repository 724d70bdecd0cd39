import { Anchor, Box, Button, Table, Text } from '@mantine/core';
import { useVirtualRows } from '../../ui/useVirtualRows';
import { Link } from 'react-router';
import type { LocalFavorite } from '../../../shared/domain/profiles';
import { formatShortDate } from '../../ui/dates';
import { CandidateName } from '../profiles/CandidateName';
import { profileName } from '../profiles/labels';
import { backTo, profilePath } from '../profiles/paths';
import { SyncStateBadge } from '../sync/SyncStateBadge';
import { FAVORITES_PATH } from './paths';

const FROM_FAVORITES = backTo(FAVORITES_PATH, 'Retour aux favoris');
const COLUMNS = 5;

interface Props {
  rows: readonly LocalFavorite[];
  onRemove: (favorite: LocalFavorite) => void;
  /** The favourite being removed, whose button spins. */
  removingId: string | null;
}

/**
 * The structure's favourites, virtualised like "Suivi des employeurs": the rows in view between
 * two spacer rows; still a real table for screen readers (aria-rowcount, aria-rowindex).
 */
export function FavoritesTable({ rows, onRemove, removingId }: Props) {
  const { scrollRef, items, measureElement, before, after } = useVirtualRows(rows, {
    key: (row) => row.id,
    estimateSize: 64,
    overscan: 10,
  });
  return (
    <Box
      ref={scrollRef}
      style={{ maxHeight: 'max(20rem, calc(100vh - 16rem))', overflow: 'auto' }}
      tabIndex={0}
      role="region"
      aria-label="Liste des favoris"
    >
      <Table
        stickyHeader
        striped
        highlightOnHover
        layout="fixed"
        verticalSpacing="xs"
        aria-rowcount={rows.length + 1}
        aria-label="Profils favoris de la structure"
      >
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            <Table.Th scope="col" w="22%">
              Candidat
            </Table.Th>
            <Table.Th scope="col" w="24%">
              Projet
            </Table.Th>
            <Table.Th scope="col" w="16%">
              Commune
            </Table.Th>
            <Table.Th scope="col" w="20%">
              Ajouté
            </Table.Th>
            <Table.Th scope="col" w="18%">
              Actions
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {before > 0 && (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS} style={{ height: before, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const favorite = rows[item.index]!;
            const name = profileName(favorite.profile);
            return (
              <Table.Tr
                key={item.key}
                data-index={item.index}
                ref={measureElement}
                aria-rowindex={item.index + 2}
              >
                <Table.Th scope="row" fw={500}>
                  <CandidateName oeth={favorite.profile.oeth}>
                    <Anchor component={Link} to={profilePath(favorite.id)} state={FROM_FAVORITES} size="sm">
                      {name}
                    </Anchor>
                  </CandidateName>
                </Table.Th>
                <Table.Td>{favorite.profile.romeLabel}</Table.Td>
                <Table.Td>{favorite.profile.communeName}</Table.Td>
                <Table.Td>
                  <Text size="sm">
                    Par {favorite.addedBy}, le {formatShortDate(favorite.addedAt)}
                  </Text>
                  <SyncStateBadge state={favorite.syncState} size="sm" />
                </Table.Td>
                <Table.Td>
                  <Button
                    variant="subtle"
                    size="xs"
                    loading={removingId === favorite.id}
                    aria-label={`Retirer des favoris : ${name}`}
                    onClick={() => onRemove(favorite)}
                  >
                    Retirer des favoris
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
          {after > 0 && (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS} style={{ height: after, padding: 0, border: 0 }} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
