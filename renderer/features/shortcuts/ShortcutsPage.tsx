import { Kbd, Stack, Table, Text, Title } from '@mantine/core';
import { usePageTitle } from '../../ui/usePageTitle';
import { shortcutList } from './shortcuts';

/** "Aide › Raccourcis clavier": every shortcut of the app, with this OS's keys. */
export function ShortcutsPage() {
  usePageTitle('Raccourcis clavier');
  const shortcuts = shortcutList(navigator.platform);
  return (
    <Stack>
      <Title order={1}>Raccourcis clavier</Title>
      <Text>
        Tout se fait aussi au clavier : Tab et Maj+Tab passent d’un élément à l’autre, Entrée valide.
      </Text>
      <Table maw={640} withTableBorder>
        <Table.Caption>Raccourcis clavier de l’application</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Touches</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shortcuts.map((shortcut) => (
            <Table.Tr key={shortcut.action}>
              <Table.Td>
                <Kbd>{shortcut.keys}</Kbd>
              </Table.Td>
              <Table.Td>{shortcut.label}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
