import { sql } from 'kysely';
import { applicationStatuses, type ApplicationStatus } from '../../../shared/domain/applications';
import {
  CHART_TOP_OFFERS,
  CHART_WEEKS,
  type ApplicationsPerOffer,
  type ApplicationsPerWeek,
  type FirstAnswerDelay,
} from '../../../shared/domain/dashboard';
import type { ReadTx } from '../db/store';
import { lastWeeks, type Week } from './paris-time';

/** A tally's hour key (AAAA-MM-JJTHH, UTC) of an instant on a whole hour, as tallies.ts keys them. */
const hourKey = (iso: string) => iso.slice(0, 13);

/** A week's tally rows: a range of their hour keys (one week, at most 169 hours). */
function inWeek(week: Week) {
  return sql`received_hour >= ${hourKey(week.from)} and received_hour < ${hourKey(week.to)}`;
}

/** "Candidatures reçues par semaine": the CHART_WEEKS weeks ending with this one, by status now. */
export function applicationsPerWeek(tx: ReadTx, now: Date): ApplicationsPerWeek {
  const weeks = lastWeeks(now, CHART_WEEKS);
  // A week is at most 169 hours: 676 tally rows, however many applications.
  return weeks.map((week) => {
    const bar = {
      weekStart: week.weekStart,
      ...(Object.fromEntries(applicationStatuses.map((s) => [s, 0])) as Record<ApplicationStatus, number>),
      total: 0,
    };
    for (const row of tx.all<{ status: string; n: number }>(
      sql`select status, sum(n) as n from application_hour_tally where ${inWeek(week)} group by status`,
    )) {
      if (!Object.hasOwn(bar, row.status)) continue;
      bar[row.status as ApplicationStatus] += row.n;
      bar.total += row.n;
    }
    return bar;
  });
}

/** The median of sorted numbers (the mean of the two middle ones for an even count). */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The ranks (0 = smallest) whose mean is the median of `count` values. */
export function middleRanks(count: number): number[] {
  if (count === 0) return [];
  const middle = Math.floor(count / 2);
  return count % 2 === 1 ? [middle] : [middle - 1, middle];
}

/** The day of delay holding each rank, and the rank's place in that day. */
function locate(days: ReadonlyArray<{ day: number; n: number }>, rank: number) {
  let before = 0;
  for (const { day, n } of days) {
    if (rank < before + n) return { day, offset: rank - before };
    before += n;
  }
  throw new Error(`rang ${rank} hors du décompte`);
}

/** The values (seconds) of these ranks among a week's answered applications, read by day of delay. */
function middleValues(
  tx: ReadTx,
  week: Week,
  days: ReadonlyArray<{ day: number; n: number }>,
  ranks: number[],
): number[] {
  const places = ranks.map((rank) => locate(days, rank));
  const read = (day: number, offset: number, count: number) =>
    tx
      .all<{ s: number }>(
        sql`select answer_s as s from application
          where answer_s is not null and answer_s / 86400 = ${day}
            and received_at >= ${week.from} and received_at < ${week.to}
          order by answer_s limit ${count} offset ${offset}`,
      )
      .map((row) => row.s);
  const [first, second] = places;
  if (!first) return [];
  // Two middle ranks of the same day (nearly always): one reading.
  if (second && second.day === first.day) return read(first.day, first.offset, 2);
  return places.flatMap((place) => read(place.day, place.offset, 1));
}

/**
 * "Délai médian avant une première réponse", per week of reception, in days (one decimal); the
 * first answer is the history's first reply (see firstAnswerAt in tallies.ts). The tally gives
 * each week's answered applications per whole day of delay, so the day holding the middle rank
 * is known; only that day's rows of that week are read, in order, for its exact value.
 */
export function firstAnswerDelay(tx: ReadTx, now: Date): FirstAnswerDelay {
  const weeks = lastWeeks(now, CHART_WEEKS);
  return weeks.map((week) => {
    const days = tx.all<{ day: number; n: number }>(
      sql`select answer_day as day, sum(n) as n from application_answer_tally where ${inWeek(week)}
        group by answer_day having sum(n) > 0 order by answer_day`,
    );
    const answered = days.reduce((sum, day) => sum + day.n, 0);
    const values = middleValues(tx, week, days, middleRanks(answered));
    const middle = median(values);
    return {
      weekStart: week.weekStart,
      medianDays: middle === null ? null : Math.round((middle / 86_400) * 10) / 10,
      answered,
    };
  });
}

/**
 * "Candidatures par offre": the CHART_TOP_OFFERS offers "En cours" with the most applications
 * cached here, ties by their number (a provisional one last). Offers without any are left out:
 * an empty bar says nothing. Read from the tally by its total, the largest first (CROSS JOIN
 * keeps that order): the tenth offer's total found, only the offers at or above it are sorted.
 */
export function applicationsPerOffer(tx: ReadTx): ApplicationsPerOffer {
  const enCours = sql`from application_offer_tally as t cross join offer as o
    where o.id = t.offer_id and o.status = 'en_cours' and t.total > 0`;
  const last = tx.first<{ total: number }>(
    sql`select t.total ${enCours} order by t.total desc limit 1 offset ${CHART_TOP_OFFERS - 1}`,
  );
  return tx.all<ApplicationsPerOffer[number]>(
    sql`select o.id as offerId, o.number, o.title, o.employer_name as employerName, t.total, t.a_traiter
      ${enCours} and t.total >= ${last?.total ?? 1}
      order by t.total desc, o.number is null, o.number, o.id limit ${CHART_TOP_OFFERS}`,
  );
}
