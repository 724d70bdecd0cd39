import { sql } from 'kysely';
import { applicationStatuses, type ApplicationStatus } from '../../../shared/domain/applications';
import {
  CHART_TOP_OFFERS,
  CHART_WEEKS,
  type ApplicationsPerOffer,
  type ApplicationsPerWeek,
  type FirstAnswerDelay,
} from '../../../shared/domain/dashboard';
import type { WriteTx } from '../db/store';
import { lastWeeks, type Week } from './paris-time';

/** The week (0 = oldest) of a row, by comparing its reception with the weeks' ends in SQL. */
function weekOf(weeks: Week[]) {
  return sql<number>`case ${sql.join(
    weeks.map((week, i) => sql`when received_at < ${week.to} then ${i}`),
    sql` `,
  )} end`;
}

/** "Candidatures reçues par semaine": the CHART_WEEKS weeks ending with this one, by status now. */
export function applicationsPerWeek(tx: WriteTx, now: Date): ApplicationsPerWeek {
  const weeks = lastWeeks(now, CHART_WEEKS);
  const chart = weeks.map((week) => ({
    weekStart: week.weekStart,
    ...(Object.fromEntries(applicationStatuses.map((s) => [s, 0])) as Record<ApplicationStatus, number>),
    total: 0,
  }));
  // `status in (…)` reads the index (status, received_at): one range per status, no table row.
  const rows = tx.all<{ status: string; week: number; n: number }>(
    sql`select status, ${weekOf(weeks)} as week, count(*) as n from application
      where status in (${sql.join([...applicationStatuses])})
        and received_at >= ${weeks[0]!.from} and received_at < ${weeks.at(-1)!.to}
      group by status, week`,
  );
  for (const row of rows) {
    const bar = chart[row.week];
    if (!bar || !Object.hasOwn(bar, row.status)) continue;
    bar[row.status as ApplicationStatus] += row.n;
    bar.total += row.n;
  }
  return chart;
}

/**
 * The first answer of an application. `replied_at` is the LAST reply: the platform moves it at
 * each one ("Recevable" after reading, "Refusée" after the interview), which would count the
 * interview in the delay. The history keeps every reply ("repondue"): its first one is the first
 * answer. Data that has a reply but no such event (seeded before the history was kept) falls
 * back on `replied_at`.
 */
export const FIRST_ANSWER_SQL = sql<string | null>`coalesce((select min(e.value ->> '$.at')
  from json_each(history) as e where e.value ->> '$.kind' = 'repondue'), replied_at)`;

/** The median of sorted numbers (the mean of the two middle ones for an even count). */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** "Délai médian avant une première réponse", per week of reception, in days (one decimal). */
export function firstAnswerDelay(tx: WriteTx, now: Date): FirstAnswerDelay {
  const weeks = lastWeeks(now, CHART_WEEKS);
  // Every reply sets replied_at: the unanswered ones are left out before their history is read.
  const rows = tx.all<{ week: number; days: number }>(
    sql`select week, days from (select ${weekOf(weeks)} as week,
        julianday(${FIRST_ANSWER_SQL}) - julianday(received_at) as days
      from application
      where received_at >= ${weeks[0]!.from} and received_at < ${weeks.at(-1)!.to} and replied_at is not null)
      order by week, days`,
  );
  const delays: number[][] = weeks.map(() => []);
  for (const row of rows) delays[row.week]?.push(Math.max(0, row.days));
  return weeks.map((week, i) => {
    const middle = median(delays[i]!);
    return {
      weekStart: week.weekStart,
      medianDays: middle === null ? null : Math.round(middle * 10) / 10,
      answered: delays[i]!.length,
    };
  });
}

/**
 * "Candidatures par offre": the CHART_TOP_OFFERS offers "En cours" with the most applications
 * cached here, ties by their number (a provisional one last). Offers without any are left out:
 * an empty bar says nothing.
 */
export function applicationsPerOffer(tx: WriteTx): ApplicationsPerOffer {
  return tx.all<ApplicationsPerOffer[number]>(
    sql`select id as offerId, number, title, employer_name as employerName, total,
        (select count(*) from application a where a.offer_id = top.id and a.status = 'a_traiter') as a_traiter
      from (select o.id, o.number, o.title, o.employer_name,
          (select count(*) from application a where a.offer_id = o.id) as total
        from offer o where o.status = 'en_cours') as top
      where total > 0
      order by total desc, number is null, number, id
      limit ${CHART_TOP_OFFERS}`,
  );
}
