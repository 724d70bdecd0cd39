import { Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDeferredValue, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { messageOf } from '../../api/client';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatCount, plural } from '../../ui/plural';
import type { Sort } from '../../ui/SortableTh';
import { usePageTitle } from '../../ui/usePageTitle';
import { search, sortRows, toRows, type EmployerSortKey } from './employerRows';
import { EmployersTable } from './EmployersTable';
import { exportEmployers } from './exportEmployers';
import { ADD_EMPLOYER_PATH, IMPORT_EMPLOYERS_PATH } from './paths';
import { useEmployers } from './queries';

/** "Mes offres › Suivi des employeurs": the structure's partner employers, from the local cache. */
export function EmployersPage() {
  usePageTitle('Suivi des employeurs');
  const employers = useEmployers();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort<EmployerSortKey>>({ key: 'createdAt', direction: 'desc' });
  // Typing stays fluid over thousands of rows: the list follows a moment later.
  const deferredQuery = useDeferredValue(query);
  const all = useMemo(() => toRows(employers.data ?? []), [employers.data]);
  const rows = useMemo(() => sortRows(search(all, deferredQuery), sort), [all, deferredQuery, sort]);

  return (
    <Stack>
      <Group justify="space-between" align="center">
        <Title order={1}>Suivi des employeurs</Title>
        <Group>
          <Button component={Link} to={ADD_EMPLOYER_PATH}>
            Ajouter un employeur
          </Button>
          <Button component={Link} to={IMPORT_EMPLOYERS_PATH} variant="outline">
            Importer un fichier CSV
          </Button>
          <Button variant="outline" disabled={rows.length === 0} onClick={() => exportEmployers(rows)}>
            Exporter en CSV
          </Button>
        </Group>
      </Group>
      <Text size="sm">
        Les employeurs partenaires de votre structure. Une demande reste « En attente » jusqu’à la prochaine
        synchronisation ; la plateforme l’accepte ou la refuse en indiquant pourquoi.
      </Text>
      <Group justify="space-between" align="flex-end">
        <TextInput
          type="search"
          label="Rechercher un employeur"
          description="Nom, Siret, commune ou contact"
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          w={360}
        />
        {employers.data && (
          <Text size="sm" role="status" aria-live="polite">
            {rows.length === all.length
              ? plural(all.length, 'employeur', 'employeurs')
              : `${plural(rows.length, 'employeur', 'employeurs')} sur ${formatCount(all.length)}`}
          </Text>
        )}
      </Group>
      {employers.isPending && <Loader aria-label="Chargement des employeurs" />}
      {employers.error && (
        <ErrorAlert message={messageOf(employers.error)} onRetry={() => void employers.refetch()} />
      )}
      {employers.data &&
        (all.length === 0 ? (
          <Text>Aucun employeur partenaire pour l’instant : ajoutez-en un ou importez un fichier CSV.</Text>
        ) : (
          <EmployersTable rows={rows} sort={sort} onSort={setSort} />
        ))}
    </Stack>
  );
}
