import { employerStatusLabels } from '../../../shared/domain/employers';
import { syncStateLabels } from '../../../shared/domain/sync';
import { formatFrenchPhone } from '../../../shared/validation/phone';
import { formatSiret } from '../companies/formatSiret';
import { downloadCsv, type CsvColumn } from '../../ui/csv';
import { formatShortDate } from '../../ui/dates';
import type { EmployerRow } from './employerRows';

// The contact columns are named as the import expects them: an export can be imported elsewhere.
const columns: CsvColumn<EmployerRow>[] = [
  { header: 'Employeur', value: (row) => row.name },
  { header: 'Raison sociale', value: (row) => row.employer.legalName },
  { header: 'Siret', value: (row) => formatSiret(row.employer.siret) },
  { header: 'Code NAF', value: (row) => row.employer.nafCode },
  { header: "Domaine d'activité", value: (row) => row.employer.nafLabel },
  { header: 'Adresse', value: (row) => row.employer.address?.street ?? null },
  { header: 'Code postal', value: (row) => row.employer.address?.postalCode ?? null },
  { header: 'Commune', value: (row) => row.employer.address?.communeName ?? null },
  { header: 'Nom du contact', value: (row) => row.employer.contactLastName },
  { header: 'Prénom du contact', value: (row) => row.employer.contactFirstName },
  { header: 'Mail du contact', value: (row) => row.employer.contactMail },
  // "06 12 34 56 78" rather than "+33…", which Excel would read as a number.
  { header: 'Téléphone du contact', value: (row) => formatFrenchPhone(row.employer.contactPhone) },
  { header: 'Offres en cours', value: (row) => row.employer.offersInProgress },
  { header: 'Offres au total', value: (row) => row.employer.offersTotal },
  { header: "Date d'ajout", value: (row) => formatShortDate(row.employer.createdAt) },
  { header: 'Statut de la demande', value: (row) => employerStatusLabels[row.employer.status] },
  { header: 'Motif du refus', value: (row) => row.employer.refusalReason },
  { header: 'Synchronisation', value: (row) => syncStateLabels[row.employer.syncState] },
];

/** "Exporter en CSV": the employers as listed (search and order included). */
export function exportEmployers(rows: readonly EmployerRow[]): void {
  downloadCsv('employeurs', columns, rows);
}
