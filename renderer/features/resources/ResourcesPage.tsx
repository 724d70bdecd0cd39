import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { RESOURCE_SECTIONS } from '../../../shared/domain/resources';
import { fold } from '../../../shared/text/fold';
import { usePageTitle } from '../../ui/usePageTitle';

/**
 * The manual's resources. Links are ordinary links opening a new tab: in a browser they do;
 * in Electron the shell refuses the new window and opens allow-listed https links in the
 * system browser instead.
 */
export function ResourcesPage() {
  usePageTitle('Espace ressources');
  return (
    <Stack>
      <Title order={1}>Espace ressources</Title>
      <Text>
        Guides, aide à la rémunération des apprentis et liens utiles. Les liens s’ouvrent dans votre
        navigateur.
      </Text>
      {RESOURCE_SECTIONS.map((section) => (
        <Stack key={section.title} gap="xs" component="section" aria-labelledby={sectionId(section.title)}>
          <Title order={2} size="h3" id={sectionId(section.title)}>
            {section.title}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {section.links.map((link) => (
              <Card key={link.url} withBorder padding="md">
                <Anchor href={link.url} target="_blank" rel="noopener noreferrer" fw={600}>
                  {link.title}
                  <Text component="span" className="visually-hidden">
                    {' '}
                    (ouvre votre navigateur)
                  </Text>
                </Anchor>
                <Text size="sm" mt={4}>
                  {link.description}
                </Text>
                <Text size="xs" c="dimmed" mt={4}>
                  {new URL(link.url).host}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        </Stack>
      ))}
    </Stack>
  );
}

function sectionId(title: string): string {
  return `ressources-${fold(title).replace(/[^\w]+/g, '-')}`;
}
