import { Card, Group, Radio, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import {
  configLabels,
  themeLabels,
  themeSchema,
  type ConfigView,
  type Theme,
} from '../../../shared/domain/config';
import { messageOf } from '../../api/client';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ConfigOrigin } from './ConfigOrigin';
import { useUpdateConfig } from './queries';

const choices = themeSchema.options;

/** « Apparence »: the theme applies as soon as it is chosen (no « Enregistrer » to press). */
export function ThemeCard({ view }: { view: ConfigView }) {
  const save = useUpdateConfig();
  const entry = view.values.theme;
  // Checked at once on click: the mutation's own pending state reaches the render a tick later,
  // and a controlled radio left on the old value for that tick undoes the click.
  const [chosen, setChosen] = useState<Theme | null>(null);
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
          value={chosen ?? entry.value}
          onChange={(value) => {
            const theme = themeSchema.parse(value);
            if (theme === entry.value) return;
            setChosen(theme);
            save.mutate({ theme }, { onSettled: () => setChosen(null) });
          }}
        >
          <Group mt="xs">
            {choices.map((choice) => (
              <Radio key={choice} value={choice} label={themeLabels[choice]} disabled={entry.locked} />
            ))}
          </Group>
        </Radio.Group>
        <ConfigOrigin view={view} field="theme" />
      </Stack>
    </Card>
  );
}
