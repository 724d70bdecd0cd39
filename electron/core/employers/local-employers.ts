import { sql } from 'kysely';
import { employerFromColumns } from '../../../shared/db/rows';
import type { EmployerStatus } from '../../../shared/domain/employers';
import type { LocalEmployer } from '../../../shared/domain/session';
import { AppError } from '../../../shared/ipc/errors';
import type { EmployerTable } from '../db/schema';
import type { LocalStore, ReadTx, WriteTx } from '../db/store';

type EmployerRow = EmployerTable & { offers_in_progress: number; offers_total: number };

// Each employer's offers are counted through the offer_employer index (employer first).
const withCounts = sql`select employer.*,
  (select count(*) from offer where offer.employer_id = employer.id and offer.status = 'en_cours') as offers_in_progress,
  (select count(*) from offer where offer.employer_id = employer.id) as offers_total
  from employer`;

function localEmployer(row: EmployerRow): LocalEmployer {
  return {
    ...employerFromColumns(row),
    syncState: row.sync_state,
    offersInProgress: row.offers_in_progress,
    offersTotal: row.offers_total,
  };
}

/** "Suivi des employeurs": every partner employer, the newest first, with their offer counts. */
export function listEmployers(store: LocalStore): Promise<LocalEmployer[]> {
  return store.read((tx) =>
    tx.all<EmployerRow>(sql`${withCounts} order by created_at desc, id desc`).map(localEmployer),
  );
}

function findEmployer(tx: ReadTx, id: string): LocalEmployer | undefined {
  const row = tx.first<EmployerRow>(sql`${withCounts} where employer.id = ${id}`);
  return row && localEmployer(row);
}

export async function readEmployer(store: LocalStore, id: string): Promise<LocalEmployer> {
  const employer = await store.read((tx) => findEmployer(tx, id));
  if (!employer) throw new AppError('not_found', 'Cet employeur est introuvable sur ce poste.');
  return employer;
}

/** SIRETs already partnered here (accepted) or asked for (waiting): not to be asked for again. */
export function partneredSirets(tx: ReadTx): Map<string, EmployerStatus> {
  const rows = tx.all<{ siret: string; status: EmployerStatus }>(
    sql`select siret, status from employer where status in ('acceptee', 'en_attente')`,
  );
  return new Map(rows.map((row) => [row.siret, row.status]));
}

/** Whether this SIRET is partnered here already (accepted) or asked for (waiting). */
export function partnerStatus(tx: WriteTx, siret: string): EmployerStatus | undefined {
  return tx.first<{ status: EmployerStatus }>(
    sql`select status from employer where siret = ${siret} and status in ('acceptee', 'en_attente') limit 1`,
  )?.status;
}

/** Why a SIRET cannot be asked for again (French, naming the field). */
export function alreadyPartnered(siret: string, status: EmployerStatus): string {
  return status === 'acceptee'
    ? `Siret ${siret} : cet établissement est déjà un employeur partenaire de votre structure.`
    : `Siret ${siret} : une demande pour cet établissement est déjà en attente.`;
}
