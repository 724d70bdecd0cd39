import { Anchor, Table } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { ProfileResult } from '../../../shared/domain/profiles';
import { formatDayOrDate } from '../../ui/dates';
import { levelLabel } from '../applications/ApplicantProfile';
import { formatKm, profileName } from './labels';
import { backTo, profilePath } from './paths';
import { CandidateName } from './CandidateName';

/**
 * One page of "Profils trouvés": the candidate's project, never a mail, a phone or an address.
 * Names and métiers are other people's text: rendered as text only.
 */
export function ProfilesTable({ profiles }: { profiles: readonly ProfileResult[] }) {
  const { pathname, search } = useLocation();
  const back = backTo(`${pathname}${search}`, 'Retour aux profils trouvés');
  return (
    // About 950 px at 1280 with the menu open, where the columns wrap their text; a narrower window
    // scrolls the table alone, never the page.
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Caption>Profils trouvés</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Candidat</Table.Th>
            <Table.Th scope="col">Projet</Table.Th>
            <Table.Th scope="col">Niveau</Table.Th>
            <Table.Th scope="col">Commune</Table.Th>
            <Table.Th scope="col">Distance</Table.Th>
            <Table.Th scope="col">Disponibilité</Table.Th>
            <Table.Th scope="col">Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {profiles.map((profile) => {
            const name = profileName(profile);
            return (
              <Table.Tr key={profile.id}>
                <Table.Th scope="row" fw={500}>
                  <CandidateName oeth={profile.oeth}>{name}</CandidateName>
                </Table.Th>
                <Table.Td>{profile.romeLabel}</Table.Td>
                <Table.Td>{levelLabel(profile.level)}</Table.Td>
                <Table.Td>
                  {profile.communeName} (mobilité {profile.mobilityKm} km)
                </Table.Td>
                <Table.Td>
                  {profile.distanceKm === null ? (
                    <>
                      <span aria-hidden="true">—</span>
                      <span className="visually-hidden">Sans commune de recherche</span>
                    </>
                  ) : (
                    formatKm(profile.distanceKm)
                  )}
                </Table.Td>
                <Table.Td>Dès le {formatDayOrDate(profile.availableFrom)}</Table.Td>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={profilePath(profile.id)}
                    state={back}
                    size="sm"
                    aria-label={`Détails du profil de ${name}`}
                  >
                    Détails
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
