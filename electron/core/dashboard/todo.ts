import { sql } from 'kysely';
import {
  TODO_ARCHIVE_WITHIN_DAYS,
  TODO_WAITING_DAYS,
  type DashboardTodo,
  type TodoItem,
} from '../../../shared/domain/dashboard';
import type { ReadTx } from '../db/store';
import { entityNamed } from '../sync/entities';
import { daysBetween, parisDate } from './paris-time';

const DAY_MS = 86_400_000;

const iso = (at: string | number | Date) => new Date(at).toISOString();

/** Which kind comes first when two lines fall due at the same instant (then their own key). */
const kindRank: Record<TodoItem['kind'], number> = {
  sync_refused: 0,
  sync_conflict: 1,
  member_request: 2,
  application_waiting: 3,
  offer_archiving: 4,
};

/** Their own key: what settles ties inside a kind, as their queries order them. */
function keyOf(item: TodoItem): string {
  switch (item.kind) {
    case 'application_waiting':
      return item.applicationId;
    case 'offer_archiving':
      return item.offerId;
    case 'member_request':
      return item.userId;
    default:
      return item.issueId;
  }
}

export function compareTodo(a: TodoItem, b: TodoItem): number {
  if (a.dueAt !== b.dueAt) return a.dueAt < b.dueAt ? -1 : 1;
  if (a.kind !== b.kind) return kindRank[a.kind] - kindRank[b.kind];
  const [ka, kb] = [keyOf(a), keyOf(b)];
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

interface Part {
  items: TodoItem[];
  total: number;
}

/** Applications "A traiter" received more than TODO_WAITING_DAYS days ago, the oldest first. */
function waitingApplications(tx: ReadTx, now: Date, limit: number): Part {
  const cutoff = iso(now.getTime() - TODO_WAITING_DAYS * DAY_MS);
  // Read through the index (status, received_at, id): the first rows of a range, and its count.
  const rows = tx.all<{
    id: string;
    number: number | null;
    applicant_name: string | null;
    offer_title: string;
    received_at: string;
  }>(sql`select id, number, applicant_name, offer_title, received_at from application
    where status = 'a_traiter' and received_at < ${cutoff} order by received_at, id limit ${limit}`);
  // Nearly all of 50,000 "A traiter" may be waiting: the tally (see SyncEntity.tallyColumn) less
  // the few received since the cutoff is counted instead of them.
  const total =
    tx.first<{ n: number }>(
      sql`select coalesce((select n from application_tally where status = 'a_traiter'), 0)
        - (select count(*) from application where status = 'a_traiter' and received_at >= ${cutoff}) as n`,
    )?.n ?? 0;
  return {
    total,
    items: rows.map((row) => ({
      kind: 'application_waiting',
      dueAt: iso(new Date(row.received_at).getTime() + TODO_WAITING_DAYS * DAY_MS),
      applicationId: row.id,
      number: row.number,
      applicantName: row.applicant_name,
      offerTitle: row.offer_title,
      days: Math.floor((now.getTime() - new Date(row.received_at).getTime()) / DAY_MS),
    })),
  };
}

/**
 * Offers "En cours" the platform archives within TODO_ARCHIVE_WITHIN_DAYS days. One whose date
 * has passed while this desktop was offline is still "En cours" here: due today (0 days left).
 */
function archivingOffers(tx: ReadTx, now: Date, limit: number): Part {
  const until = iso(now.getTime() + TODO_ARCHIVE_WITHIN_DAYS * DAY_MS);
  const where = sql`status = 'en_cours' and archive_at is not null and archive_at <= ${until}`;
  const rows = tx.all<{
    id: string;
    number: number | null;
    title: string;
    employer_name: string;
    archive_at: string;
  }>(sql`select id, number, title, employer_name, archive_at from offer where ${where}
    order by archive_at, id limit ${limit}`);
  const total = tx.first<{ n: number }>(sql`select count(*) as n from offer where ${where}`)?.n ?? 0;
  const today = parisDate(now);
  return {
    total,
    items: rows.map((row) => ({
      kind: 'offer_archiving',
      dueAt: iso(row.archive_at),
      offerId: row.id,
      number: row.number,
      title: row.title,
      employerName: row.employer_name,
      archiveAt: iso(row.archive_at),
      // Calendar days in Paris, as the list says it: "aujourd'hui", "demain", "dans 3 jours".
      daysLeft: Math.max(0, daysBetween(today, parisDate(new Date(row.archive_at)))),
    })),
  };
}

/** Collaborators who asked to join: only the référent may accept them, so only the référent sees them. */
function memberRequests(tx: ReadTx, limit: number): Part {
  // joined_at is, for a pending collaborator, when they asked (see memberSchema).
  const rows = tx.all<{ id: string; first_name: string; last_name: string; joined_at: string }>(
    sql`select id, first_name, last_name, joined_at from member where role = 'pending'
      order by joined_at, id limit ${limit}`,
  );
  const total = tx.first<{ n: number }>(sql`select count(*) as n from member where role = 'pending'`)?.n ?? 0;
  return {
    total,
    items: rows.map((row) => ({
      kind: 'member_request',
      dueAt: iso(row.joined_at),
      userId: row.id,
      name: `${row.first_name} ${row.last_name}`,
    })),
  };
}

/** Local changes the platform refused, and conflicts: labelled as `sync.issues` labels them. */
function syncIssues(tx: ReadTx, limit: number): Part {
  // `state != 'pending'` lets the partial index outbox_blocked (0002) skip the waiting changes.
  const issues = sql`from outbox where state in ('parked', 'conflict') and state != 'pending'`;
  const rows = tx.all<{ id: string; entity: string; state: string; created_at: string }>(
    sql`select id, entity, state, created_at ${issues} order by created_at, id limit ${limit}`,
  );
  const total = tx.first<{ n: number }>(sql`select count(*) as n ${issues}`)?.n ?? 0;
  return {
    total,
    items: rows.map((row) => ({
      kind: row.state === 'parked' ? 'sync_refused' : 'sync_conflict',
      dueAt: iso(row.created_at),
      issueId: row.id,
      entityLabel: entityNamed(row.entity)?.label ?? row.entity,
    })),
  };
}

/**
 * "À faire": the first `limit` lines of every kind, merged by `dueAt`. Each kind's query gives
 * its first `limit` in the same order, so the merge's first `limit` are the whole list's.
 */
export function readTodo(tx: ReadTx, now: Date, limit: number, referent: boolean): DashboardTodo {
  const parts = [
    syncIssues(tx, limit),
    waitingApplications(tx, now, limit),
    archivingOffers(tx, now, limit),
    ...(referent ? [memberRequests(tx, limit)] : []),
  ];
  return {
    items: parts
      .flatMap((part) => part.items)
      .sort(compareTodo)
      .slice(0, limit),
    total: parts.reduce((sum, part) => sum + part.total, 0),
  };
}
