import { sql, type RawBuilder } from 'kysely';
import { applicationFromColumns, type ApplicationColumns } from '../../../shared/db/application-rows';
import {
  applicationStatuses,
  isOverdue,
  REPLY_REMINDER_DAYS,
  type ApplicationStatus,
} from '../../../shared/domain/applications';
import type { ApplicationDetails, LocalApplication } from '../../../shared/domain/session';
import type { ApplicationCounts, applicationsListQuerySchema } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { z } from '../../../shared/zod';
import type { ApplicationTable } from '../db/schema';
import { searchKey } from '../db/search-key';
import type { LocalStore, ReadTx } from '../db/store';
import { readShadow } from '../sync/local-state';
import { withWaitingChanges } from './waiting-changes';

export type ApplicationsListQuery = z.output<typeof applicationsListQuerySchema>;
export interface ApplicationsFilter {
  offerId?: string | undefined;
  employerId?: string | undefined;
}

export const NOT_FOUND = 'Cette candidature est introuvable sur ce poste.';

/** Received before this instant, an application "A traiter" is overdue (see isOverdue). */
export function overdueCutoff(now: Date): string {
  return new Date(now.getTime() - REPLY_REMINDER_DAYS * 86_400_000).toISOString();
}

/** The first instant of a local calendar day (aaaa-mm-jj), `days` later. */
export function localDayStart(day: string, days = 0): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date + days).toISOString();
}

function localApplication(row: PageRow, now: Date): LocalApplication {
  // The fresh object completed rather than copied: a page is 50 of them at each read.
  const application = applicationFromColumns(row) as LocalApplication;
  application.syncState = row.sync_state;
  application.overdue = isOverdue(application, now);
  return application;
}

/**
 * What a page shows of an application (applicationFromColumns and the sync state), not its sort
 * keys nor its dashboard columns: each column read is a value made for each of the page's rows.
 */
type PageRow = ApplicationColumns & Pick<ApplicationTable, 'sync_state'>;
/** Every column of a page's row, named once (the type makes a column left out an error). */
const pageColumns: Record<keyof PageRow, true> = {
  id: true,
  number: true,
  offer_id: true,
  offer_number: true,
  offer_title: true,
  employer_id: true,
  employer_name: true,
  profile: true,
  refusal_reason: true,
  refusal_detail: true,
  applicant_name: true,
  oeth: true,
  message: true,
  status: true,
  abandon_reason: true,
  reply_message: true,
  replied_at: true,
  replied_by: true,
  read_at: true,
  read_by: true,
  received_at: true,
  history: true,
  version: true,
  updated_at: true,
  sync_state: true,
};
const PAGE_COLUMNS = sql.raw(Object.keys(pageColumns).join(', '));

/** Each sort's column: an index starts with the status and ends with it (see migration 0004). */
const sortColumns: Record<ApplicationsListQuery['sort'], string> = {
  receivedAt: 'received_at',
  number: 'number',
  applicant: 'applicant_key',
  offer: 'offer_key',
};

/** "N° 1234", "n°1234", "1234": an application's number. */
const NUMBER = /^(?:n\s*°?\s*)?(\d{1,9})$/i;

/** How many applications a status holds (every status when none), from the tally (migration 0004). */
function tallySql(status?: ApplicationStatus) {
  return sql<{ n: number }>`select coalesce(sum(n), 0) as n from application_tally${
    status ? sql` where status = ${status}` : sql``
  }`;
}

/** How many applications are overdue: those "A traiter" but the few received since the cutoff. */
function overdueSql(now: Date) {
  return sql<{ n: number }>`select (${tallySql('a_traiter')})
    - (select count(*) from application where status = 'a_traiter' and received_at >= ${overdueCutoff(now)}) as n`;
}

/**
 * Above this many overdue applications, their list in another order than the date is read
 * through that order's index (most rows "A traiter" match, 50 come quickly); below, through the
 * date range, then sorted (a few hundred rows).
 */
const MANY_OVERDUE = 2000;

/**
 * The two queries of a "Candidatures" page: its rows, and how many rows match. `overdueCount`
 * (when known) picks the overdue list's index.
 */
export function applicationsListSql(query: ApplicationsListQuery, now: Date, overdueCount = 0) {
  const conditions: RawBuilder<unknown>[] = [];
  if (query.status) conditions.push(sql`status = ${query.status}`);
  if (query.overdue) {
    // Only "A traiter" can be overdue (with another status chosen, nothing matches).
    const receivedAt = overdueCount > MANY_OVERDUE ? sql`+received_at` : sql`received_at`;
    conditions.push(sql`status = 'a_traiter'`, sql`${receivedAt} < ${overdueCutoff(now)}`);
  }
  if (query.offerId) conditions.push(sql`offer_id = ${query.offerId}`);
  if (query.employerId) conditions.push(sql`employer_id = ${query.employerId}`);
  // An offer's or an employer's applications are a few dozen: read through their index, then sorted.
  const selective = Boolean(query.offerId || query.employerId);
  if (query.receivedFrom) conditions.push(sql`received_at >= ${localDayStart(query.receivedFrom)}`);
  if (query.receivedTo) conditions.push(sql`received_at < ${localDayStart(query.receivedTo, 1)}`);
  const q = query.q?.trim() ?? '';
  const words = searchKey(q);
  if (words) {
    const number = NUMBER.exec(q)?.[1];
    conditions.push(
      sql`(instr(applicant_key, ${words}) > 0 or instr(offer_key, ${words}) > 0${
        number ? sql` or number = ${Number(number)}` : sql``
      })`,
    );
  }
  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  // Their indexes end with received_at: that order needs no help.
  const column =
    selective && query.sort !== 'receivedAt'
      ? sql`+${sql.ref(sortColumns[query.sort])}`
      : sql.ref(sortColumns[query.sort]);
  const direction = query.direction === 'asc' ? sql`asc` : sql`desc`;
  // A whole status (or the overdue ones) is counted from the tally: 50,000 index entries are not.
  const whole = !selective && !query.receivedFrom && !query.receivedTo && !words;
  let total = sql<{ n: number }>`select count(*) as n from application ${where}`;
  if (whole && !query.overdue) total = tallySql(query.status);
  else if (whole && (query.status ?? 'a_traiter') === 'a_traiter') total = overdueSql(now);
  return {
    /** The total is the overdue count (counted once when the caller has it already). */
    totalIsOverdue: whole && !!query.overdue && (query.status ?? 'a_traiter') === 'a_traiter',
    // The id settles ties, so that pages neither repeat nor skip a row.
    rows: sql<PageRow>`select ${PAGE_COLUMNS} from application ${where} order by ${column} ${direction}, id ${direction}
      limit ${query.limit} offset ${query.offset}`,
    total,
  };
}

