import { Anchor, Container, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { APP_NAME } from '../../ui/usePageTitle';

/** The frame of the screens before sign-in. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Container size={520} py="xl" component="main">
      <Stack gap="xs" mb="lg">
        <Text fw={700} c="var(--app-color-brand)">
          {APP_NAME}
        </Text>
        <Title order={1}>{title}</Title>
      </Stack>
      <Paper withBorder shadow="xs" p="lg" radius="md">
        {children}
      </Paper>
      <Text size="xs" mt="md">
        Plateforme régionale de l’apprentissage —{' '}
        <Anchor
          href="https://www.cnil.fr/fr/les-droits-pour-maitriser-vos-donnees-personnelles"
          target="_blank"
          rel="noreferrer"
          size="xs"
        >
          vos droits sur vos données
        </Anchor>
      </Text>
    </Container>
  );
}
