import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useSignedInSession } from '../session/SessionGate';
import { usePageTitle } from '../../ui/usePageTitle';

export function HomePage() {
  usePageTitle('Accueil');
  const { user, structure } = useSignedInSession();
  return (
    <Stack>
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
