import { Badge, Card, Group, Radio, Stack, Text, Title } from '@mantine/core';
import {
  configLabels,
  configSourceLabels,
  themeLabels,
  themeSchema,
  type ConfigView,
} from '../../../shared/domain/config';
import { messageOf } from '../../api/client';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useUpdateConfig } from './queries';

const choices = themeSchema.options;

/** « Apparence »: the theme applies as soon as it is chosen (no « Enregistrer » to press). */
export function ThemeCard({ view }: { view: ConfigView }) {
  const save = useUpdateConfig();
  const entry = view.values.theme;
  const pending = save.isPending ? save.variables.theme : undefined;
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Apparence
      </Title>
      <Stack gap="xs">
        {save.error && <ErrorAlert message={messageOf(save.error)} />}
        <Radio.Group
          label={configLabels.theme}
          description="« Système » suit le réglage clair ou sombre de l’ordinateur. L’impression reste en noir sur blanc."
          value={pending ?? entry.value}
          onChange={(value) => {
            const theme = themeSchema.parse(value);
            if (theme !== entry.value) save.mutate({ theme });
          }}
        >
          <Group mt="xs">
            {choices.map((choice) => (
              <Radio key={choice} value={choice} label={themeLabels[choice]} disabled={entry.locked} />
            ))}
          </Group>
        </Radio.Group>
        <Group gap="xs">
          {entry.locked && (
            <Badge color="gray.8" variant="outline" size="sm">
              Imposé par votre administrateur
            </Badge>
          )}
          <Text size="xs" c="dimmed">
            {configSourceLabels[entry.source]}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}
