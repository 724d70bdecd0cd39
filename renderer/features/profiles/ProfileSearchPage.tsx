import { Alert, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { AppError } from '../../../shared/ipc/errors';
import { messageOf } from '../../api/client';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ExportCsvButton } from '../../ui/ExportCsvButton';
import { exportProfileSearch } from './exportProfiles';
import { PageNav } from '../../ui/PageNav';
import { plural } from '../../ui/plural';
import { usePageTitle } from '../../ui/usePageTitle';
import { ProfileSearchForm } from './ProfileSearchForm';
import { ProfilesTable } from './ProfilesTable';
import { useProfileSearch } from './queries';
import { advancedFields, queryFromAddress, withPage } from './searchState';

const formFields: readonly string[] = ['q', ...advancedFields];

export const SEARCHED_OFFLINE =
  'Hors ligne : la recherche porte sur les profils enregistrés sur ce poste (candidatures, favoris, alertes).';

/** The channel's refusal, field by field (a radius too large, an unknown commune…). */
function refusedFields(error: unknown): Record<string, string> {
  return error instanceof AppError ? (error.fields ?? {}) : {};
}

/**
 * "Mon espace › Rechercher des profils": the platform's candidates, searched by keywords and
 * filters kept in the address; offline, among the profiles cached here, and the page says so.
 */
export function ProfileSearchPage() {
  usePageTitle('Rechercher des profils');
  const [params, setParams] = useSearchParams();
  const query = queryFromAddress(params);
  const results = useProfileSearch(query);
  const refused = refusedFields(results.error);
  // A refusal the form cannot show on a field is said above the results.
  const unplaced = results.error && !Object.keys(refused).some((field) => formFields.includes(field));
  const data = results.error ? undefined : results.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <Stack>
      <Title order={1}>Rechercher des profils</Title>
      <Text size="sm">
        Les candidats de la plateforme, par leur projet. Leurs coordonnées ne sont jamais affichées : pour
        leur proposer une offre, utilisez « Contacter ce profil » dans leurs détails.
      </Text>
      <ProfileSearchForm
        params={params}
        refused={refused}
        searching={results.isFetching}
        onSearch={(next) => {
          // The same search again asks again (the platform may be back, or have new profiles).
          if (next.toString() === params.toString()) void results.refetch();
          else setParams(next, { replace: true });
        }}
      />
      {unplaced && (
        <ErrorAlert
          message={messageOf(results.error)}
          onRetry={() => void results.refetch()}
          retrying={results.isFetching}
        />
      )}
      {results.error && !unplaced && <Text size="sm">Corrigez la recherche pour afficher les profils.</Text>}
      {results.isPending && <Loader aria-label="Recherche des profils" />}
      {data && (
        <Stack component="section" aria-label="Résultats de la recherche">
          {data.source === 'cache' && (
            <Alert color="orange" variant="outline" role="status">
              {SEARCHED_OFFLINE}
            </Alert>
          )}
          <Group justify="space-between">
            <Text role="status" aria-live="polite">
              {data.total === 0
                ? 'Aucun profil ne correspond à cette recherche.'
                : `${plural(data.total, 'profil trouvé', 'profils trouvés')}${pages > 1 ? ` — page ${data.page} sur ${pages}` : ''}`}
            </Text>
            {data.total > 0 && (
              <ExportCsvButton
                run={() => exportProfileSearch(query)}
                label="Exporter en CSV : profils trouvés"
              />
            )}
          </Group>
          {data.profiles.length > 0 && <ProfilesTable profiles={data.profiles} />}
          <PageNav
            label="Pages des profils trouvés"
            total={pages}
            value={data.page}
            onChange={(page) => setParams(withPage(params, page), { replace: true })}
          />
        </Stack>
      )}
    </Stack>
  );
}
