import { CsvDropzone } from './CsvDropzone';
import {
  Anchor,
  Button,
  Card,
  Group,
  Input,
  List,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { call, messageOf } from '../../../api/client';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { notifySuccess } from '../../../ui/notify';
import { formatCount, plural } from '../../../ui/plural';
import { usePageTitle } from '../../../ui/usePageTitle';
import { EMPLOYERS_PATH } from '../paths';
import { useRefreshEmployersAndOffers } from '../queries';
import { guessMapping, importFields, type ColumnMapping } from './columnMapping';
import { readCsv, type CsvTable } from './readCsv';
import { RejectedRows } from './RejectedRows';
import { validateRows, type Rejection, type Validation } from './validateRows';

/** What `employers.import` takes in one call (one transaction). */
const MAX_ROWS = 20_000;

type Step =
  | { kind: 'choose' }
  | { kind: 'map'; file: CsvTable & { name: string } }
  | { kind: 'checking'; file: CsvTable & { name: string }; done: number }
  | { kind: 'summary'; file: CsvTable & { name: string }; validation: Validation }
  | { kind: 'report'; imported: number; rejected: Rejection[] };

function ChooseFile({ onRead }: { onRead: (file: CsvTable & { name: string }) => void }) {
  const [error, setError] = useState<string | null>(null);
  const onChange = async (file: File | undefined) => {
    setError(null);
    if (!file) return;
    try {
      const table = await readCsv(file);
      if (table.headers.length === 0) setError('Ce fichier est vide.');
      else if (table.rows.length === 0)
        setError('Ce fichier ne contient aucune ligne après la ligne d’en-tête.');
      else if (table.rows.length > MAX_ROWS)
        setError(
          `Ce fichier compte ${formatCount(table.rows.length)} lignes : importez-le en plusieurs fichiers de ${formatCount(MAX_ROWS)} lignes au plus.`,
        );
      else onRead({ ...table, name: file.name });
    } catch {
      setError('Ce fichier n’a pas pu être lu comme un fichier CSV.');
    }
  };
  return (
    <Stack>
      <Text size="sm">
        Le fichier commence par une ligne d’en-tête (les noms des colonnes), puis un employeur par ligne :
        Siret, nom, prénom, mail et téléphone de la personne à contacter. Séparateur point-virgule (Excel) ou
        virgule. Rien n’est importé avant que vous ayez vu le résultat de la vérification et confirmé.
      </Text>
      {error && <ErrorAlert message={error} />}
      <CsvDropzone onFile={(file) => void onChange(file)} onRefused={setError} />
      <Input.Wrapper label="Fichier CSV" id="import-file">
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => void onChange(event.currentTarget.files?.[0])}
          style={{ display: 'block', marginTop: 4 }}
        />
      </Input.Wrapper>
    </Stack>
  );
}

function MapColumns({
  file,
  onCheck,
  onCancel,
}: {
  file: CsvTable & { name: string };
  onCheck: (mapping: ColumnMapping) => void;
  onCancel: () => void;
}) {
  const [mapping, setMapping] = useState<ColumnMapping>(() => guessMapping(file.headers));
  const complete = importFields.every((field) => mapping[field.key] !== null);
  const columns = [...new Set(file.headers.filter(Boolean))];
  return (
    <Stack>
      <Text size="sm">
        « {file.name} » : {plural(file.rows.length, 'ligne', 'lignes')}, séparateur «{' '}
        {file.delimiter === ';' ? 'point-virgule' : 'virgule'} ». Indiquez la colonne du fichier qui contient
        chaque information (proposée d’après les noms des colonnes).
      </Text>
      <Stack component="fieldset" gap="sm" m={0} p={0} style={{ border: 0 }}>
        <Text component="legend" fw={600} mb="xs">
          Correspondance des colonnes
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {importFields.map((field) => (
            <Select
              key={field.key}
              label={field.label}
              placeholder="Choisissez une colonne"
              data={columns}
              value={mapping[field.key]}
              onChange={(value) => setMapping((current) => ({ ...current, [field.key]: value }))}
              required
              error={mapping[field.key] === null ? 'Choisissez la colonne de cette information.' : undefined}
            />
          ))}
        </SimpleGrid>
      </Stack>
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Choisir un autre fichier
        </Button>
        <Button disabled={!complete} onClick={() => onCheck(mapping)}>
          Vérifier les lignes
        </Button>
      </Group>
    </Stack>
  );
}

