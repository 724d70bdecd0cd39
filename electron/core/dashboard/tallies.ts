import type { Application } from '../../../shared/domain/applications';
import type { WriteTx } from '../db/store';

// The dashboard's charts at 200,000 applications read tallies, not rows (migration 0007):
// - application_hour_tally: applications per hour of reception (UTC) and status. A Paris week
//   starts on a whole UTC hour (Paris is one or two hours ahead), so a week is a range of hours.
// - application_answer_tally: answered applications per hour of reception and whole day of delay
//   before the first answer; the median's day is found there, then its exact value read from
//   the few rows of that day (index application_answer_day).
// - application_offer_tally: applications per offer, and how many "A traiter"; its index on the
//   total gives the most applied-to offers without counting every offer's applications.
// Both follow each write and deletion of a row (the application entity's follower, sync/entities.ts).

const DAY_S = 86_400;

/**
 * The instant of an application's first answer. `repliedAt` is the LAST reply: the platform
 * moves it at each one ("Recevable" after reading, "Refusée" after the interview), which would
 * count the interview in the delay. The history keeps every reply ("repondue"): its first one is
 * the first answer. A reply without such an event (data seeded without history) falls back on
 * `repliedAt`.
 */
export function firstAnswerAt(application: Pick<Application, 'history' | 'repliedAt'>): string | null {
  let first: number | undefined;
  for (const event of application.history)
    if (event.kind === 'repondue') first = Math.min(first ?? Infinity, Date.parse(event.at));
  if (first !== undefined) return new Date(first).toISOString();
  return application.repliedAt;
}

/** The columns the dashboard adds to an application's row: seconds to its first answer (null: none). */
export function dashboardColumns(application: Application): { answer_s: number | null } {
  const at = firstAnswerAt(application);
  if (at === null) return { answer_s: null };
  // An answer dated before the reception (a clock set wrong) counts as immediate.
  return { answer_s: Math.max(0, Math.round((Date.parse(at) - Date.parse(application.receivedAt)) / 1000)) };
}

/** What a row counts for in the tallies. */
export interface Tallied {
  offer_id: string;
  status: string;
  received_at: string;
  answer_s: number | null;
}

/** The columns a row had before a write (its follower reads them). */
export const TALLIED_COLUMNS = ['offer_id', 'status', 'received_at', 'answer_s'] as const;

const hourOf = (receivedAt: string) => receivedAt.slice(0, 13);

/**
 * What a transaction's writes changed in the tallies, written at its end (WriteTx.atEnd): a pull
 * page of 5,000 applications adds up to a few hundred rows of each tally, not 15,000 upserts.
 */
interface Deltas {
  hours: Map<string, { hour: string; status: string; n: number }>;
  answers: Map<string, { hour: string; day: number; n: number }>;
  offers: Map<string, { total: number; aTraiter: number }>;
}

const waiting = new WeakMap<WriteTx, Deltas>();

function deltasOf(tx: WriteTx): Deltas {
  let deltas = waiting.get(tx);
  if (!deltas) {
    deltas = { hours: new Map(), answers: new Map(), offers: new Map() };
    waiting.set(tx, deltas);
    tx.atEnd('dashboard-tallies', () => flush(tx));
  }
  return deltas;
}

function flush(tx: WriteTx): void {
  const deltas = waiting.get(tx);
  waiting.delete(tx);
  if (!deltas) return;
  for (const { hour, status, n } of deltas.hours.values())
    if (n !== 0)
      tx.exec(
        `insert into application_hour_tally (received_hour, status, n) values (?, ?, ?)
          on conflict (received_hour, status) do update set n = n + excluded.n`,
        [hour, status, n],
      );
  for (const { hour, day, n } of deltas.answers.values())
    if (n !== 0)
      tx.exec(
        `insert into application_answer_tally (received_hour, answer_day, n) values (?, ?, ?)
          on conflict (received_hour, answer_day) do update set n = n + excluded.n`,
        [hour, day, n],
      );
  for (const [offerId, { total, aTraiter }] of deltas.offers)
    if (total !== 0 || aTraiter !== 0)
      tx.exec(
        `insert into application_offer_tally (offer_id, total, a_traiter) values (?, ?, ?)
          on conflict (offer_id) do update set total = total + excluded.total, a_traiter = a_traiter + excluded.a_traiter`,
        [offerId, total, aTraiter],
      );
}

function add(tx: WriteTx, row: Tallied, step: 1 | -1): void {
  const deltas = deltasOf(tx);
  const hour = hourOf(row.received_at);
  const byStatus = `${hour} ${row.status}`;
  const counted = deltas.hours.get(byStatus) ?? { hour, status: row.status, n: 0 };
  counted.n += step;
  deltas.hours.set(byStatus, counted);
  const offer = deltas.offers.get(row.offer_id) ?? { total: 0, aTraiter: 0 };
  offer.total += step;
  if (row.status === 'a_traiter') offer.aTraiter += step;
  deltas.offers.set(row.offer_id, offer);
  if (row.answer_s === null) return;
  const day = Math.floor(row.answer_s / DAY_S);
  const byDay = `${hour} ${day}`;
  const answered = deltas.answers.get(byDay) ?? { hour, day, n: 0 };
  answered.n += step;
  deltas.answers.set(byDay, answered);
}

const same = (a: Tallied, b: Tallied) =>
  a.offer_id === b.offer_id &&
  a.status === b.status &&
  hourOf(a.received_at) === hourOf(b.received_at) &&
  (a.answer_s === null ? null : Math.floor(a.answer_s / DAY_S)) ===
    (b.answer_s === null ? null : Math.floor(b.answer_s / DAY_S));

/** A row was written: it counts for what it is now, no longer for what it was (`before`, if any). */
export function moveDashboardTallies(tx: WriteTx, before: Tallied | undefined, after: Tallied): void {
  if (before && same(before, after)) return;
  if (before) add(tx, before, -1);
  add(tx, after, 1);
}

/** A row is about to be deleted: it no longer counts. */
export function untallyApplication(tx: WriteTx, rowid: number): void {
  const row = tx.get<Tallied>(
    'select offer_id, status, received_at, answer_s from application where rowid = ?',
    [rowid],
  );
  if (row) add(tx, row, -1);
}

/** Every application was deleted (the user left the structure): the tallies are empty too. */
export function clearDashboardTallies(tx: WriteTx): void {
  waiting.delete(tx);
  tx.exec('delete from application_hour_tally');
  tx.exec('delete from application_answer_tally');
  tx.exec('delete from application_offer_tally');
}
