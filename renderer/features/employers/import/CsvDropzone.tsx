import { Group, Text } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';

// Excel on Windows labels CSV files application/vnd.ms-excel; some systems give no type at all,
// hence the extension too.
const CSV_TYPES = { 'text/csv': ['.csv'], 'application/vnd.ms-excel': ['.csv'], 'text/plain': ['.csv'] };

/**
 * Where a CSV file can be dropped from the file explorer. The file field beside it stays the
 * way to choose one with the keyboard (the zone itself does not open a dialog).
 */
export function CsvDropzone({
  onFile,
  onRefused,
}: {
  onFile: (file: File) => void;
  onRefused: (message: string) => void;
}) {
  const refuse = (rejections: FileRejection[]) =>
    onRefused(
      rejections.length > 1
        ? 'Déposez un seul fichier à la fois.'
        : `« ${rejections[0]?.file.name ?? 'Ce fichier'} » n’est pas un fichier CSV (.csv).`,
    );
  return (
    <Dropzone
      onDrop={(files) =>
        files.length === 1 ? onFile(files[0]!) : onRefused('Déposez un seul fichier à la fois.')
      }
      onReject={refuse}
      accept={CSV_TYPES}
      multiple={false}
      activateOnClick={false}
      activateOnKeyboard={false}
      aria-label="Zone de dépôt du fichier CSV"
      role="region"
      tabIndex={-1}
      // The zone's own input, out of the tab order: the labelled file field beside it is the keyboard's way.
      inputProps={{ 'aria-label': 'Déposer un fichier', tabIndex: -1 }}
    >
      <Group justify="center" mih={90} style={{ pointerEvents: 'none' }}>
        <Dropzone.Accept>
          <Text fw={600}>Relâchez pour importer ce fichier</Text>
        </Dropzone.Accept>
        <Dropzone.Reject>
          <Text fw={600}>Seul un fichier CSV (.csv) peut être importé</Text>
        </Dropzone.Reject>
        <Dropzone.Idle>
          <Text c="dimmed">Déposez ici un fichier CSV depuis l’explorateur de fichiers</Text>
        </Dropzone.Idle>
      </Group>
    </Dropzone>
  );
}