function Summary({
  validation,
  importing,
  onImport,
  onBack,
}: {
  validation: Validation;
  importing: boolean;
  onImport: () => void;
  onBack: () => void;
}) {
  const valid = validation.valid.length;
  return (
    <Stack>
      <Title order={2} size="h4">
        Résultat de la vérification
      </Title>
      <List size="sm">
        <List.Item>
          {plural(valid, 'ligne valide, prête à importer', 'lignes valides, prêtes à importer')}
        </List.Item>
        <List.Item>
          {plural(
            validation.rejected.length,
            'ligne rejetée (non importée)',
            'lignes rejetées (non importées)',
          )}
        </List.Item>
      </List>
      <RejectedRows rows={validation.rejected} caption="Lignes rejetées par la vérification" />
      <Group justify="flex-end">
        <Button variant="default" onClick={onBack} disabled={importing}>
          Modifier la correspondance des colonnes
        </Button>
        <Button onClick={onImport} loading={importing} disabled={valid === 0}>
          {`Importer ${plural(valid, 'employeur', 'employeurs')}`}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * "Importer un fichier CSV": the file is read and checked here, then its valid rows are saved on
 * this desktop in one go (each "En attente" until the next synchronisation).
 */
export function ImportEmployersPage() {
  usePageTitle('Importer un fichier CSV');
  const refresh = useRefreshEmployersAndOffers();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const checking = useRef<AbortController | null>(null);

  const check = async (file: CsvTable & { name: string }, mapping: ColumnMapping) => {
    const controller = new AbortController();
    checking.current = controller;
    setStep({ kind: 'checking', file, done: 0 });
    try {
      const validation = await validateRows(
        file.headers,
        file.rows,
        mapping,
        (done) => setStep({ kind: 'checking', file, done }),
        controller.signal,
      );
      setStep({ kind: 'summary', file, validation });
    } catch {
      setStep({ kind: 'map', file });
    }
  };

  const importRows = useMutation({
    mutationFn: (validation: Validation) =>
      call('employers.import', {
        rows: validation.valid.map(({ line, values }) => ({ line, values })),
      }),
    onSuccess: async (result, validation) => {
      const rejected = [...validation.rejected, ...result.rejected].sort((a, b) => a.line - b.line);
      setStep({ kind: 'report', imported: result.imported, rejected });
      await refresh();
      notifySuccess(
        `${plural(result.imported, 'employeur importé', 'employeurs importés')} : ils restent « En attente » jusqu’à la prochaine synchronisation.`,
      );
    },
  });

  return (
    <Stack>
      <Anchor component={Link} to={EMPLOYERS_PATH} size="sm">
        Retour au suivi des employeurs
      </Anchor>
      <Title order={1}>Importer un fichier CSV</Title>
      <Card withBorder padding="lg">
        {step.kind === 'choose' && <ChooseFile onRead={(file) => setStep({ kind: 'map', file })} />}
        {step.kind === 'map' && (
          <MapColumns
            file={step.file}
            onCheck={(mapping) => void check(step.file, mapping)}
            onCancel={() => setStep({ kind: 'choose' })}
          />
        )}
        {step.kind === 'checking' && (
          <Stack>
            <Text size="sm" role="status">
              Vérification : {formatCount(step.done)} lignes sur {formatCount(step.file.rows.length)}
            </Text>
            <Progress
              value={Math.round((100 * step.done) / step.file.rows.length)}
              aria-label="Vérification des lignes du fichier"
              size="lg"
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => checking.current?.abort()}>
                Interrompre la vérification
              </Button>
            </Group>
          </Stack>
        )}
        {step.kind === 'summary' && (
          <Stack>
            {importRows.error && <ErrorAlert message={messageOf(importRows.error)} />}
            <Summary
              validation={step.validation}
              importing={importRows.isPending}
              onImport={() => importRows.mutate(step.validation)}
              onBack={() => setStep({ kind: 'map', file: step.file })}
            />
          </Stack>
        )}
        {step.kind === 'report' && (
          <Stack>
            <Title order={2} size="h4">
              Import terminé
            </Title>
            <Text role="status">
              {plural(step.imported, 'employeur importé', 'employeurs importés')}
              {step.rejected.length > 0
                ? `, ${plural(step.rejected.length, 'ligne rejetée', 'lignes rejetées')}.`
                : '.'}
            </Text>
            <RejectedRows rows={step.rejected} caption="Lignes non importées" />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setStep({ kind: 'choose' })}>
                Importer un autre fichier
              </Button>
              <Button component={Link} to={EMPLOYERS_PATH}>
                Voir le suivi des employeurs
              </Button>
            </Group>
          </Stack>
        )}
      </Card>
    </Stack>
  );
}
