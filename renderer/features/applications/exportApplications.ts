import { applicantName, applicationStatusLabels } from '../../../shared/domain/applications';
import type { ApplicationStatus } from '../../../shared/domain/applications';
import type { LocalApplication } from '../../../shared/domain/session';
import { syncStateLabels } from '../../../shared/domain/sync';
import type { ApplicationsListQuery } from '../../../shared/ipc/contract';
import { call } from '../../api/client';
import { downloadCsv, type CsvColumn } from '../../ui/csv';
import { formatShortDate } from '../../ui/dates';
import { OVERDUE_LABEL } from './labels';

// Never a candidate's contact details: staff do not have them (the profile carries none).
export const applicationCsvColumns: ReadonlyArray<CsvColumn<LocalApplication>> = [
  { header: 'N° de candidature', value: (application) => application.number },
  { header: 'Candidat', value: applicantName },
  { header: 'Offre', value: (application) => application.offerTitle },
  { header: "N° d'offre", value: (application) => application.offerNumber },
  { header: 'Employeur', value: (application) => application.employerName },
  { header: 'Statut', value: (application) => applicationStatusLabels[application.status] },
  { header: 'Reçue le', value: (application) => formatShortDate(application.receivedAt) },
  {
    header: 'Répondu le',
    value: (application) => (application.repliedAt ? formatShortDate(application.repliedAt) : null),
  },
  {
    header: OVERDUE_LABEL,
    value: (application) => (application.overdue ? 'Oui' : 'Non'),
  },
  { header: "Motif d'abandon", value: (application) => application.abandonReason },
  { header: 'Synchronisation', value: (application) => syncStateLabels[application.syncState] },
];

const fileNames: Record<ApplicationStatus, string> = {
  a_traiter: 'candidatures-a-traiter',
  recevable: 'candidatures-recevables',
  refusee: 'candidatures-refusees',
  abandonnee: 'candidatures-abandonnees',
};

const BATCH = 500;

/** "Exporter en CSV": every application of the tab with its filters and order, fetched page by page. */
export async function exportApplications(
  query: (offset: number, limit: number) => ApplicationsListQuery,
  tab: ApplicationStatus,
): Promise<void> {
  const applications: LocalApplication[] = [];
  for (let offset = 0; ; offset += BATCH) {
    const page = await call('applications.list', query(offset, BATCH));
    applications.push(...page.rows);
    if (page.rows.length < BATCH || applications.length >= page.total) break;
  }
  downloadCsv(fileNames[tab], applicationCsvColumns, applications);
}