/** "Candidatures": one status (or all), its filters, one page in the chosen order, and how many match. */
export function listApplications(
  store: LocalStore,
  query: ApplicationsListQuery,
  now: Date,
): Promise<{ rows: LocalApplication[]; total: number }> {
  return store.read((tx) => {
    const overdue = query.overdue && query.sort !== 'receivedAt' ? tx.first(overdueSql(now))?.n : undefined;
    const { rows, total, totalIsOverdue } = applicationsListSql(query, now, overdue);
    return {
      rows: withWaitingChanges(
        tx,
        tx.all(rows).map((row) => localApplication(row, now)),
      ),
      total: totalIsOverdue && overdue !== undefined ? overdue : (tx.first(total)?.n ?? 0),
    };
  });
}

/** The dashboard's counts: everything, or one offer's or one employer's applications. */
export function applicationCountsSql(filter: ApplicationsFilter, now: Date) {
  const scope: RawBuilder<unknown>[] = [];
  if (filter.offerId) scope.push(sql`offer_id = ${filter.offerId}`);
  if (filter.employerId) scope.push(sql`employer_id = ${filter.employerId}`);
  if (scope.length === 0) {
    // 200,000 rows are not counted at each look: the tally follows them (triggers of migration
    // 0004), and the overdue ones are those "A traiter" minus the few received this week.
    return {
      byStatus: sql<{ status: string; n: number }>`select status, n from application_tally`,
      overdue: overdueSql(now),
    };
  }
  const where = sql.join(scope, sql` and `);
  return {
    byStatus: sql<{
      status: string;
      n: number;
    }>`select status, count(*) as n from application where ${where} group by status`,
    overdue: sql<{ n: number }>`select count(*) as n from application
      where ${where} and status = 'a_traiter' and received_at < ${overdueCutoff(now)}`,
  };
}

export function countApplications(
  store: LocalStore,
  filter: ApplicationsFilter,
  now: Date,
): Promise<ApplicationCounts> {
  const { byStatus, overdue } = applicationCountsSql(filter, now);
  return store.read((tx) => {
    const counts = Object.fromEntries(applicationStatuses.map((status) => [status, 0])) as Record<
      ApplicationStatus,
      number
    >;
    for (const row of tx.all(byStatus))
      if (Object.hasOwn(counts, row.status)) counts[row.status as ApplicationStatus] = row.n;
    const total = applicationStatuses.reduce((sum, status) => sum + counts[status], 0);
    return { total, ...counts, overdue: tx.first(overdue)?.n ?? 0 };
  });
}

export function findApplication(tx: ReadTx, id: string, now: Date): LocalApplication | undefined {
  const row = tx.first<ApplicationTable>(sql`select * from application where id = ${id}`);
  return row && withWaitingChanges(tx, [localApplication(row, now)])[0];
}

/** A profile's applications to the structure's offers, the most recent first. */
export function applicationsOfProfile(tx: ReadTx, profileId: string, now: Date): LocalApplication[] {
  return withWaitingChanges(
    tx,
    tx
      .all<ApplicationTable>(
        sql`select * from application where profile_id = ${profileId} order by received_at desc, id desc`,
      )
      .map((row) => localApplication(row, now)),
  );
}

/**
 * "Détails": the application as the user sees it, and, while a change of it waits or was
 * refused, the platform's status beside it and the platform's reason.
 */
export function findApplicationDetails(tx: ReadTx, id: string, now: Date): ApplicationDetails | undefined {
  const application = findApplication(tx, id, now);
  if (!application) return undefined;
  if (application.syncState === 'synced') return { ...application, platformStatus: null, refusal: null };
  const platform = readShadow(tx, 'application', id)?.data.status as ApplicationStatus | undefined;
  const refusal = tx.first<{ last_error: string | null }>(
    sql`select last_error from outbox where entity = 'application' and entity_id = ${id} and state = 'parked'
        order by position desc limit 1`,
  );
  return {
    ...application,
    platformStatus: platform !== undefined && platform !== application.status ? platform : null,
    refusal: refusal?.last_error ?? null,
  };
}

export async function readApplicationDetails(
  store: LocalStore,
  id: string,
  now: Date,
): Promise<ApplicationDetails> {
  const details = await store.read((tx) => findApplicationDetails(tx, id, now));
  if (!details) throw new AppError('not_found', NOT_FOUND);
  return details;
}
