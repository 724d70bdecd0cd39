import { PrintButton } from '../shortcuts/PrintButton';
import { Alert, Anchor, Button, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { ProfileDetails } from '../../../shared/ipc/contract';
import { messageOf } from '../../api/client';
import { formatDateTime } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SectionCard } from '../../ui/SectionCard';
import { usePageTitle } from '../../ui/usePageTitle';
import { ApplicantProfile, OethDeclaration } from '../applications/ApplicantProfile';
import { SyncStateBadge } from '../sync/SyncStateBadge';
import { ContactModal } from './ContactModal';
import { profileName } from './labels';
import { PROFILES_PATH, type BackLink } from './paths';
import { ProfileHistory } from './ProfileHistory';
import { useFavoriteToggle, useProfileDetails } from './queries';

/** "Retour" to where the user came from (the search with its filters, the dashboard), else the search. */
function BackAnchor() {
  const state = useLocation().state as { back?: BackLink } | null;
  const back = state?.back ?? { to: PROFILES_PATH, label: 'Retour à « Rechercher des profils »' };
  return (
    <Anchor component={Link} to={back.to} size="sm">
      {back.label}
    </Anchor>
  );
}

/** "Ajouter aux favoris" / "Retirer des favoris": one button whose text says what it will do. */
function FavoriteButton({ details }: { details: ProfileDetails }) {
  const toggle = useFavoriteToggle(details.profile.id);
  const favorite = details.favorite !== null;
  return (
    <Button
      variant={favorite ? 'outline' : 'filled'}
      loading={toggle.isPending}
      onClick={() => toggle.mutate(!favorite)}
    >
      {favorite ? 'Retirer des favoris' : 'Ajouter aux favoris'}
    </Button>
  );
}

function FavoriteLine({ favorite }: { favorite: NonNullable<ProfileDetails['favorite']> }) {
  return (
    <Group gap="xs">
      <Text size="sm">
        Favori de la structure, ajouté par {favorite.addedBy} le {formatDateTime(favorite.addedAt)}.
      </Text>
      <SyncStateBadge state={favorite.syncState} size="sm" />
    </Group>
  );
}

function Details({ details }: { details: ProfileDetails }) {
  const { profile } = details;
  const name = profileName(profile);
  const [contacting, setContacting] = useState(false);
  return (
    <Stack>
      <BackAnchor />
      <Group justify="space-between" align="center">
        <Title order={1}>{name}</Title>
        <Group>
          <FavoriteButton details={details} />
          <Button variant="outline" onClick={() => setContacting(true)}>
            Contacter ce profil
          </Button>
          <PrintButton pdfName={`Profil de ${name}`} />
        </Group>
      </Group>
      {details.source === 'cache' && (
        <Alert color="orange" variant="outline" role="status">
          Hors ligne : profil tel qu’enregistré sur ce poste.
        </Alert>
      )}
      {details.favorite && <FavoriteLine favorite={details.favorite} />}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <SectionCard id="profile-project" title="Le profil">
          <Stack>
            {profile.oeth && <OethDeclaration />}
            <ApplicantProfile profile={profile} />
          </Stack>
        </SectionCard>
        <SectionCard id="profile-history" title="Historique">
          <ProfileHistory details={details} />
        </SectionCard>
      </SimpleGrid>
      <ContactModal profileId={profile.id} opened={contacting} onClose={() => setContacting(false)} />
    </Stack>
  );
}

/** "Détails" of a profile: the project, the favourite, "Contacter ce profil" and what the structure did. */
export function ProfileDetailsPage() {
  const { id = '' } = useParams();
  const details = useProfileDetails(id);
  // Named while it loads and when it fails too, not left with the previous screen's title.
  usePageTitle(details.data && !details.error ? profileName(details.data.profile) : 'Profil');
  if (details.isPending) return <Loader aria-label="Chargement du profil" />;
  if (details.error) {
    return (
      <Stack>
        <Title order={1}>Profil</Title>
        <ErrorAlert
          message={messageOf(details.error)}
          onRetry={() => void details.refetch()}
          retrying={details.isFetching}
        />
        <BackAnchor />
      </Stack>
    );
  }
  return <Details details={details.data} />;
}
