import { Alert, Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { HomeNotice } from '../members/MembersPage';
import { useSignedInSession } from '../session/SessionGate';
import { usePageTitle } from '../../ui/usePageTitle';

export function HomePage() {
  usePageTitle('Accueil');
  const { user, structure } = useSignedInSession();
  const notice = (useLocation().state as HomeNotice | null)?.notice;
  return (
    <Stack>
      {notice && (
        <Alert color="orange" variant="outline" role="alert">
          {notice}
        </Alert>
      )}
      <Title order={1}>Bonjour {user.firstName}</Title>
      {structure && (
        <Card withBorder padding="lg">
          <Text fw={600}>{structure.legalName}</Text>
          <Text size="sm">
            Siret {structure.siret} — {structure.nafLabel}
          </Text>
          <Anchor component={Link} to="/mon-compte/ma-structure" size="sm" mt="sm">
            Voir ma structure
          </Anchor>
        </Card>
      )}
    </Stack>
  );
}
