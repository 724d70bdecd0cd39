import { Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  applicationStatuses,
  applicationStatusTabLabels,
  type ApplicationStatus,
} from '../../../shared/domain/applications';
import { messageOf } from '../../api/client';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageNav } from '../../ui/PageNav';
import { StatusTabs } from '../../ui/StatusTabs';
import { plural } from '../../ui/plural';
import { usePageTitle } from '../../ui/usePageTitle';
import { DASHBOARD_PATH } from '../dashboard/paths';
import { ApplicationFiltersBar } from './ApplicationFiltersBar';
import { ApplicationsTable, type Selection } from './ApplicationsTable';
import { BulkReplyModal } from './BulkReplyModal';
import { exportApplications } from './exportApplications';
import { datesReversed, isFiltered, PAGE_SIZE } from './listState';
import { REPLY_TEMPLATES_PATH } from './paths';
import { useApplicationCounts, useApplicationsPage } from './queries';
import { useApplicationsParams, type ApplicationsParams } from './useApplicationsParams';
import { ExportCsvButton } from '../../ui/ExportCsvButton';

const empty: Record<ApplicationStatus, string> = {
  a_traiter: 'Aucune candidature à traiter.',
  recevable: 'Aucune candidature recevable.',
  refusee: 'Aucune candidature refusée.',
  abandonnee: 'Aucune candidature abandonnée.',
};

/** Tabs where several applications may get one answer. */
const bulkTabs: ReadonlySet<ApplicationStatus> = new Set(['a_traiter', 'recevable']);

function useSelection(): Selection & { clear: () => void } {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const change = (changed: readonly string[], on: boolean) =>
    setIds((current) => {
      const next = new Set(current);
      for (const id of changed) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  return {
    ids,
    toggle: (id, on) => change([id], on),
    toggleAll: change,
    clear: () => setIds(new Set()),
  };
}

/** One tab's list; its selection lives as long as the tab and filters stay the same. */
function TabList({ params }: { params: ApplicationsParams }) {
  const reversed = datesReversed(params.filters);
  const page = useApplicationsPage(params.query(), !reversed);
  const selection = useSelection();
  const [replying, setReplying] = useState(false);
  const bulk = bulkTabs.has(params.tab);
  const filtered = isFiltered(params.filters);
  if (reversed) return <Text>Corrigez les dates de réception pour afficher la liste.</Text>;
  if (page.isPending) return <Loader aria-label="Chargement des candidatures" />;
  if (page.error) return <ErrorAlert message={messageOf(page.error)} onRetry={() => void page.refetch()} />;
  const { rows, total } = page.data;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (total === 0)
    return <Text>{filtered ? 'Aucune candidature ne correspond à ces filtres.' : empty[params.tab]}</Text>;
  const selected = selection.ids.size;
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" role="status" aria-live="polite">
          {plural(total, 'candidature', 'candidatures')}
          {filtered ? ' correspondant aux filtres' : ''}
          {pages > 1 ? ` — page ${params.page} sur ${pages}` : ''}
        </Text>
        {bulk && (
          <Group>
            <Text size="sm" role="status" aria-live="polite">
              {selected > 0
                ? plural(selected, 'candidature sélectionnée', 'candidatures sélectionnées')
                : 'Cochez des candidatures pour leur envoyer la même réponse.'}
            </Text>
            <Button disabled={selected === 0} onClick={() => setReplying(true)}>
              Répondre aux candidatures sélectionnées
            </Button>
          </Group>
        )}
      </Group>
      <ApplicationsTable
        applications={rows}
        sort={params.sort}
        onSort={params.setSort}
        caption={`Candidatures « ${applicationStatusTabLabels[params.tab]} »`}
        selection={bulk ? selection : undefined}
      />
      <PageNav
        label="Pages de la liste des candidatures"
        total={pages}
        value={params.page}
        onChange={params.setPage}
      />
      {bulk && (
        <BulkReplyModal
          opened={replying}
          ids={[...selection.ids]}
          status={params.tab}
          onClose={() => setReplying(false)}
          onSent={() => {
            setReplying(false);
            selection.clear();
          }}
        />
      )}
    </Stack>
  );
}

/** "Candidatures": the applications to the structure's offers by status, from the local cache. */
export function ApplicationsPage() {
  usePageTitle('Candidatures');
  const params = useApplicationsParams();
  const { offerId, employerId } = params.filters;
  const counts = useApplicationCounts({
    ...(offerId ? { offerId } : {}),
    ...(employerId ? { employerId } : {}),
  });
  // A new tab or new filters start with nothing selected.
  const listKey = JSON.stringify([params.tab, params.filters]);

  return (
    <Stack>
      <Anchor component={Link} to={DASHBOARD_PATH} size="sm">
        Retour au tableau de bord
      </Anchor>
      <Group justify="space-between" align="center">
        <Title order={1}>Candidatures</Title>
        <Group>
          <Button component={Link} to={REPLY_TEMPLATES_PATH} variant="outline">
            Modèles de réponse
          </Button>
          <ExportCsvButton run={() => exportApplications(params.query, params.tab)} />
        </Group>
      </Group>
      <ApplicationFiltersBar params={params} />
      <StatusTabs
        statuses={applicationStatuses}
        labels={applicationStatusTabLabels}
        counts={counts.data}
        value={params.tab}
        onChange={params.setTab}
      >
        <TabList key={listKey} params={params} />
      </StatusTabs>
    </Stack>
  );
}
